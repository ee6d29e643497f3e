package dev.zerobus.console.ui.connection;

import dev.zerobus.console.ui.AppContext;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** PLACEHOLDER: the Connection pane; replaced by its View and ViewModel. */
public final class ConnectionPane {
    private ConnectionPane() {}

    /** Builds the pane. Called once, on the FX thread. */
    public static Node create(AppContext context) {
        var box = new VBox(new Label("Connection"));
        box.getStyleClass().add("pane-content");
        box.setId("connection-pane");
        return box;
    }
}
