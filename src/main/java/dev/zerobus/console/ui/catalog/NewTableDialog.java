package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.setup.Warehouse;
import dev.zerobus.console.ui.Fit;
import java.io.File;
import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Creates a managed Delta table the way Databricks does: {@code CREATE TABLE} on a SQL warehouse you pick, from a
 * columns editor or from a file's inferred columns (editable), with the statement shown before it runs. The body
 * scrolls and the buttons stay outside it, so the dialog fits a 1024x700 window.
 */
final class NewTableDialog extends Dialog<ButtonType> {
    private final NewTableModel model = new NewTableModel();
    private final VBox rows = new VBox(6);
    private final Label problem = new Label();
    private final CatalogModel catalog;

    NewTableDialog(Window owner, List<String> schemas, CatalogModel catalog) {
        this.catalog = catalog;
        initOwner(owner);
        setTitle("New table");
        setHeaderText("A managed Delta table to trial Zerobus with, created with SQL on a warehouse");
        setResizable(true);
        var content = new VBox(12, createWhere(schemas), createColumns(), createSql(), problem);
        content.setId("new-table-body");
        problem.setId("new-table-problem");
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        var scroll = Fit.scrollingBody(content, "new-table-scroll", 640, 430);
        getDialogPane().setContent(scroll);
        // Fits a 1024x700 window with both buttons in view; the body scrolls.
        getDialogPane().setPrefSize(760, 620);
        getDialogPane().setMinHeight(360);
        getDialogPane().setMinWidth(720);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        var create = (Button) getDialogPane().lookupButton(ButtonType.OK);
        create.setText("Create table");
        create.setId("new-table-create");
        // The dialog stays open until the table exists, so a refused name or type loses nothing that was typed.
        create.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            create(create);
        });
        loadWarehouses();
    }

    private GridPane createWhere(List<String> schemas) {
        var schema = new ComboBox<String>();
        schema.setId("new-table-schema");
        schema.setEditable(true);
        schema.getItems().setAll(schemas);
        schema.valueProperty().bindBidirectional(model.schema);
        var name = new TextField();
        name.setId("new-table-name");
        name.setPromptText("events_trial");
        name.textProperty().bindBidirectional(model.name);
        var warehouse = new ComboBox<Warehouse>();
        warehouse.setId("new-table-warehouse");
        warehouse.setItems(model.warehouses);
        warehouse.setMaxWidth(Double.MAX_VALUE);
        warehouse.setConverter(new StringConverter<>() {
            @Override public String toString(@Nullable Warehouse w) { return w == null ? "" : w.label(); }
            @Override public Warehouse fromString(String s) { throw new UnsupportedOperationException(); }
        });
        warehouse.valueProperty().bindBidirectional(model.warehouse);
        HBox.setHgrow(warehouse, Priority.ALWAYS);
        var refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("new-table-warehouse-refresh");
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setTooltip(new Tooltip("Read the warehouses and their state again"));
        refresh.setOnAction(event -> loadWarehouses());
        var note = new Label();
        note.setId("new-table-warehouse-note");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(model.warehouseNote());
        var comment = new TextField();
        comment.setId("new-table-comment");
        comment.setPromptText("optional: what the table is for");
        comment.textProperty().bindBidirectional(model.comment);
        var grid = new GridPane(10, 6);
        var labels = new ColumnConstraints();
        labels.setMinWidth(110);
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label("Schema"), schema);
        grid.addRow(1, new Label("Table name"), name);
        grid.addRow(2, new Label("Comment"), comment);
        grid.addRow(3, new Label("SQL warehouse"), new HBox(6, warehouse, refresh));
        grid.add(note, 1, 4);
        return grid;
    }

    private VBox createColumns() {
        var title = new Label("Columns");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        var path = new TextField();
        path.setId("new-table-file");
        path.setPromptText("or infer them from a file: paste its path and press Enter");
        path.setTooltip(new Tooltip("A CSV, JSON Lines or JSON file; a bounded sample (10,000 rows or 10 MB) is read"));
        path.setOnAction(event -> { if (!path.getText().isBlank()) inferFrom(java.nio.file.Path.of(path.getText().strip())); });
        HBox.setHgrow(path, Priority.ALWAYS);
        var fromFile = new Button("From a file…", new FontIcon(Feather.FILE_TEXT));
        fromFile.setId("new-table-from-file");
        fromFile.setTooltip(new Tooltip("Infer the columns from a CSV, JSON Lines or JSON file (a bounded sample is read)"));
        fromFile.setOnAction(event -> chooseFile(path));
        var header = new HBox(12, title, path, fromFile);
        header.setAlignment(Pos.CENTER_LEFT);
        var inferred = new Label();
        inferred.setId("new-table-inferred");
        inferred.getStyleClass().add("muted");
        inferred.setWrapText(true);
        inferred.setMinHeight(Region.USE_PREF_SIZE);
        inferred.textProperty().bind(model.inferred);
        inferred.visibleProperty().bind(model.inferred.isNotEmpty());
        inferred.managedProperty().bind(inferred.visibleProperty());
        var add = new Button("Add column", new FontIcon(Feather.PLUS));
        add.setId("new-table-add-column");
        add.getStyleClass().add(Styles.SMALL);
        add.setOnAction(event -> model.addColumn("", "string", true));
        // Rebuilt when columns come or go, not on every keystroke (that would take the focus from the field).
        model.rows.addListener((javafx.collections.ListChangeListener<NewTableModel.ColumnRow>) change -> {
            boolean structural = false;
            while (change.next()) structural |= change.wasAdded() || change.wasRemoved() || change.wasPermutated();
            if (structural) showRows();
        });
        showRows();
        return new VBox(8, header, inferred, rows, add);
    }

    private VBox createSql() {
        var title = new Label("The statement that will run");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        var sql = new TextArea();
        sql.setId("new-table-sql");
        sql.setEditable(false);
        sql.setPrefRowCount(6);
        sql.getStyleClass().add("mono");
        sql.textProperty().bind(model.sql());
        var copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("new-table-sql-copy");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(event -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, model.sql().get())));
        var header = new HBox(12, title, copy);
        header.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, header, sql);
    }

    private void loadWarehouses() {
        catalog.listWarehouses(model::setWarehouses, failure -> problem.setText(failure.message() + " " + failure.fix()));
    }

    private void chooseFile(TextField path) {
        var chooser = new FileChooser();
        chooser.setTitle("Infer the columns from a file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV, JSON Lines, JSON", "*.csv", "*.jsonl", "*.ndjson", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (file == null) return;
        path.setText(file.getPath());
        inferFrom(file.toPath());
    }

    /** Infers the columns of {@code file} (what "From a file…" does once a file is chosen). */
    private void inferFrom(java.nio.file.Path file) {
        problem.setText("");
        catalog.inferColumns(file, schema -> model.applyInference(schema, file.getFileName().toString()),
                failure -> problem.setText(failure.message() + " " + failure.fix()));
    }

    private void create(Button create) {
        String error = model.problem();
        if (error == null && model.warehouse.get() == null) error = "SQL warehouse: pick one; the table is created with SQL on it.";
        problem.setText(error == null ? "" : error);
        if (error != null) return;
        create.setDisable(true);
        problem.setText("Creating " + model.fullName() + "…");
        catalog.createTable(model.fullName(), model.columns(), model.comment.get().isBlank() ? null : model.comment.get().strip(),
                model.warehouse.get(), () -> {
                    setResult(ButtonType.OK);
                    close();
                }, failure -> {
                    create.setDisable(false);
                    problem.setText(failure.message() + " " + failure.fix());
                    loadWarehouses();
                });
    }

    private void showRows() {
        rows.getChildren().setAll(model.rows.stream().map(this::rowEditor).toList());
    }

    private VBox rowEditor(NewTableModel.ColumnRow row) {
        int index = model.rows.indexOf(row);
        var name = new TextField();
        name.setId("new-column-name-" + index);
        name.setPromptText("column name");
        name.textProperty().bindBidirectional(row.name);
        HBox.setHgrow(name, Priority.ALWAYS);
        var type = new TextField();
        type.setId("new-column-type-" + index);
        type.getStyleClass().add("mono");
        type.setPrefColumnCount(16);
        type.setTooltip(new Tooltip("Spark SQL type: string, bigint, double, timestamp, decimal(10,2), array<int>, struct<a:int>"));
        type.textProperty().bindBidirectional(row.type);
        row.typeError().subscribe(e -> type.pseudoClassStateChanged(Styles.STATE_DANGER, !e.isEmpty()));
        var nullable = new CheckBox("nullable");
        nullable.selectedProperty().bindBidirectional(row.nullable);
        var remove = new Button(null, new FontIcon(Feather.X));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        remove.setTooltip(new Tooltip("Remove this column"));
        remove.setOnAction(event -> model.rows.remove(row));
        var line = new HBox(8, name, type, nullable, remove);
        line.setAlignment(Pos.CENTER_LEFT);
        var error = new Label();
        error.getStyleClass().add("problem-text");
        error.textProperty().bind(row.typeError());
        error.visibleProperty().bind(row.typeError().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(2, line, error);
    }
}
