package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Check my schema": paste or open a sample JSON record or a .proto, and see how it differs from the table. */
final class CheckTab extends VBox {
    CheckTab(SchemaCheckModel model, Supplier<File> chooseFile) {
        var json = new ToggleButton("Sample JSON record");
        json.setId("check-input-json");
        var proto = new ToggleButton(".proto / descriptor set");
        proto.setId("check-input-proto");
        var group = new ToggleGroup();
        group.getToggles().setAll(json, proto);
        json.setSelected(model.inputProperty().get() == SchemaCheck.Input.JSON);
        proto.setSelected(!json.isSelected());
        model.inputProperty().subscribe(input -> group.selectToggle(input == SchemaCheck.Input.JSON ? json : proto));
        json.setOnAction(event -> model.inputProperty().set(SchemaCheck.Input.JSON));
        proto.setOnAction(event -> model.inputProperty().set(SchemaCheck.Input.PROTO));
        json.getStyleClass().add(Styles.LEFT_PILL);
        proto.getStyleClass().add(Styles.RIGHT_PILL);

        var open = new Button("Open file…", new FontIcon(Feather.FOLDER));
        open.setId("check-open");
        open.setTooltip(new Tooltip(".json / .jsonl sample, .proto text, or a .desc from protoc --descriptor_set_out"));
        open.setOnAction(event -> openFile(model, chooseFile));
        var check = new Button("Check", new FontIcon(Feather.CHECK_CIRCLE));
        check.setId("check-run");
        check.getStyleClass().add(Styles.ACCENT);
        check.setDefaultButton(false);
        check.disableProperty().bind(model.canCheck().not());
        check.setOnAction(event -> model.check());
        var bar = new HBox(8, new HBox(json, proto), open, check);
        bar.setAlignment(Pos.CENTER_LEFT);

        var input = new TextArea();
        input.setId("check-input");
        input.getStyleClass().add("mono");
        input.setPromptText("{\"device_name\": \"sensor-1\", \"temp\": 21}\n\nor paste the message your producer uses.");
        input.textProperty().bindBidirectional(model.textProperty());
        input.setPrefRowCount(8);

        var summary = new Label();
        summary.setId("check-summary");
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(model.summaryProperty());
        var findings = new ListView<>(model.findings());
        findings.setId("check-findings");
        findings.setCellFactory(view -> new FindingCell());
        findings.setPlaceholder(new Label("No differences to show yet."));
        VBox.setVgrow(findings, Priority.ALWAYS);
        getChildren().setAll(bar, input, summary, findings);
        setSpacing(10);
        getStyleClass().add("check-tab");
    }

    private static void openFile(SchemaCheckModel model, Supplier<File> chooseFile) {
        File file = chooseFile.get();
        if (file != null) model.open(file.toPath());
    }

    /** A kind badge and the wrapped sentence; the zero pref width keeps long sentences from scrolling sideways. */
    private static final class FindingCell extends ListCell<SchemaCheck.Finding> {
        FindingCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SchemaCheck.Finding finding, boolean empty) {
            super.updateItem(finding, empty);
            if (empty || finding == null) {
                setGraphic(null);
                return;
            }
            var kind = new Label(finding.kind());
            kind.getStyleClass().addAll("badge", !finding.blocks() ? "neutral" : finding.kind().equals("Missing") ? "danger" : "warning");
            kind.setMinWidth(96);
            kind.setAlignment(Pos.CENTER);
            var message = new Label(finding.message());
            message.setWrapText(true);
            message.maxWidthProperty().bind(getListView().widthProperty().subtract(150));
            var row = new HBox(10, kind, message);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
