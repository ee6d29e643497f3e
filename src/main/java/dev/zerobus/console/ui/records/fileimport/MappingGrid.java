package dev.zerobus.console.ui.records.fileimport;

import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.ui.ProblemLine;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The mapping table: per table column, where its value comes from (file column, skip, constant, generated), the
 * first row's value as it will be sent, and a problem found in the preview rows.
 */
final class MappingGrid extends GridPane {
    private final ImportModel model;

    MappingGrid(ImportModel model) {
        this.model = model;
        setId("mapping-grid");
        getStyleClass().add("mapping-grid");
        var name = new ColumnConstraints();
        var source = new ColumnConstraints(); // as wide as its combo boxes (in em: they grow with the text size)
        // At least as wide as its header; values may be cut (their tooltips show them whole).
        var preview = new ColumnConstraints(Region.USE_COMPUTED_SIZE, 200, Double.MAX_VALUE);
        preview.setHgrow(Priority.ALWAYS);
        getColumnConstraints().setAll(name, source, preview);
        model.mapping().addListener((ListChangeListener<MappingRow>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        addRow(0, header("Table column"), header("Source"), header("Value sent"));
        ObservableList<MappingRow.Choice> choices = choices();
        int i = 1;
        for (MappingRow row : model.mapping()) addMappingRow(i++, row, choices);
    }

    private ObservableList<MappingRow.Choice> choices() {
        ObservableList<MappingRow.Choice> list = FXCollections.observableArrayList();
        var preview = model.previewProperty().get();
        if (preview != null) preview.columns().forEach(c -> list.add(MappingRow.Choice.file(c)));
        list.addAll(MappingRow.Choice.SKIP, MappingRow.Choice.CONSTANT, MappingRow.Choice.GENERATED);
        return list;
    }

    private void addMappingRow(int index, MappingRow row, ObservableList<MappingRow.Choice> choices) {
        var name = new Label(row.name() + (row.required() ? " *" : ""));
        name.getStyleClass().add("field-name");
        Fit.keepWidth(name);
        var type = new Label(row.typeText());
        type.getStyleClass().addAll("muted", "mono");
        Fit.tooltipWithText(type);
        var nameBox = new VBox(0, name, type);
        if (row.required()) name.setTooltip(new Tooltip("NOT NULL: needs a value in every row"));

        var source = new ComboBox<>(choices);
        source.setId("map-source-" + row.name());
        source.setMaxWidth(Double.MAX_VALUE);
        Fit.widthInEm(source, 11.5).setMinWidth(Region.USE_PREF_SIZE); // "Skip (NULL)" whole at every text size
        source.valueProperty().bindBidirectional(row.sourceProperty());
        var constant = new TextField();
        constant.setId("map-constant-" + row.name());
        constant.setPromptText("constant value");
        constant.textProperty().bindBidirectional(row.constantProperty());
        constant.visibleProperty().bind(row.sourceProperty().map(c -> c.kind() == MappingRow.Choice.Kind.CONSTANT));
        constant.managedProperty().bind(constant.visibleProperty());
        var sourceBox = new VBox(4, source, constant);

        var preview = new Label();
        preview.setId("map-preview-" + row.name());
        preview.getStyleClass().add("mono");
        preview.textProperty().bind(row.previewProperty());
        Fit.tooltipWithText(preview);
        var problem = ProblemLine.of("map-problem-" + row.name(), row.problemProperty());
        var valueBox = new VBox(2, preview, problem);
        HBox.setHgrow(valueBox, Priority.ALWAYS);
        GridPane.setHalignment(valueBox, HPos.LEFT);
        addRow(index, nameBox, sourceBox, valueBox);
    }

    private static Label header(String text) {
        var label = new Label(text);
        label.getStyleClass().add("grid-header");
        Fit.keepWidth(label);
        return label;
    }
}
