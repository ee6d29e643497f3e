package dev.zerobus.console.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ButtonBase;
import javafx.scene.text.Text;

/**
 * What a person would call "cut off" in a window: a label or button whose text the skin ellipsized, or a control
 * that lies (partly) outside the window where no scroll bar can bring it in. JavaFX 21 has no
 * {@code Labeled.isTextTruncated()}, so the rendered {@link Text} of the skin is compared with the label's text.
 */
public final class LayoutCheck {
    private LayoutCheck() {}

    /** Every problem under {@code root} as "what: where" lines; empty when everything fits. FX thread. */
    public static List<String> problems(Scene scene, Node root) {
        var found = new ArrayList<String>();
        walk(scene, root, found);
        return found;
    }

    private static void walk(Scene scene, Node node, List<String> found) {
        if (!node.isVisible() || node.getOpacity() == 0) return;
        if (node instanceof VirtualFlow<?>) return; // rows of lists, trees and tables: clipped by design
        if (node instanceof Labeled labeled) {
            String rendered = rendered(labeled);
            String text = labeled.getText();
            if (text != null && !text.isBlank() && rendered != null && isCut(labeled, rendered, text) && !hasTooltipWith(labeled, text)) {
                found.add("ellipsized " + describe(labeled) + ": \"" + rendered + "\" for \"" + text + "\"");
            }
        }
        if (isControlToReach(node) && !insideScrollPane(node) && node.getScene() != null) {
            Bounds b = node.localToScene(node.getBoundsInLocal());
            if (b.getWidth() > 0 && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > scene.getWidth() + 1
                    || b.getMaxY() > scene.getHeight() + 1)) {
                found.add("outside the window " + describe(node) + ": " + format(b) + " in " + scene.getWidth() + "x" + scene.getHeight());
            }
        }
        if (node instanceof Control c && c.getSkin() == null) return;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) walk(scene, child, found);
        }
    }

    private static boolean isControlToReach(Node node) {
        return node instanceof ButtonBase || node instanceof ComboBoxBase<?> || node instanceof ChoiceBox<?>
                || node instanceof Spinner<?> || node instanceof TextInputControl;
    }

    private static boolean insideScrollPane(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) if (p instanceof ScrollPane) return true;
        return false;
    }

    /** The text the skin drew (joined lines when wrapped), or null when the skin shows none. */
    private static String rendered(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.isVisible()) return t.getText();
        }
        return null;
    }

    private static boolean isCut(Labeled labeled, String rendered, String text) {
        // Wrapped text comes back with line breaks where spaces were.
        String ellipsis = labeled.getEllipsisString();
        return !normalise(rendered).equals(normalise(text)) && (ellipsis.isEmpty() || rendered.contains(ellipsis.strip()));
    }

    /** A cut text is fine when hovering shows it whole: a tooltip on the label or on the control that owns it. */
    private static boolean hasTooltipWith(Node node, String text) {
        int depth = 0;
        for (Node n = node; n != null && depth < 4; n = n.getParent(), depth++) {
            Tooltip tooltip = n instanceof Control c ? c.getTooltip() : null;
            // Tooltip.install keeps the tooltip in the node's properties under this key (column headers use it).
            if (tooltip == null && n.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip installed) tooltip = installed;
            if (tooltip != null && tooltip.getText() != null && normalise(tooltip.getText()).contains(normalise(text))) return true;
        }
        return false;
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String describe(Node node) {
        String id = node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName();
        for (Node p = node.getParent(); p != null && node.getId() == null; p = p.getParent()) {
            if (p.getId() != null) return id + " in #" + p.getId();
        }
        return id;
    }

    private static String format(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f - %.0f,%.0f]", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }
}
