package dev.zerobus.console.ui.records.shared;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ingest.RowError;
import dev.zerobus.console.ui.Fit;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The rows a load could not send: line, column, value and reason. */
public final class ErrorsTable extends TableView<RowError> {
    public ErrorsTable(ObservableList<RowError> errors, String id) {
        super(errors);
        setId(id);
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No bad rows so far."));
        getColumns().setAll(
                column("Line", 60, e -> Long.toString(e.line())),
                column("Column", 120, RowError::column),
                column("Value", 160, e -> e.value() == null ? "(none)" : e.value()),
                column("Reason", 500, RowError::reason));
        Fit.headersKeepText(this);
        setRowFactory(table -> {
            var row = new TableRow<RowError>();
            row.itemProperty().subscribe(item -> row.setTooltip(item == null ? null : new Tooltip(item.reason())));
            return row;
        });
    }

    private static TableColumn<RowError, String> column(String name, double width, Function<RowError, String> value) {
        var column = new TableColumn<RowError, String>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return column;
    }
}
