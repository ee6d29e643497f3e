package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.schema.ProtoSchema;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.ui.Fit;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The table's columns with their types, nullability, and a flag (with the reason) on those PROTO cannot carry. */
final class ColumnsTable extends TableView<TableColumn> {
    private ProtoSchema proto;

    ColumnsTable() {
        setId("table-columns");
        var name = new javafx.scene.control.TableColumn<TableColumn, String>("Column");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        var type = new javafx.scene.control.TableColumn<TableColumn, String>("Type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type().typeText()));
        type.setCellFactory(c -> Fit.textCell());
        name.setCellFactory(c -> Fit.textCell());
        var nullable = new javafx.scene.control.TableColumn<TableColumn, String>("Nullable");
        nullable.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nullable() ? "yes" : "no"));
        var zerobus = new javafx.scene.control.TableColumn<TableColumn, TableColumn>("Zerobus");
        zerobus.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        zerobus.setCellFactory(c -> new FlagCell());
        zerobus.getProperties().put(Fit.WIDEST_TEXT, "unsupported");
        getColumns().setAll(List.of(name, type, nullable, zerobus));
        // Every column as wide as its longest text (struct<street:string,...> whole), scrolling sideways when narrow.
        Fit.columnsFitText(this, type);
        setPlaceholder(new Label("This table has no columns."));
        getStyleClass().addAll("columns-table", Styles.DENSE);
    }

    void show(SelectedTable table) {
        proto = table.proto();
        getItems().setAll(table.details().schema().columns());
    }

    /** "ok", or a warning flag whose text and tooltip give the reason the column cannot be carried. */
    private final class FlagCell extends TableCell<TableColumn, TableColumn> {
        @Override
        protected void updateItem(TableColumn column, boolean empty) {
            super.updateItem(column, empty);
            ProtoSchema.ColumnProblem problem = empty || column == null || proto == null ? null : proto.problemFor(column.name());
            setId(null);
            if (empty || column == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                getStyleClass().remove("unsupported");
            } else if (problem == null) {
                setText("ok");
                setGraphic(new FontIcon(Feather.CHECK));
                setTooltip(null);
                getStyleClass().remove("unsupported");
            } else {
                setId("unsupported-" + column.name());
                setText("unsupported");
                setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
                var tip = new Tooltip(problem.message());
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                setTooltip(tip);
                if (!getStyleClass().contains("unsupported")) getStyleClass().add("unsupported");
            }
        }
    }
}
