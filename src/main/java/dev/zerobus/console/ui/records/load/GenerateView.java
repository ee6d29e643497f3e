package dev.zerobus.console.ui.records.load;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.ui.records.shared.ErrorsTable;
import dev.zerobus.console.ui.records.shared.Sections;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The generate tab: a synthetic load at a target rate and count, for throughput trials. */
public final class GenerateView extends VBox {
    public GenerateView(GenerateModel model) {
        var count = spinner("generate-count", 1, 100_000_000, 1000, model.countProperty());
        count.setEditable(true);
        var rate = spinner("generate-rate", 0, 1_000_000, 500, model.rateProperty());
        rate.setEditable(true);
        var unlimited = new Label();
        unlimited.setId("generate-rate-meaning");
        unlimited.getStyleClass().add("muted");
        unlimited.setMinWidth(Region.USE_PREF_SIZE);
        unlimited.textProperty().bind(rate.valueProperty().map(n -> n == 0 ? "0 = unlimited: as fast as the streams take them"
                : String.format(java.util.Locale.ROOT, "%,d records/s in total (0 = unlimited)", n)));
        var streams = spinner("generate-streams", 1, 16, 1, model.streamsProperty());
        var batch = spinner("generate-batch", 1, 10_000, 50, model.recordsPerRequestProperty());
        batch.setEditable(true);
        var seed = spinner("generate-seed", 0, Integer.MAX_VALUE, 1, model.seedProperty());
        seed.setEditable(true);
        var format = new ChoiceBox<>(FXCollections.observableArrayList(RecordFormat.values()));
        format.setId("generate-format");
        format.valueProperty().bindBidirectional(model.formatProperty());

        var grid = new GridPane();
        grid.getStyleClass().add("options-grid");
        grid.addRow(0, label("Records", "How many records to send"), count);
        grid.addRow(1, label("Rate (records/s)", "Target rate; 0 sends as fast as the streams take them"), rate);
        // Under the spinner, not beside it: whole at 150 % text in a narrow window (a grid does not wrap a label).
        grid.add(unlimited, 1, 2);
        grid.addRow(3, label("Streams", "Parallel streams (each up to 15,000 records/s)"), streams);
        grid.addRow(4, label("Records per request", "Batch size; 1 sends one record per call"), batch);
        grid.addRow(5, label("Seed", "Same seed, same records"), seed);
        grid.addRow(6, label("Record type", "JSON or protobuf records"), format);

        var start = new Button("Start generated load", new FontIcon(Feather.ZAP));
        start.setId("generate-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.canStart().not());
        start.setOnAction(e -> model.start());
        var startRow = new VBox(start);
        startRow.setAlignment(Pos.CENTER_LEFT);

        var errors = new ErrorsTable(model.run().errors(), "generate-errors");
        var errorsBox = Sections.titled("Bad rows", "Generated records the codec rejected", errors);
        VBox.setVgrow(errorsBox, Priority.ALWAYS);
        setSpacing(12);
        getChildren().setAll(Sections.sectionTitle("Synthetic load", "Values fit each column's type and name (names, emails, prices…)"),
                grid, startRow, new LoadProgressView(model.run(), "generate"), errorsBox);
    }

    /** A whole-number field that follows its model property both ways: a resume sets the property, the field shows it. */
    private static Spinner<Integer> spinner(String id, int min, int max, int step, Property<Number> value) {
        var spinner = new Spinner<Integer>(min, max, value.getValue().intValue(), step);
        spinner.setId(id);
        spinner.valueProperty().subscribe(n -> value.setValue(n.intValue()));
        value.subscribe(n -> spinner.getValueFactory().setValue(n.intValue()));
        return spinner;
    }

    private static Label label(String text, String tip) {
        var label = new Label(text);
        label.setTooltip(new Tooltip(tip));
        Fit.keepWidth(label);
        return label;
    }
}
