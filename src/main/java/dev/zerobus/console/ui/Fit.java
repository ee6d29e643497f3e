package dev.zerobus.console.ui;

import java.util.LinkedHashMap;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;

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

    /**
     * A preferred width of {@code em} times the node's font size, so that it grows with View > Text size where a
     * width in pixels would cut the text at 125 or 150 % (14px text: 10em = 140px). Set as an inline style.
     */
    public static <T extends Region> T widthInEm(T node, double em) {
        node.setStyle(node.getStyle() + "-fx-pref-width: " + em + "em;");
        return node;
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

    /**
     * Every column at least as wide as its title, measured in the header's font at each layout (so at every text
     * size): narrow windows squeeze the cells, never the titles.
     */
    public static void headersKeepText(TableView<?> table) {
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (needs) return;
            for (Node node : table.lookupAll(".column-header")) {
                if (node instanceof TableColumnHeader header && header.getTableColumn() != null) {
                    double width = headerWidth(header);
                    var column = header.getTableColumn();
                    if (width > 0 && Math.abs(column.getMinWidth() - width) > 0.5) column.setMinWidth(width);
                }
            }
        });
    }

    /** The property of a column whose cells are not plain text: the widest text its cells show (with an icon). */
    public static final String WIDEST_TEXT = "fit.widestText";

    /** How many rows {@link #columnsFitText} measures, so that a long log stays cheap to measure at each change. */
    static final int ROWS_MEASURED = 200;

    /** The widest a column gets from its text, in em; longer texts are cut and show whole in their cell's tooltip. */
    static final double WIDEST_COLUMN_EM = 40;

    /**
     * Columns as wide as their title and their widest cell (the first {@value #ROWS_MEASURED} rows), measured in the
     * table's font (so at every text size). When they do not fit, the table scrolls horizontally (a constrained resize
     * policy would hide the horizontal scroll bar and cut the last columns); when they do, {@code flex} takes the room
     * left (none when null). Cells of non-text columns are measured by their {@link #WIDEST_TEXT} plus room for an
     * icon; no column gets wider than {@value #WIDEST_COLUMN_EM} em from its text.
     */
    public static <S> void columnsFitText(TableView<S> table, @Nullable TableColumn<S, ?> flex) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        var measured = new Object() {
            @Nullable Font font;
            int items = -1;
            double available = -1;
            boolean dirty = true;
        };
        table.itemsProperty().subscribe(items -> measured.dirty = true);
        table.getItems().addListener((ListChangeListener<S>) c -> measured.dirty = true);
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> measured.dirty = true);
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (needs) return;
            Labeled sample = null;
            for (Node node : table.lookupAll(".table-cell")) {
                if (node instanceof TableCell<?, ?> cell && cell.isVisible()) { sample = cell; break; }
            }
            if (sample == null) return;
            double available = availableWidth(table);
            if (!measured.dirty && sample.getFont().equals(measured.font) && table.getItems().size() == measured.items
                    && Math.abs(available - measured.available) < 0.5) return;
            measured.dirty = false;
            measured.font = sample.getFont();
            measured.items = table.getItems().size();
            measured.available = available;
            double padding = sample.snappedLeftInset() + sample.snappedRightInset() + 2;
            var widths = new LinkedHashMap<TableColumn<S, ?>, Double>();
            double sum = 0;
            for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
                double width = 0;
                for (Node node : table.lookupAll(".column-header")) {
                    if (node instanceof TableColumnHeader header && header.getTableColumn() == column) width = headerWidth(header);
                }
                if (column.getProperties().get(WIDEST_TEXT) instanceof String widest) {
                    width = Math.max(width, textWidth(measured.font, widest) + 1.6 * measured.font.getSize() + padding);
                } else {
                    int rows = Math.min(table.getItems().size(), ROWS_MEASURED);
                    for (int i = 0; i < rows; i++) {
                        if (column.getCellData(i) instanceof String text) width = Math.max(width, textWidth(measured.font, text) + padding);
                    }
                }
                width = Math.ceil(Math.min(width, WIDEST_COLUMN_EM * measured.font.getSize()));
                widths.put(column, width);
                sum += width;
            }
            if (sum < available && flex != null && widths.containsKey(flex)) widths.merge(flex, Math.floor(available - sum), Double::sum);
            widths.forEach((column, width) -> {
                if (Math.abs(column.getPrefWidth() - width) > 0.5) column.setPrefWidth(width);
            });
        });
    }

    /** The width inside the table for its columns: without its insets and a vertical scroll bar on show. */
    private static double availableWidth(TableView<?> table) {
        double width = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL
                    && bar.isVisible() && bar.getParent() instanceof VirtualFlow<?>) {
                width -= bar.getWidth();
            }
        }
        return width;
    }

    /** The title's width in the header's font, its insets and room for a sort arrow (as JavaFX's own fit does). */
    private static double headerWidth(TableColumnHeader header) {
        Label label = null;
        for (Node child : header.getChildrenUnmodifiable()) if (child instanceof Label l) label = l;
        if (label == null || header.getTableColumn().getText() == null) return 0;
        Node graphic = label.getGraphic();
        double graphicWidth = graphic == null ? 0 : graphic.prefWidth(-1) + label.getGraphicTextGap();
        return Math.ceil(textWidth(label.getFont(), header.getTableColumn().getText()) + graphicWidth + 10
                + label.snappedLeftInset() + label.snappedRightInset() + header.snappedLeftInset() + header.snappedRightInset());
    }

    private static double textWidth(Font font, String text) {
        var measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
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
