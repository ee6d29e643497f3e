package dev.zerobus.console.ui.stream;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Next to {@link dev.zerobus.console.ui.PulseProbe}: the spread of the gaps: on a shared machine one stop-the-world GC pause or a starved core
 * makes the largest gap long whatever the pane does, so the tests also look at the 99th percentile.
 */
final class GapProbe extends AnimationTimer {
    private long last;
    private long[] gaps = new long[4096];
    private int count;

    @Override
    public void handle(long now) {
        if (last != 0) {
            if (count == gaps.length) gaps = Arrays.copyOf(gaps, count * 2);
            gaps[count++] = now - last;
        }
        last = now;
    }

    /** FX thread (after stop()). */
    long percentileMillis(double percentile) {
        if (count == 0) return 0;
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(percentile / 100 * count) - 1)] / 1_000_000;
    }

    int pulses() {
        return count;
    }
}
