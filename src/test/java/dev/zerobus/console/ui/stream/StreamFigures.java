package dev.zerobus.console.ui.stream;

import javafx.scene.Node;

/** Figures of the Stream pane that a bench outside this package prints. */
public final class StreamFigures {
    private StreamFigures() {}

    /** The longest time one sample of the counters took (ms), for the Stream pane {@code #stream-pane}. FX thread. */
    public static long longestSampleMillis(Node streamPane) {
        return ((StreamView) streamPane).model().longestSampleMillis();
    }
}
