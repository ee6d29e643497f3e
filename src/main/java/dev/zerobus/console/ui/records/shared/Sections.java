package dev.zerobus.console.ui.records.shared;

import dev.zerobus.console.ui.Fit;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Section headings shared by the Compose, Import and Generate views: a title with a muted hint beside it. */
public final class Sections {
    private Sections() {}

    public static HBox sectionTitle(String title, String hint) {
        var t = new Label(title);
        t.getStyleClass().add("section-title");
        Fit.keepWidth(t);
        var h = Fit.tooltipWithText(new Label(hint)); // the hint may be cut in a narrow window, the title never
        h.getStyleClass().add("muted");
        h.setMinWidth(0);
        var box = new HBox(8, t, h);
        box.setAlignment(Pos.BASELINE_LEFT);
        return box;
    }

    public static VBox titled(String title, String hint, Node content) {
        VBox.setVgrow(content, Priority.ALWAYS);
        var box = new VBox(6, sectionTitle(title, hint), content);
        box.setMinHeight(0);
        return box;
    }
}
