package dev.zerobus.console.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/**
 * The red line under a form or a result that says what is wrong and how to fix it: it wraps, follows the model's
 * text and takes no room while that text is empty. One place, so every pane's problem line looks and behaves alike.
 */
public final class ProblemLine {
    private ProblemLine() {}

    /** A {@code problem-text} label with this id, bound to {@code text}, shown only while the text is not empty. */
    public static Label of(String id, ObservableStringValue text) {
        var line = new Label();
        line.setId(id);
        line.getStyleClass().add("problem-text");
        line.setWrapText(true);
        line.textProperty().bind(text);
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }
}
