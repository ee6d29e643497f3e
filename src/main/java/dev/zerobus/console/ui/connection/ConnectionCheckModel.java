package dev.zerobus.console.ui.connection;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.doctor.CheckReport;
import dev.zerobus.console.doctor.CheckStep;
import dev.zerobus.console.doctor.ConnectionCheck;
import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.doctor.StepResult.Status;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the connection doctor on the background executor and shows each step as it goes (one FX hop per step: there
 * are six). Cancel answers at once: the steps still to run are marked cancelled and a late answer from the step in
 * flight is ignored (the check itself stops before its next step). Properties are FX-thread only.
 */
public final class ConnectionCheckModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheckModel.class);
    public static final String DEFAULT_TABLE = "main.default.sensor_readings";

    private final StringProperty table = new SimpleStringProperty(DEFAULT_TABLE);
    private final ObservableList<StepResult> steps = FXCollections.observableArrayList();
    // One wrapper for every caller: the wrapper listens to the list weakly, so a fresh one per call could be collected.
    private final ObservableList<StepResult> readOnlySteps = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not run yet: press Test connection.");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper passed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<@Nullable CheckStep> failedStep = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding hasReport;
    private final Executor background;
    private final Executor fx;
    private final Consumer<StepResult> tokenListener;
    private @Nullable ConnectionProfile checked;
    private @Nullable Cancellation cancellation;
    private long startedNanos;
    private long stepStartedNanos;
    private int run;

    /** {@code tokenListener} hears the token step's final result (for the status bar). */
    public ConnectionCheckModel(Executor background, Executor fx, Consumer<StepResult> tokenListener) {
        this.background = background;
        this.fx = fx;
        this.tokenListener = tokenListener;
        resetSteps();
        hasReport = Bindings.createBooleanBinding(() -> checked != null && !running.get(), running, steps);
    }

    public StringProperty tableProperty() { return table; }
    public ObservableList<StepResult> steps() { return readOnlySteps; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty passedProperty() { return passed.getReadOnlyProperty(); }
    /** The first step that failed in the last finished check, or null. */
    public ReadOnlyObjectProperty<@Nullable CheckStep> failedStepProperty() { return failedStep.getReadOnlyProperty(); }
    public BooleanBinding hasReport() { return hasReport; }

    /** Checks {@code profile} against the table in the table field. */
    public void run(ConnectionProfile profile) {
        if (running.get()) return;
        int thisRun = ++run;
        var token = new Cancellation();
        cancellation = token;
        checked = profile;
        startedNanos = System.nanoTime();
        resetSteps();
        failed.set(false);
        passed.set(false);
        failedStep.set(null);
        running.set(true);
        summary.set("Checking " + profile.name() + "…");
        var check = new ConnectionCheck(profile, table.get());
        CompletableFuture.supplyAsync(() -> check.run(step -> fx.execute(() -> onStep(thisRun, step)), token), background)
                .whenCompleteAsync((report, error) -> onFinished(thisRun, report, error), fx);
    }

    /** The profile of the last check (running or finished), or null. */
    public @Nullable ConnectionProfile checkedProfile() {
        return checked;
    }

    /**
     * Shows the check only under the profile it checked: selecting another profile clears the steps and the summary
     * (a result never shows under a profile it does not belong to). A running check is left alone.
     */
    public void showFor(@Nullable String profileName) {
        if (running.get() || checked == null || checked.name().equals(profileName)) return;
        run++; // a late step of the forgotten check is dropped
        checked = null;
        resetSteps();
        failed.set(false);
        passed.set(false);
        failedStep.set(null);
        summary.set("Not run yet: press Test connection.");
    }

    /** Stops the check: the UI is free at once; the step in flight finishes in the background and is dropped. */
    public void cancel() {
        if (!running.get() || cancellation == null) return;
        cancellation.cancel();
        run++;
        steps.replaceAll(s -> s.status() == Status.RUNNING || s.status() == Status.PENDING
                ? new StepResult(s.step(), Status.CANCELLED, s.status() == Status.RUNNING ? Duration.ofNanos(System.nanoTime() - stepStartedNanos) : Duration.ZERO,
                        "The check was cancelled.", null)
                : s);
        running.set(false);
        summary.set("Cancelled. Steps that had finished are shown; run the test again to check the rest.");
    }

    /** The report as text for a ticket: every step with cause and fix, the secret never in it. */
    public String reportText() {
        return checked == null ? "" : new CheckReport(checked, table.get().strip(), steps).toText();
    }

    private void onStep(int thisRun, StepResult step) {
        if (thisRun != run) return;
        steps.set(step.step().ordinal(), step);
        if (step.status() == Status.RUNNING) {
            stepStartedNanos = System.nanoTime();
            summary.set("Step " + (step.step().ordinal() + 1) + " of " + steps.size() + ": " + step.step().label() + "…");
        }
        if (step.step() == CheckStep.TOKEN && (step.status() == Status.PASSED || step.status() == Status.FAILED)) {
            tokenListener.accept(step);
        }
    }

    private void onFinished(int thisRun, @Nullable CheckReport report, @Nullable Throwable error) {
        if (thisRun != run) return;
        running.set(false);
        if (report == null) {
            LOG.warn("The connection check stopped unexpectedly", error);
            failed.set(true);
            summary.set("The check stopped unexpectedly. Try again; if it repeats, attach the log file to a bug report.");
            return;
        }
        steps.setAll(report.steps());
        var failure = report.firstFailure();
        failedStep.set(failure.map(StepResult::step).orElse(null));
        failed.set(failure.isPresent());
        passed.set(report.passed());
        String time = String.format("%.1f s", Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0);
        summary.set(failure.map(f -> "Failed at step " + (f.step().ordinal() + 1) + ": " + f.step().label() + " (" + time + ").")
                .orElse(report.passed() ? "All " + steps.size() + " steps passed in " + time + "." : "Finished in " + time + "."));
    }

    private void resetSteps() {
        steps.setAll(Arrays.stream(CheckStep.values()).map(StepResult::pending).toList());
    }
}
