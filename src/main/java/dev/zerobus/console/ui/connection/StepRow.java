package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.doctor.StepResult.Status;
import dev.zerobus.console.workspace.Problem;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One step of the connection check: status, time, and on failure the cause, the fix and a line to copy. */
final class StepRow extends VBox {
    /** {@code action}: a node shown under a failed step's fix (e.g. "Grant now"), or null. */
    StepRow(StepResult result, @Nullable Node action) {
        String key = result.step().name().toLowerCase(Locale.ROOT);
        setId("step-" + key);
        getStyleClass().add("step-row");
        pseudoClassStateChanged(PseudoClass.getPseudoClass(result.status().name().toLowerCase(Locale.ROOT)), true);
        var title = new Label((result.step().ordinal() + 1) + ".  " + result.step().label());
        title.getStyleClass().add("step-title");
        title.setMinWidth(0);
        title.setWrapText(true); // long step names wrap in a narrow window; the time and status keep their width
        title.setMinHeight(Region.USE_PREF_SIZE);
        Fit.tooltipWithText(title);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var time = new Label(elapsed(result));
        time.getStyleClass().addAll("muted", "mono");
        time.setMinWidth(Region.USE_PREF_SIZE);
        var status = new Label(statusText(result.status()));
        status.setId("step-status-" + key);
        status.getStyleClass().addAll("badge", badge(result.status()));
        status.setMinWidth(Region.USE_PREF_SIZE);
        var who = new Label(switch (result.step().identity()) {
            case YOU, BOTH -> ""; // the YOU step's title says "as you" already
            case INGEST -> "ingest principal";
        });
        who.setId("step-identity-" + key);
        who.getStyleClass().addAll("badge", "neutral", "step-identity");
        who.setMinWidth(Region.USE_PREF_SIZE);
        who.setVisible(!who.getText().isEmpty());
        who.setManaged(who.isVisible());
        var header = new HBox(10, icon(result.status()), title, who, spacer, time, status);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(header);
        if (!result.detail().isEmpty()) getChildren().add(wrapped(result.detail(), "step-detail-" + key, "muted", "step-body"));
        if (result.problem() != null) addProblem(result.problem(), key);
        if (action != null) getChildren().add(action);
    }

    private void addProblem(Problem problem, String key) {
        getChildren().add(wrapped("Cause: " + problem.message(), "step-cause-" + key, "problem-text", "step-body"));
        getChildren().add(wrapped("Fix: " + problem.fix(), "step-fix-" + key, "fix-text", "step-body"));
        if (problem.copyableFix() == null) return;
        String line = problem.copyableFix();
        var area = new TextArea(line);
        area.setId("step-copyable-" + key);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.max(1, line.lines().mapToInt(l -> 1 + l.length() / 64).sum())); // wrapped lines, roughly
        area.getStyleClass().addAll("mono", "copyable-fix");
        HBox.setHgrow(area, Priority.ALWAYS);
        var copy = new CopyButton("Copy", "Copy this statement to the clipboard", () -> line);
        copy.setId("step-copy-" + key);
        var box = new HBox(8, area, copy);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("step-body");
        getChildren().add(box);
    }

    private static Label wrapped(String text, String id, String... styles) {
        var label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().addAll(styles);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Node icon(Status status) {
        if (status == Status.RUNNING) {
            var spinner = new ProgressIndicator();
            spinner.getStyleClass().add("step-spinner");
            spinner.setPrefSize(16, 16);
            spinner.setMaxSize(16, 16);
            return spinner;
        }
        var icon = new FontIcon(switch (status) {
            case PASSED -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case SKIPPED -> Feather.SKIP_FORWARD;
            case CANCELLED -> Feather.SLASH;
            case PENDING, RUNNING -> Feather.CIRCLE;
        });
        icon.getStyleClass().add("step-icon");
        return icon;
    }

    private static String statusText(Status status) {
        return switch (status) {
            case PENDING -> "pending";
            case RUNNING -> "running";
            case PASSED -> "passed";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
            case CANCELLED -> "cancelled";
        };
    }

    private static String badge(Status status) {
        return switch (status) {
            case PASSED -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
            case RUNNING -> Styles.ACCENT;
            case CANCELLED -> Styles.WARNING;
            case PENDING, SKIPPED -> "neutral";
        };
    }

    private static String elapsed(StepResult result) {
        if (result.status() == Status.PENDING || result.status() == Status.SKIPPED || result.status() == Status.RUNNING) return "";
        long ms = result.elapsed().toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
