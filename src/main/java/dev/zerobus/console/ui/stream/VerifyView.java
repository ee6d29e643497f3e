package dev.zerobus.console.ui.stream;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.catalog.ZerobusSystemTables;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What Verify read back: the row-count delta since the session began and the newest rows of the table. */
final class VerifyView extends VBox {
    VerifyView(VerifyModel model, Runnable verify, Consumer<ZerobusSystemTables.Query> runMonitoring) {
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
        var problem = problemLine("stream-verify-problem", model.problemProperty());
        var rows = rowsTable("stream-verify-rows", "Press Verify to read the newest rows of the table.", model.rows(), model.columns());
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        VBox.setVgrow(rows, Priority.ALWAYS);
        var top = new HBox(10, run, busy, cancel, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);
        getStyleClass().add("tab-body");
        getChildren().setAll(top, problem, rows, monitoring(model, runMonitoring));
    }

    /** The system-table queries (Beta) for the table, each with Copy and Run, and what the last run returned. */
    private static TitledPane monitoring(VerifyModel model, Consumer<ZerobusSystemTables.Query> run) {
        var queries = new VBox(8);
        model.monitoring().addListener((ListChangeListener<ZerobusSystemTables.Query>) change -> fill(queries, model, run));
        fill(queries, model, run);
        var summary = new Label();
        summary.setId("stream-monitor-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.monitorSummaryProperty());
        var problem = problemLine("stream-monitor-problem", model.monitorProblemProperty());
        problem.getStyleClass().add("mono");
        var rows = rowsTable("stream-monitor-rows", "Run a query to see what Zerobus recorded.", model.monitorRows(), model.monitorColumns());
        rows.setPrefHeight(140);
        var hint = new Label("Zerobus records streams and ingested data in system tables (Beta, regional, 365 days). Reading "
                + "them needs metastore and workspace admin, or USE and SELECT on the system schemas.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        var box = new VBox(8, hint, queries, summary, problem, rows);
        var pane = new TitledPane("Monitoring: Zerobus system tables (Beta)", box);
        pane.setId("stream-monitoring");
        pane.setExpanded(false);
        return pane;
    }

    /** A problem under a result; takes no room while empty. */
    private static Label problemLine(String id, ReadOnlyStringProperty text) {
        var problem = new Label();
        problem.setId(id);
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.textProperty().bind(text);
        problem.managedProperty().bind(text.isNotEmpty());
        return problem;
    }

    /** Rows read back, one table column per name in {@code columns} as they come, a SQL NULL shown as NULL. */
    private static TableView<Map<String, @Nullable String>> rowsTable(String id, String placeholder,
            ObservableList<Map<String, @Nullable String>> rows, ObservableList<String> columns) {
        var table = new TableView<Map<String, @Nullable String>>(rows);
        table.setId(id);
        table.setPlaceholder(new Label(placeholder));
        table.getStyleClass().add("dense");
        columns.addListener((ListChangeListener<String>) change -> table.getColumns().setAll(
                columns.stream().map(name -> EventLogView.column(name, 140, (Map<String, @Nullable String> row) -> {
                    String value = row.get(name);
                    return value == null ? "NULL" : value;
                })).toList()));
        return table;
    }

    private static void fill(VBox queries, VerifyModel model, Consumer<ZerobusSystemTables.Query> run) {
        queries.getChildren().clear();
        int i = 0;
        for (ZerobusSystemTables.Query query : model.monitoring()) {
            var title = new Label(query.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            var sql = new TextArea(query.sql());
            sql.setId("stream-monitor-sql-" + i);
            sql.setEditable(false);
            sql.setPrefRowCount((int) query.sql().lines().count());
            sql.getStyleClass().addAll("mono", "copyable-fix");
            HBox.setHgrow(sql, Priority.ALWAYS);
            var copy = new Button("Copy", new FontIcon(Feather.COPY));
            copy.setId("stream-monitor-copy-" + i);
            copy.setTooltip(new Tooltip("Copy this query to the clipboard"));
            copy.setOnAction(event -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, query.sql())));
            var runButton = new Button("Run", new FontIcon(Feather.PLAY));
            runButton.setId("stream-monitor-run-" + i);
            runButton.setTooltip(new Tooltip("Run it on the SQL warehouse, as the profile Verify uses"));
            runButton.disableProperty().bind(model.monitorRunningProperty());
            runButton.setOnAction(event -> run.accept(query));
            var buttons = new VBox(6, copy, runButton);
            queries.getChildren().addAll(title, new HBox(8, sql, buttons));
            i++;
        }
    }
}
