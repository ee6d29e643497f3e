package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ui.AppContext;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** PLACEHOLDER: the Stream pane; replaced by its View and ViewModel. */
public final class StreamPane {
    private StreamPane() {}

    /** Builds the pane. Called once, on the FX thread. */
    public static Node create(AppContext context) {
        var box = new VBox(new Label("Stream"));
        box.getStyleClass().add("pane-content");
        box.setId("stream-pane");
        return box;
    }
}
