package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.ui.AppContext;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** PLACEHOLDER: the Catalog pane; replaced by its View and ViewModel. */
public final class CatalogPane {
    private CatalogPane() {}

    /** Builds the pane. Called once, on the FX thread. */
    public static Node create(AppContext context) {
        var box = new VBox(new Label("Catalog"));
        box.getStyleClass().add("pane-content");
        box.setId("catalog-pane");
        return box;
    }
}
