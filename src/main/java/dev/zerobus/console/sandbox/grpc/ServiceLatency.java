package dev.zerobus.console.sandbox.grpc;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Durability-ACK latency as the service shows it: "Time to durability P50 <= 200 ms, P95 <= 500 ms"
 * (https://docs.databricks.com/aws/en/ingestion/zerobus-limits), about 150 ms at p50 (Zerobus overview pages). Drawn
 * from a log-normal with median 150 ms and sigma ln(3)/1.645, so p95 = 450 ms; capped at 2 s (the docs give no
 * tail beyond p95, and a longer wait would only run into the SDK's ACK timeout). Thread-safe.
 */
final class ServiceLatency {
    static final double MEDIAN_MILLIS = 150;
    static final double SIGMA = Math.log(3) / 1.645;
    static final long CAP_MILLIS = 2_000;

    private ServiceLatency() {}

    static long drawMillis() {
        double value = MEDIAN_MILLIS * Math.exp(SIGMA * ThreadLocalRandom.current().nextGaussian());
        return Math.min(CAP_MILLIS, Math.round(value));
    }
}
