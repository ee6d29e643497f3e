package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.LoadProgress;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the counters show for one ingestion, summed over its streams; rates are over the last 2 s (once every stream
 * ended, the averages over the whole ingestion); latency is the worst stream's. {@code lastRetry} and {@code lastProblem} carry the cause and time of the latest of each.
 */
public record StreamStats(StreamBadge badge, int streams, long recordsSent, long recordsAcked, long recordsInFlight,
                          long recordsFailed, long recordsResent, long lastOffsetSent, long ackedOffset, long retries,
                          long recoveries, long errors, double recordsPerSecond, double bytesPerSecond,
                          Duration latencyP50, Duration latencyP99, Duration elapsed, @Nullable LoadProgress load,
                          @Nullable EventRow lastRetry, @Nullable EventRow lastProblem) {
    public static final double RECORDS_PER_SECOND_LIMIT = 15_000;
    public static final double BYTES_PER_SECOND_LIMIT = 100_000_000;
    public static final double WARNING_FRACTION = 0.8;

    public static final StreamStats EMPTY = new StreamStats(StreamBadge.NONE, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, 0,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, null, null, null);

    /** Per-stream limits are per stream: a load over N streams may go N times as fast. */
    public double recordsLimit() {
        return RECORDS_PER_SECOND_LIMIT * Math.max(1, streams);
    }

    public double bytesLimit() {
        return BYTES_PER_SECOND_LIMIT * Math.max(1, streams);
    }

    /** A warning when a rate is above 80% of its limit; null when there is none. */
    public @Nullable String limitWarning() {
        if (recordsPerSecond > WARNING_FRACTION * recordsLimit()) {
            return "Near the limit of 15,000 records/s per stream: expect throttling; add streams or batch records.";
        }
        if (bytesPerSecond > WARNING_FRACTION * bytesLimit()) {
            return "Near the limit of 100 MB/s per stream: expect throttling; add streams.";
        }
        return null;
    }
}
