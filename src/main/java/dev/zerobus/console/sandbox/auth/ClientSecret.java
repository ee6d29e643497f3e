package dev.zerobus.console.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One OAuth secret of a service principal, kept as a salted SHA-256 hash only: the value is shown once, when it is
 * created, and never stored. Secrets are long random strings, so a salted hash is enough (no password stretching).
 */
public record ClientSecret(String id, byte[] salt, byte[] hash, Instant createTime, Instant expireTime) {

    static ClientSecret of(String id, String value, byte[] salt, Instant createTime, Instant expireTime) {
        return new ClientSecret(id, salt.clone(), digest(salt, value), createTime, expireTime);
    }

    boolean matches(String value) {
        return MessageDigest.isEqual(hash, digest(salt, value == null ? "" : value));
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expireTime);
    }

    /** What the secrets API shows as {@code secret_hash}: the first hex digits of the salted hash, never the secret. */
    public String shortHash() {
        return HexFormat.of().formatHex(hash).substring(0, 12);
    }

    private static byte[] digest(byte[] salt, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ClientSecret[id=" + id + ", created=" + createTime + ", expires=" + expireTime + "]";
    }
}
