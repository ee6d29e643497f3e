package dev.zerobus.console.workspace;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * A client secret. Its {@link #toString()} is masked so that it can never reach a log, an exception message or a
 * report by accident; {@link #reveal()} is the one explicit way to read it (to hand it to an SDK).
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Replaces every occurrence of this secret in {@code text} with a mask (for reports built from foreign text). */
    public String redact(String text) {
        return value.length() < 4 || text == null ? text : text.replace(value, "****");
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(value.getBytes(), s.value.getBytes());
    }

    @Override
    public int hashCode() {
        return 0; // constant: a hash derived from the secret would leak information about it
    }
}
