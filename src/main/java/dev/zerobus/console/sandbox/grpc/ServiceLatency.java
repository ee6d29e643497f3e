package dev.zerobus.console.sandbox.grpc;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Durability-ACK latency as the service shows it: "Time to durability: approximately 150 ms"
 * (https://docs.databricks.com/aws/en/ingestion/zerobus-quotas), "P95 <= 500 ms, P50 <= 200 ms"
 * (https://docs.databricks.com/aws/en/ingestion/zerobus-limits). Log-normal with median 150 ms and sigma
 * ln(3)/1.645, so p95 = 450 ms; capped at 2 s (the docs give no tail beyond p95, and a longer wait would only run
 * into the SDK's ACK timeout).
 *
 * <p>One stream's latencies drift rather than jump ({@link #next}): ACKs leave in order, so independent draws per
 * ACK would hold each ACK behind the slowest of the ones before it (measured: p50 830 ms instead of 150 ms at 50
 * records/s). The log of the latency follows a stationary Ornstein-Uhlenbeck process with a {@link #DRIFT_NANOS}
 * time constant, so every ACK still sees the distribution above. Not thread-safe: one per stream, under its monitor.
 */
final class ServiceLatency {
    static final double MEDIAN_MILLIS = 150;
    static final double SIGMA = Math.log(3) / 1.645;
    static final long CAP_MILLIS = 2_000;
    static final long DRIFT_NANOS = 1_000_000_000L;

    private double z = ThreadLocalRandom.current().nextGaussian();
    private long lastNanos = System.nanoTime();

    /** An independent draw from the distribution. */
    static long drawMillis() {
        return millis(ThreadLocalRandom.current().nextGaussian());
    }

    /** This stream's latency now: correlated with the previous one by how recently it was drawn. */
    long next(long nowNanos) {
        double rho = Math.exp(-Math.max(0, nowNanos - lastNanos) / (double) DRIFT_NANOS);
        lastNanos = nowNanos;
        z = rho * z + Math.sqrt(1 - rho * rho) * ThreadLocalRandom.current().nextGaussian();
        return millis(z);
    }

    private static long millis(double gaussian) {
        return Math.min(CAP_MILLIS, Math.round(MEDIAN_MILLIS * Math.exp(SIGMA * gaussian)));
    }
}
