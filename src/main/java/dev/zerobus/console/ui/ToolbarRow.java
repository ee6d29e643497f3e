package dev.zerobus.console.ui;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A toolbar with a left group and a right group (the main action) on one line when the window is wide enough, and on
 * two lines, the right group under the left one and still right-aligned, when it is not: no control is cut. A
 * {@link javafx.scene.layout.FlowPane} as the left group wraps further in a very narrow window.
 */
public final class ToolbarRow extends Region {
    private static final double GAP = 8;
    private final Node left;
    private final Node right;

    public ToolbarRow(Node left, Node right) {
        this.left = left;
        this.right = right;
        getChildren().setAll(left, right);
        getStyleClass().add("toolbar-row");
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private boolean fitsOnOneLine(double width) {
        return width < 0 || left.prefWidth(-1) + GAP + right.prefWidth(-1) <= width - snappedLeftInset() - snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + left.prefWidth(-1) + GAP + right.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.max(left.minWidth(-1), right.minWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        double r = right.prefHeight(-1);
        if (fitsOnOneLine(width)) return snappedTopInset() + Math.max(left.prefHeight(-1), r) + snappedBottomInset();
        return snappedTopInset() + left.prefHeight(inner) + GAP + r + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double rightWidth = Math.min(w, right.prefWidth(-1));
        if (fitsOnOneLine(getWidth())) {
            double h = getHeight() - y - snappedBottomInset();
            layoutInArea(left, x, y, w - rightWidth - GAP, h, 0, null, true, false, HPos.LEFT, VPos.CENTER);
            layoutInArea(right, x + w - rightWidth, y, rightWidth, h, 0, null, true, false, HPos.RIGHT, VPos.CENTER);
        } else {
            double l = left.prefHeight(w);
            layoutInArea(left, x, y, w, l, 0, null, true, false, HPos.LEFT, VPos.CENTER);
            layoutInArea(right, x + w - rightWidth, y + l + GAP, rightWidth, right.prefHeight(-1), 0, null, true, false,
                    HPos.RIGHT, VPos.CENTER);
        }
    }
}
