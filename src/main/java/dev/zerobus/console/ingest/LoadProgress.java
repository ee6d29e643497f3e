package dev.zerobus.console.ingest;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A load's progress, sampled by a monitor. {@code eta} is null until it can be estimated. {@code stopped}: it was
 * cancelled (by the person or a quit), so {@code fraction} is how far it got, not 1.
 */
public record LoadProgress(long read, long skipped, long sent, long acked, long failed, long retries, double rowsPerSecond,
                           double fraction, Duration elapsed, @Nullable Duration eta, boolean paused, boolean done,
                           boolean stopped) {
    public LoadProgress(long read, long skipped, long sent, long acked, long failed, long retries, double rowsPerSecond,
                        double fraction, Duration elapsed, @Nullable Duration eta, boolean paused, boolean done) {
        this(read, skipped, sent, acked, failed, retries, rowsPerSecond, fraction, elapsed, eta, paused, done, false);
    }
}
