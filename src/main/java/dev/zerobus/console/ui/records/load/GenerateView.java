package dev.zerobus.console.ui.records.load;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.ui.records.shared.ErrorsTable;
import dev.zerobus.console.ui.records.shared.Sections;
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
        var count = new Spinner<Integer>(1, 100_000_000, (int) model.countProperty().get(), 1000);
        count.setId("generate-count");
        count.setEditable(true);
        count.valueProperty().subscribe(n -> model.countProperty().set(n));
        model.countProperty().subscribe(n -> count.getValueFactory().setValue(n.intValue())); // a resume sets them
        var rate = new Spinner<Integer>(0, 1_000_000, model.rateProperty().get(), 500);
        rate.setId("generate-rate");
        rate.setEditable(true);
        rate.valueProperty().subscribe(n -> model.rateProperty().set(n));
        model.rateProperty().subscribe(n -> rate.getValueFactory().setValue(n.intValue())); // a resume sets them
        var unlimited = new Label();
        unlimited.setId("generate-rate-meaning");
        unlimited.getStyleClass().add("muted");
        unlimited.setMinWidth(Region.USE_PREF_SIZE);
        unlimited.textProperty().bind(rate.valueProperty().map(n -> n == 0 ? "0 = unlimited: as fast as the streams take them"
                : String.format(java.util.Locale.ROOT, "%,d records/s in total (0 = unlimited)", n)));
        var streams = new Spinner<Integer>(1, 16, model.streamsProperty().get());
        streams.setId("generate-streams");
        streams.valueProperty().subscribe(n -> model.streamsProperty().set(n));
        model.streamsProperty().subscribe(n -> streams.getValueFactory().setValue(n.intValue())); // a resume sets them
        var batch = new Spinner<Integer>(1, 10_000, model.recordsPerRequestProperty().get(), 50);
        batch.setId("generate-batch");
        batch.setEditable(true);
        batch.valueProperty().subscribe(n -> model.recordsPerRequestProperty().set(n));
        model.recordsPerRequestProperty().subscribe(n -> batch.getValueFactory().setValue(n.intValue())); // a resume sets them
        var seed = new Spinner<Integer>(0, Integer.MAX_VALUE, (int) model.seedProperty().get());
        seed.setId("generate-seed");
        seed.setEditable(true);
        seed.valueProperty().subscribe(n -> model.seedProperty().set(n));
        model.seedProperty().subscribe(n -> seed.getValueFactory().setValue(n.intValue())); // a resume sets them
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

    private static Label label(String text, String tip) {
        var label = new Label(text);
        label.setTooltip(new Tooltip(tip));
        Fit.keepWidth(label);
        return label;
    }
}
