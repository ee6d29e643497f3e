package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.setup.SetupStep;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One set-up step: status, what happened, and the equivalent SQL / CLI command to copy. */
final class SetupStepRow extends VBox {
    SetupStepRow(SetupModel.StepView view) {
        String key = view.kind().name().toLowerCase(Locale.ROOT);
        SetupStep step = view.step();
        String state = step == null ? "pending" : step.status().name().toLowerCase(Locale.ROOT);
        setId("setup-step-" + key);
        getStyleClass().add("step-row");
        pseudoClassStateChanged(PseudoClass.getPseudoClass(state.equals("done") ? "passed" : state), true);
        var title = new Label((view.kind().ordinal() + 1) + ".  " + view.kind().label());
        title.getStyleClass().add("step-title");
        title.setMinWidth(0);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var badge = new Label(state);
        badge.setId("setup-status-" + key);
        badge.getStyleClass().addAll("badge", switch (state) {
            case "done" -> Styles.SUCCESS;
            case "failed" -> Styles.DANGER;
            case "running" -> Styles.ACCENT;
            default -> "neutral";
        });
        badge.setMinWidth(Region.USE_PREF_SIZE);
        var header = new HBox(10, icon(state), title, spacer, badge);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(header);
        if (step == null) return;
        if (!step.detail().isEmpty() && step.problem() == null) {
            // The grants step's detail repeats its statements, which the command block below shows already.
            String detail = view.kind() == SetupStep.Kind.GRANTS && step.status() == SetupStep.Status.DONE
                    ? "Granted: the statements below ran." : step.detail();
            getChildren().add(SetupDialog.wrapped(detail, "setup-detail-" + key, "muted", "step-body"));
        }
        if (step.problem() != null) {
            getChildren().add(SetupDialog.wrapped("Cause: " + step.problem().message(), "setup-cause-" + key, "problem-text", "step-body"));
            getChildren().add(SetupDialog.wrapped("Fix: " + step.problem().fix(), "setup-fix-" + key, "fix-text", "step-body"));
        }
        if (!step.equivalentCommand().isBlank()) getChildren().add(copyable(step.equivalentCommand(), "setup-command-" + key));
    }

    /** A read-only, monospaced block with a Copy button (SQL, CLI lines). */
    static HBox copyable(String text, String id) {
        var area = new TextArea(text);
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.max(1, text.lines().mapToInt(l -> 1 + l.length() / 80).sum()));
        area.getStyleClass().addAll("mono", "copyable-fix");
        HBox.setHgrow(area, Priority.ALWAYS);
        var copy = new CopyButton("Copy", "Copy to the clipboard", () -> text);
        copy.setId(id + "-copy");
        var box = new HBox(8, area, copy);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("step-body");
        return box;
    }

    /** The connection check's step icons: a set-up step that is done shows as a passed check step. */
    private static Node icon(String state) {
        return StepRow.icon(switch (state) {
            case "running" -> StepResult.Status.RUNNING;
            case "done" -> StepResult.Status.PASSED;
            case "failed" -> StepResult.Status.FAILED;
            case "skipped" -> StepResult.Status.SKIPPED;
            default -> StepResult.Status.PENDING;
        });
    }
}
