package dev.zerobus.console.ingest;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A load's progress, sampled by a monitor. {@code eta} is null until it can be estimated. */
public record LoadProgress(long read, long skipped, long sent, long acked, long failed, long retries, long rotations,
                           double rowsPerSecond,
                           double fraction, Duration elapsed, @Nullable Duration eta, boolean paused, boolean done) {
}
