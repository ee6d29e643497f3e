package dev.zerobus.console.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures the largest gap between two FX pulses while it runs: if anything blocks the FX thread, the gap grows.
 * Start and stop it on the FX thread.
 */
public final class PulseProbe extends AnimationTimer {
    private long last;
    private volatile long maxGapNanos;

    @Override
    public void handle(long now) {
        if (last != 0) maxGapNanos = Math.max(maxGapNanos, now - last);
        last = now;
    }

    public long maxGapMillis() {
        return maxGapNanos / 1_000_000;
    }
}
