package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Creates a managed Delta table for trials: schema, name and a columns editor whose types are checked as you type. */
final class NewTableDialog extends Dialog<ButtonType> {
    private final NewTableModel model = new NewTableModel();
    private final VBox rows = new VBox(6);
    private final Label problem = new Label();
    private final CatalogModel catalog;

    NewTableDialog(Window owner, List<String> schemas, CatalogModel catalog) {
        this.catalog = catalog;
        initOwner(owner);
        setTitle("New table");
        setHeaderText("A managed Delta table to trial Zerobus with");
        var schema = new ComboBox<String>();
        schema.setId("new-table-schema");
        schema.setEditable(true);
        schema.getItems().setAll(schemas);
        schema.valueProperty().bindBidirectional(model.schema);
        var name = new TextField();
        name.setId("new-table-name");
        name.setPromptText("events_trial");
        name.textProperty().bindBidirectional(model.name);
        var where = new GridPane(10, 8);
        where.addRow(0, new Label("Schema"), schema);
        where.addRow(1, new Label("Table name"), name);
        var add = new Button("Add column", new FontIcon(Feather.PLUS));
        add.setId("new-table-add-column");
        model.rows.subscribe(this::showRows);
        showRows();
        problem.setId("new-table-problem");
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        var body = new VBox(12, where, new Label("Columns"), rows, add);
        body.setPadding(new Insets(0, 12, 0, 0));
        // The window keeps its size while columns are added; the body scrolls, so Cancel and Create stay in view.
        var scroll = new ScrollPane(body);
        scroll.setId("new-table-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setPrefViewportHeight(Math.min(380, owner == null ? 380 : owner.getHeight() - 300));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        add.setOnAction(event -> {
            model.addColumn("", "string", true);
            scroll.layout();
            scroll.setVvalue(scroll.getVmax());
        });
        var content = new VBox(10, scroll, problem);
        content.setPrefWidth(580);
        getDialogPane().setContent(content);
        setResizable(true);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        var create = (Button) getDialogPane().lookupButton(ButtonType.OK);
        create.setText("Create table");
        create.setId("new-table-create");
        // The dialog stays open until the table exists, so a refused name or type loses nothing that was typed.
        create.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            create(create);
        });
    }

    private void create(Button create) {
        String error = model.problem();
        problem.setText(error == null ? "" : error);
        if (error != null) return;
        create.setDisable(true);
        problem.setText("Creating " + model.schema.get() + "." + model.name.get().strip() + "…");
        catalog.createTable(model.catalog(), model.schemaName(), model.name.get().strip(), model.columns(), () -> {
            setResult(ButtonType.OK);
            close();
        }, failure -> {
            create.setDisable(false);
            problem.setText(failure.message() + " " + failure.fix());
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
        var type = new TextField();
        type.setId("new-column-type-" + index);
        type.getStyleClass().add("mono");
        type.setTooltip(new Tooltip("Spark SQL type: string, bigint, double, timestamp, decimal(10,2), array<int>, struct<a:int>"));
        type.textProperty().bindBidirectional(row.type);
        row.typeError().subscribe(error -> type.pseudoClassStateChanged(Styles.STATE_DANGER, !error.isEmpty()));
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
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(row.typeError());
        error.visibleProperty().bind(row.typeError().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return new VBox(2, line, error);
    }
}
