package dev.zerobus.console.ui.records.compose;

import static dev.zerobus.console.ui.records.shared.Sections.sectionTitle;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.ui.ProblemLine;
import dev.zerobus.console.ui.ToolbarRow;
import dev.zerobus.console.ui.records.shared.Zones;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The composer tab: toolbar, the form and the JSON side by side, and the sent records below. */
public final class ComposerView extends VBox {
    private final ComposerModel model;

    public ComposerView(ComposerModel model) {
        this.model = model;
        getStyleClass().add("composer");
        setSpacing(10);
        var editors = createEditors();
        var split = new SplitPane(editors, new HistoryTable(model));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(createToolbar(), split);
        // What became of the sent records, every ~100 ms while any may still change (never once per ACK).
        var refresher = new Timeline(new KeyFrame(Duration.millis(100), e -> model.refreshSent()));
        refresher.setCycleCount(Animation.INDEFINITE);
        model.trackingProperty().subscribe(on -> {
            if (on) refresher.play(); else refresher.stop();
        });
    }

    private ToolbarRow createToolbar() {
        var sample = new Button("Sample data", new FontIcon(Feather.SHUFFLE));
        sample.setId("fill-sample");
        sample.setTooltip(new Tooltip("Fill with sample data: generated values that fit each column (Ctrl+Shift+S)"));
        sample.setOnAction(e -> model.fillSample());

        var templates = new ComboBox<>(model.templates());
        templates.setId("templates");
        templates.setPromptText("Templates");
        Fit.widthInEm(templates, 10.7); // 150px at 14px
        templates.setTooltip(new Tooltip("Records saved for this table"));
        templates.setOnAction(e -> { if (templates.getValue() != null) model.loadTemplate(templates.getValue()); });
        var save = new Button(null, new FontIcon(Feather.SAVE));
        save.setId("save-template");
        save.getStyleClass().add(Styles.BUTTON_ICON);
        save.setTooltip(new Tooltip("Save this record as a template for the table"));
        save.setOnAction(e -> askTemplateName());

        var zone = new ComboBox<>(FXCollections.observableArrayList(Zones.common()));
        zone.setId("composer-zone");
        zone.setConverter(Zones.converter());
        Fit.widthInEm(zone, 12.2); // 170px at 14px
        zone.valueProperty().bindBidirectional(model.zoneProperty());
        zone.setTooltip(new Tooltip("Time zone of the TIMESTAMP pickers and of timestamps written without an offset"));

        var format = new ChoiceBox<>(FXCollections.observableArrayList(RecordFormat.values()));
        format.setId("composer-format");
        format.valueProperty().bindBidirectional(model.formatProperty());
        format.setTooltip(new Tooltip("Record type of the composer's stream"));
        Fit.widthInEm(format, 7.2);

        var count = new Spinner<Integer>(1, 100_000, 1);
        count.setId("send-count");
        count.setEditable(true);
        Fit.widthInEm(count, 7.2);
        count.valueProperty().subscribe(n -> model.countProperty().set(n));
        count.setTooltip(new Tooltip("How many records one Send sends"));
        var copies = new ChoiceBox<>(FXCollections.observableArrayList(ComposerModel.Copies.values()));
        copies.setId("send-copies");
        copies.valueProperty().bindBidirectional(model.copiesProperty());
        Fit.widthInEm(copies, 7.9);
        copies.setConverter(new StringConverter<>() {
            @Override public String toString(ComposerModel.Copies c) {
                return c == ComposerModel.Copies.GENERATED ? "generated" : "copies";
            }
            @Override public ComposerModel.Copies fromString(String s) { return null; }
        });
        copies.disableProperty().bind(model.countProperty().isEqualTo(1));
        copies.setTooltip(new Tooltip("With a count above 1: copies of this record, or this record then generated ones"));

        var send = new Button("Send", new FontIcon(Feather.SEND));
        send.setId("send-button");
        send.getStyleClass().add(Styles.ACCENT);
        send.setDefaultButton(false);
        send.setTooltip(new Tooltip("Send on the table's composer stream (Ctrl+Enter)"));
        send.disableProperty().bind(model.validProperty().not());
        send.setOnAction(e -> model.send());

        // Groups wrap as a whole (a label stays beside its control); nothing in them shrinks ("Te…", "JS…" at 1024 px).
        var groups = List.of(new HBox(8, sample, templates, save), new HBox(8, label("Zone"), zone),
                new HBox(8, label("Type"), format), new HBox(8, count, copies, send));
        for (HBox group : groups) {
            group.setAlignment(Pos.CENTER_LEFT);
            group.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        }
        var tools = new FlowPane(8, 8, groups.get(0), groups.get(1), groups.get(2));
        tools.setAlignment(Pos.CENTER_LEFT);
        return new ToolbarRow(tools, groups.get(3));
    }

    private SplitPane createEditors() {
        var form = new RecordForm(model);
        var scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setId("form-scroll");
        var formBox = new VBox(6, sectionTitle("Form", "One control per column; edits update the JSON"), scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        var json = new JsonEditor(model.jsonTextProperty(), model.unknownKeys());
        VBox.setVgrow(json, Priority.ALWAYS);
        var recordError = ProblemLine.of("json-error", model.recordErrorProperty());
        var verdict = new Label();
        verdict.setId("json-verdict");
        verdict.textProperty().bind(model.validProperty().map(ok -> ok ? "Valid for the table" : "Not valid yet: see the marked fields"));
        model.validProperty().subscribe(ok -> verdict.getStyleClass().setAll("badge", ok ? "success" : "danger"));
        var jsonBox = new VBox(6, sectionTitle("JSON", "Validated against the table as you type"), json, recordError, verdict);
        jsonBox.getStyleClass().add("json-box");

        var split = new SplitPane(formBox, jsonBox);
        split.setDividerPositions(0.55);
        return split;
    }

    private void askTemplateName() {
        var dialog = new TextInputDialog();
        dialog.setTitle("Save template");
        dialog.setHeaderText("Save this record as a template for the table");
        dialog.setContentText("Name:");
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().ifPresent(model::saveTemplate);
    }

    private static Label label(String text) {
        var label = new Label(text);
        label.getStyleClass().add("muted");
        return label;
    }

}
