package dev.zerobus.console.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and looks up the sandbox's OAuth tokens and holds its principals' client secrets. Secrets are
 * minted at every start (or given by the caller) and live in memory only: nothing secret reaches the data dir.
 * Thread-safe.
 */
public final class TokenService {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    private final Map<String, TokenGrant> tokens = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration tokenLifetime;

    public TokenService(Clock clock, Duration tokenLifetime) {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /** Registers a principal with the given secret, or a fresh random one when {@code secret} is null. Returns the secret. */
    public String register(Principal principal, String secret) {
        String value = secret != null ? secret : "sbx-" + randomToken(24);
        principals.put(principal.clientId(), principal);
        secrets.put(principal.clientId(), value.getBytes(StandardCharsets.UTF_8));
        return value;
    }

    public Optional<Principal> principal(String clientId) {
        return Optional.ofNullable(principals.get(clientId));
    }

    public Collection<Principal> principals() {
        return List.copyOf(principals.values());
    }

    /** The outcome of checking client credentials. */
    public sealed interface Authentication {
        record Accepted(Principal principal) implements Authentication {}
        record UnknownClient(String clientId) implements Authentication {}
        record WrongSecret(String clientId) implements Authentication {}
    }

    public Authentication authenticate(String clientId, String secret) {
        byte[] expected = secrets.get(clientId);
        if (expected == null) return new Authentication.UnknownClient(clientId);
        byte[] given = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given)
                ? new Authentication.Accepted(principals.get(clientId))
                : new Authentication.WrongSecret(clientId);
    }

    public TokenGrant issue(Principal principal, String scope, List<AuthorizationDetail> details) {
        purgeExpired();
        String token = "sbxtok-" + randomToken(32);
        var grant = new TokenGrant(token, principal, scope, clock.instant().plus(tokenLifetime), details);
        tokens.put(token, grant);
        return grant;
    }

    /** The outcome of checking a bearer token. */
    public sealed interface Lookup {
        record Valid(TokenGrant grant) implements Lookup {}
        record Missing() implements Lookup {}
        record Unknown() implements Lookup {}
        record Expired(Instant expiredAt, String clientId) implements Lookup {}
    }

    /** Looks up the value of an {@code authorization} header (or a bare token). */
    public Lookup lookup(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) return new Lookup.Missing();
        String token = authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorizationHeader.substring(7).strip() : authorizationHeader.strip();
        TokenGrant grant = tokens.get(token);
        if (grant == null) return new Lookup.Unknown();
        if (grant.isExpired(clock.instant())) return new Lookup.Expired(grant.expiresAt(), grant.principal().clientId());
        return new Lookup.Valid(grant);
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Keeps recently expired tokens for an hour so that clients are told "expired" rather than "unknown". */
    private void purgeExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofHours(1));
        tokens.values().removeIf(g -> g.expiresAt().isBefore(cutoff));
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
