package dev.zerobus.console.ui;

import javafx.animation.AnimationTimer;

/**
 * Measures the gaps between FX pulses while it runs: if anything blocks the FX thread, a gap grows. Keeps the
 * largest gap and a millisecond histogram (for percentiles). Start and stop it on the FX thread.
 */
public final class PulseProbe extends AnimationTimer {
    private final int[] histogram = new int[2_001]; // gap in ms, the last bucket holds everything longer
    private long last;
    private volatile long maxGapNanos;
    private volatile int gaps;

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            maxGapNanos = Math.max(maxGapNanos, gap);
            histogram[(int) Math.min(histogram.length - 1, gap / 1_000_000)]++;
            gaps++;
        }
        last = now;
    }

    public long maxGapMillis() {
        return maxGapNanos / 1_000_000;
    }

    /** The gap (ms) that {@code fraction} of all gaps stay at or under. */
    public synchronized int percentileMillis(double fraction) {
        long wanted = (long) Math.ceil(fraction * gaps);
        long seen = 0;
        for (int ms = 0; ms < histogram.length; ms++) {
            seen += histogram[ms];
            if (seen >= wanted) return ms;
        }
        return histogram.length - 1;
    }

    /** How many gaps were longer than {@code millis}. */
    public synchronized int gapsLongerThan(int millis) {
        int n = 0;
        for (int ms = millis + 1; ms < histogram.length; ms++) n += histogram[ms];
        return n;
    }

    public int pulses() {
        return gaps;
    }
}
