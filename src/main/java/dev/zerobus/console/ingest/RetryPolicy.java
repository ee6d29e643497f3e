package dev.zerobus.console.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a session retries after a retryable failure: exponential back-off with jitter (half to full of the
 * computed delay), at most {@code maxAttempts} new streams in a row before it gives up.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RetryPolicy {
        if (maxAttempts < 0) throw new IllegalArgumentException("maxAttempts must be >= 0");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before attempt {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(maxBackoff.toMillis(), base);
        if (capped <= 0) return Duration.ZERO;
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
