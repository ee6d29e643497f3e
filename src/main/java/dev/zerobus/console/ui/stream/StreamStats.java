package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.LoadProgress;
import dev.zerobus.console.workspace.ZerobusQuotas;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the counters show for one ingestion, summed over its streams; rates are over the last 2 s (once every stream
 * ended, the averages over the whole ingestion); latency is the worst stream's.
 * {@code lastRetry} and {@code lastProblem} carry the cause and time of the latest of each.
 * {@code recordsQuota} is the profile's records/s quota per stream ({@link ZerobusQuotas}); {@code rotations} the
 * planned moves to a new stream.
 */
public record StreamStats(StreamBadge badge, int streams, long recordsSent, long recordsAcked, long recordsInFlight,
                          long recordsFailed, long recordsResent, long lastOffsetSent, long ackedOffset, long retries,
                          long recoveries, long errors, double recordsPerSecond, double bytesPerSecond,
                          Duration latencyP50, Duration latencyP99, Duration elapsed, @Nullable LoadProgress load,
                          @Nullable EventRow lastRetry, @Nullable EventRow lastProblem, long recordsQuota, long rotations) {
    public static final StreamStats EMPTY = new StreamStats(StreamBadge.NONE, 0, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 0, 0,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, null, null, null, ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM, 0);

    /** Quotas are per stream: a load over N streams may go N times as fast. */
    public double recordsLimit() {
        return (double) recordsQuota * Math.max(1, streams);
    }

    public double bytesLimit() {
        return (double) ZerobusQuotas.BYTES_PER_SECOND_PER_STREAM * Math.max(1, streams);
    }

    /** "Near the quota" at 80-100 % of it, "over the quota" above; null under 80 %. */
    public @Nullable String limitWarning() {
        return ZerobusQuotas.warning(recordsPerSecond, bytesPerSecond, streams, recordsQuota);
    }
}
