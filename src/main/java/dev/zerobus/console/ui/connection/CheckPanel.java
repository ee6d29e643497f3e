package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.doctor.CheckStep;
import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.ui.Fit;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Test connection": the table to check against, run and cancel, each step live, and the report to copy. */
final class CheckPanel extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass PASSED = PseudoClass.getPseudoClass("passed");

    CheckPanel(ConnectionModel model) {
        ConnectionCheckModel check = model.check();
        getStyleClass().add("card");
        setId("check-panel");
        var title = new Label("Test connection");
        title.getStyleClass().add("section-title");
        var hint = new Label("Runs every step Zerobus needs, with the values in the form above (saved or not).");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        getChildren().addAll(title, hint, createControls(model), createSummary(check), createSteps(check, new GrantNowBox(model)));
    }

    private HBox createControls(ConnectionModel model) {
        ConnectionCheckModel check = model.check();
        var tableLabel = new Label("Table");
        tableLabel.getStyleClass().add("field-label");
        var table = new TextField();
        table.setId("check-table");
        table.setPromptText("catalog.schema.table");
        table.setTooltip(new Tooltip("The table to check the token, grants and a stream against (catalog.schema.table)"));
        table.textProperty().bindBidirectional(check.tableProperty());
        table.disableProperty().bind(check.runningProperty());
        table.setOnAction(event -> model.testConnection());
        HBox.setHgrow(table, Priority.ALWAYS);
        var run = new Button("Test connection", new FontIcon(Feather.PLAY));
        run.setId("check-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setTooltip(new Tooltip("Check endpoint, network, token, table, grants and a stream (Shortcut+T)"));
        run.disableProperty().bind(check.runningProperty());
        run.setOnAction(event -> model.testConnection());
        var cancel = cancelButton("check-cancel", check.runningProperty(), check::cancel);
        var copy = new CopyButton("Copy report", "Copy every step as text for a ticket (the secret is never included)",
                check::reportText);
        copy.setId("check-copy-report");
        copy.disableProperty().bind(check.hasReport().not());
        Fit.keepWidth(tableLabel, run, cancel, copy);
        table.setMinWidth(120);
        var box = new HBox(8, tableLabel, table, run, cancel, copy);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Cancel, shown (and taking room) only while {@code running}; the check and the set-up both run this way. */
    static Button cancelButton(String id, ObservableValue<Boolean> running, Runnable cancel) {
        var button = new Button("Cancel", new FontIcon(Feather.X));
        button.setId(id);
        button.visibleProperty().bind(running);
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(event -> cancel.run());
        return button;
    }

    private HBox createSummary(ConnectionCheckModel check) {
        var busy = StepRow.spinner(18);
        busy.setId("check-progress");
        busy.visibleProperty().bind(check.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        var summary = new Label();
        summary.setId("check-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("check-summary");
        summary.textProperty().bind(check.summaryProperty());
        check.failedProperty().subscribe(failed -> summary.pseudoClassStateChanged(FAILED, failed));
        check.passedProperty().subscribe(passed -> summary.pseudoClassStateChanged(PASSED, passed));
        var box = new HBox(8, busy, summary);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox createSteps(ConnectionCheckModel check, GrantNowBox grantNow) {
        var rows = new VBox();
        rows.setId("check-steps");
        rows.getStyleClass().add("step-list");
        rows.setMinHeight(Region.USE_PREF_SIZE);
        Runnable rebuild = () -> rows.getChildren().setAll(check.steps().stream()
                .map(s -> new StepRow(s, s.step() == CheckStep.GRANTS && s.status() == StepResult.Status.FAILED ? grantNow : null)).toList());
        check.steps().subscribe(rebuild);
        rebuild.run();
        return rows;
    }
}
