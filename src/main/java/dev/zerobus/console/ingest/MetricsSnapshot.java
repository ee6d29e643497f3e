package dev.zerobus.console.ingest;

import java.time.Duration;

/**
 * A consistent-enough read of a session's counters, taken ~10 times a second by a monitor (UI or CLI). Rates are
 * over the time since the previous snapshot of the same {@link SessionMetrics}. {@code rotations} counts planned
 * moves to a new stream when the service ended one on schedule (code 6002); they are neither errors nor retries.
 */
public record MetricsSnapshot(SessionState state, long recordsSent, long recordsAcked, long recordsInFlight,
                              long recordsFailed, long recordsResent, long bytesSent, long lastOffsetSent,
                              long ackedOffset, long retries, long recoveries, long errors, double recordsPerSecond,
                              double bytesPerSecond, Duration latencyP50, Duration latencyP99, Duration elapsed,
                              long rotations) {
}
