package dev.zerobus.console.ui.records;

import dev.zerobus.console.ui.AppContext;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** PLACEHOLDER: the Records pane; replaced by its View and ViewModel. */
public final class RecordsPane {
    private RecordsPane() {}

    /** Builds the pane. Called once, on the FX thread. */
    public static Node create(AppContext context) {
        var box = new VBox(new Label("Records"));
        box.getStyleClass().add("pane-content");
        box.setId("records-pane");
        return box;
    }
}
