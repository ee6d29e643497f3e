package dev.zerobus.console.ui.stream;

import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What Verify read back: the row-count delta since the session began and the newest rows of the table. */
final class VerifyView extends VBox {
    VerifyView(VerifyModel model, Runnable verify) {
        var run = new Button("Verify now", new FontIcon(Feather.CHECK_CIRCLE));
        run.setId("stream-verify-run");
        run.setTooltip(new Tooltip("Count the table's rows and read the newest ones (Shortcut+Shift+V)"));
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(event -> verify.run());
        var busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        var cancel = new Button("Cancel");
        cancel.setId("stream-verify-cancel");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> model.cancel());
        var summary = new Label();
        summary.setId("stream-verify-summary");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("verify-summary");
        summary.setWrapText(true);
        summary.setMaxWidth(Double.MAX_VALUE);
        var problem = new Label();
        problem.setId("stream-verify-problem");
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());
        var rows = new TableView<Map<String, @Nullable String>>(model.rows());
        rows.setId("stream-verify-rows");
        rows.setPlaceholder(new Label("Press Verify to read the newest rows of the table."));
        rows.getStyleClass().add("dense");
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        model.columns().addListener((ListChangeListener<String>) change -> rows.getColumns().setAll(
                model.columns().stream().map(name -> EventLogView.column(name, 140, (Map<String, @Nullable String> row) -> {
                    String value = row.get(name);
                    return value == null ? "NULL" : value;
                })).toList()));
        VBox.setVgrow(rows, Priority.ALWAYS);
        var top = new HBox(10, run, busy, cancel, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);
        getStyleClass().add("tab-body");
        getChildren().setAll(top, problem, rows);
    }
}
