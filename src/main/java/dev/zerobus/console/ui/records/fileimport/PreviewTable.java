package dev.zerobus.console.ui.records.fileimport;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.source.SourcePreview;
import dev.zerobus.console.source.SourceRow;
import dev.zerobus.console.ui.Fit;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.jspecify.annotations.Nullable;

/** The first rows of the chosen file, as read (a row that could not be read shows why). */
final class PreviewTable extends TableView<List<String>> {
    PreviewTable(ImportModel model) {
        setId("import-preview");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        setPlaceholder(new Label("Drop a file or choose one (Ctrl+O) to see its first rows."));
        model.previewProperty().subscribe(this::show);
        Fit.headerTooltips(this);
        Fit.columnsFitText(this, null); // headers and values whole in the table's font, at every text size
    }

    private void show(@Nullable SourcePreview preview) {
        getColumns().clear();
        getItems().clear();
        if (preview == null) return;
        var line = new TableColumn<List<String>, String>("Line");
        line.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getFirst()));
        getColumns().add(line);
        List<String> columns = preview.columns();
        for (int i = 0; i < columns.size(); i++) {
            final int index = i + 1;
            var column = new TableColumn<List<String>, String>(columns.get(i));
            column.setCellFactory(c -> Fit.textCell());
            column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(index < f.getValue().size() ? f.getValue().get(index) : ""));
            getColumns().add(column);
        }
        for (SourceRow row : preview.rows()) getItems().add(cells(row, columns));
    }

    private static List<String> cells(SourceRow row, List<String> columns) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(row.lineNumber()));
        switch (row) {
            case SourceRow.Cells c -> c.values().forEach(v -> cells.add(v == null ? "" : v));
            case SourceRow.Fields f -> columns.forEach(name -> cells.add(f.values().get(name) == null ? "" : String.valueOf(f.values().get(name))));
            case SourceRow.Failed f -> cells.add("⚠ " + f.reason());
        }
        return cells;
    }
}
