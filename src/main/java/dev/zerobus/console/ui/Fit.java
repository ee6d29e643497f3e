package dev.zerobus.console.ui;

import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.scene.layout.Region;

/**
 * Small layout rules that keep the panes usable from 1024x700 up: text that must never be cut keeps its width, and
 * text that may be cut (names, types, paths) shows whole in a tooltip.
 */
public final class Fit {
    private Fit() {}

    /** These nodes never shrink below their preferred width, so their text is never ellipsized. */
    public static void keepWidth(Region... nodes) {
        for (Region node : nodes) node.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** A tooltip that always shows the whole text, for a label that may be ellipsized in a narrow window. */
    public static <T extends Labeled> T tooltipWithText(T labeled) {
        var tooltip = new Tooltip();
        tooltip.textProperty().bind(labeled.textProperty());
        labeled.setTooltip(tooltip);
        return labeled;
    }

    /** A combo box's tooltip names its whole value (the button cell cuts long values), before its help text. */
    public static void tooltipWithValue(ComboBoxBase<?> combo, String help) {
        var tooltip = new Tooltip();
        tooltip.textProperty().bind(combo.valueProperty().map(v -> combo instanceof javafx.scene.control.ComboBox<?> c
                && c.getConverter() != null ? convert(c, v) + "\n" + help : v + "\n" + help).orElse(help));
        combo.setTooltip(tooltip);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String convert(javafx.scene.control.ComboBox combo, Object value) {
        return combo.getConverter().toString(value);
    }

    /**
     * A dialog's body that scrolls inside the dialog pane, so the dialog and its buttons fit a 1024x700 window
     * whatever the body holds; {@code width} x {@code height} is the viewport it asks for.
     */
    public static ScrollPane scrollingBody(Node content, String id, double width, double height) {
        var scroll = new ScrollPane(content);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(width);
        scroll.setPrefViewportHeight(height);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /** A column width that shows {@code title} whole, between {@code min} and {@code max} pixels. */
    public static double widthToShow(String title, double min, double max) {
        var text = new Text(title);
        return Math.clamp(text.getLayoutBounds().getWidth() + 28, min, max);
    }

    /** Every column header of the table names its column in a tooltip (long file headers get cut). */
    public static void headerTooltips(TableView<?> table) {
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (needs) return;
            for (Node node : table.lookupAll(".column-header")) {
                if (node instanceof TableColumnHeader header && header.getTableColumn() != null
                        && !header.getProperties().containsKey(Tooltip.class)) {
                    header.getProperties().put(Tooltip.class, Boolean.TRUE);
                    Tooltip.install(header, new Tooltip(header.getTableColumn().getText()));
                }
            }
        });
    }

    /** Cells that show their whole text in a tooltip (types like struct<...> and long values get cut). */
    public static <S> TableCell<S, String> textCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        };
    }
}
