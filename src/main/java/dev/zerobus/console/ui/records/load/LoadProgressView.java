package dev.zerobus.console.ui.records.load;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A load's progress: bar, rows read/sent/ACKed/failed, rate and ETA, pause/resume/cancel, and the outcome. */
public final class LoadProgressView extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass STOPPED = PseudoClass.getPseudoClass("stopped");

    public LoadProgressView(LoadRunModel run, String idPrefix) {
        var bar = new ProgressBar(0);
        bar.setId(idPrefix + "-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(run.fractionProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);

        var pause = new Button("Pause", new FontIcon(Feather.PAUSE));
        pause.setId(idPrefix + "-pause");
        pause.visibleProperty().bind(run.pausedProperty().not());
        pause.managedProperty().bind(pause.visibleProperty());
        pause.disableProperty().bind(run.runningProperty().not());
        pause.setOnAction(e -> run.pause());
        var resume = new Button("Resume", new FontIcon(Feather.PLAY));
        resume.setId(idPrefix + "-resume");
        resume.visibleProperty().bind(run.pausedProperty());
        resume.managedProperty().bind(resume.visibleProperty());
        resume.setOnAction(e -> run.resume());
        var cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId(idPrefix + "-cancel");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setTooltip(new Tooltip("Stop reading; what was sent is flushed and reported exactly"));
        cancel.disableProperty().bind(run.runningProperty().not());
        cancel.setOnAction(e -> run.cancel());
        var more = new Button("Continue", new FontIcon(Feather.SKIP_FORWARD));
        more.setId(idPrefix + "-continue");
        more.setTooltip(new Tooltip("Send the rest of the stopped load, skipping the rows that landed"));
        more.visibleProperty().bind(run.canContinueProperty().and(run.runningProperty().not()));
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> run.continueLoad());
        var barRow = new HBox(8, bar, pause, resume, cancel, more);
        barRow.setAlignment(Pos.CENTER_LEFT);

        var counts = new Label();
        counts.setId(idPrefix + "-counts");
        counts.getStyleClass().add("mono");
        counts.textProperty().bind(run.countsProperty());
        var rate = new Label();
        rate.setId(idPrefix + "-rate");
        rate.getStyleClass().add("muted");
        rate.textProperty().bind(run.rateProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var numbers = new HBox(12, counts, spacer, rate);

        var outcome = new Label();
        outcome.setId(idPrefix + "-outcome");
        outcome.setWrapText(true);
        outcome.getStyleClass().add("load-outcome");
        outcome.textProperty().bind(run.outcomeProperty());
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        outcome.visibleProperty().bind(outcome.managedProperty());
        run.failedOutcomeProperty().subscribe(f -> outcome.pseudoClassStateChanged(FAILED, f));
        run.stoppedOutcomeProperty().subscribe(s -> outcome.pseudoClassStateChanged(STOPPED, s));

        getStyleClass().add("load-progress");
        setSpacing(6);
        getChildren().setAll(barRow, numbers, outcome);
    }
}
