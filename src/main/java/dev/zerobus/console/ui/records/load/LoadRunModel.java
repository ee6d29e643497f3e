package dev.zerobus.console.ui.records.load;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadProgress;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.RowError;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.ingest.UnfinishedLoads;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.records.shared.RowCounts;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * One running load (file import or generated load): runs the blocking {@link LoadJob#run()} on the background
 * executor; {@link #sample()} (called by the view's timer while {@link #runningProperty()} is true) shows its progress.
 * FX thread only.
 */
public final class LoadRunModel {
    private final UnfinishedLoads unfinishedLoads;
    private final Function<ConnectionProfile, TableReader> readers;
    private final Consumer<ActiveIngestion> streamList;
    private final Consumer<UnfinishedLoad> resumeRequests;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("Not started");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failedOutcome = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stoppedOutcome = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<@Nullable LoadResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RowError> errors = FXCollections.observableArrayList();
    private @Nullable LoadJob job;
    private @Nullable String loadId;

    /**
     * @param unfinishedLoads where a load that stops before the end is kept, so that it can be continued
     * @param readers         a SQL reader per profile, for the rows before the load (see {@link RowCounts})
     * @param streamList      lists a started load in the Stream pane (called on the FX thread)
     * @param resumeRequests  takes Continue's request to resume a stopped load (called on the FX thread)
     * @param background      runs the row count and the blocking {@link LoadJob#run()}
     * @param fx              the FX thread, where results come back
     */
    public LoadRunModel(UnfinishedLoads unfinishedLoads, Function<ConnectionProfile, TableReader> readers,
                        Consumer<ActiveIngestion> streamList, Consumer<UnfinishedLoad> resumeRequests, Executor background, Executor fx) {
        this.unfinishedLoads = unfinishedLoads;
        this.readers = readers;
        this.streamList = streamList;
        this.resumeRequests = resumeRequests;
        this.background = background;
        this.fx = fx;
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty pausedProperty() { return paused.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty fractionProperty() { return fraction.getReadOnlyProperty(); }
    /** Rows read / sent / ACKed / failed. */
    public ReadOnlyStringProperty countsProperty() { return counts.getReadOnlyProperty(); }
    /** Rows per second and the time left. */
    public ReadOnlyStringProperty rateProperty() { return rate.getReadOnlyProperty(); }
    /** What the finished load did, in a sentence. */
    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedOutcomeProperty() { return failedOutcome.getReadOnlyProperty(); }
    /** The load was stopped before the end (by the person or a quit): neither a success nor a failure. */
    public ReadOnlyBooleanProperty stoppedOutcomeProperty() { return stoppedOutcome.getReadOnlyProperty(); }
    /** The load stopped before the end and can be continued (see {@link #continueLoad()}). */
    public ReadOnlyBooleanProperty canContinueProperty() { return canContinue.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<@Nullable LoadResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ObservableList<RowError> errors() { return errors; }

    /**
     * Starts the job; it is listed in the Stream pane as {@code name}. If it stops before the end, it is kept in
     * the unfinished loads under {@code id} with {@code recipe}, so that it can be resumed (also after a
     * restart); ending in full removes that entry.
     */
    public void start(LoadJob newJob, String name, ConnectionProfile profile, TableDetails table, UnfinishedLoad.Recipe recipe,
                      String id) {
        job = newJob;
        loadId = id;
        errors.clear();
        result.set(null);
        outcome.set("");
        failedOutcome.set(false);
        stoppedOutcome.set(false);
        canContinue.set(false);
        newJob.whenEnded(ended -> unfinishedLoads.ended(new UnfinishedLoad(id, name, table.fullName(), profile.name(),
                recipe, ended.durable().toList(), ended.durable().count(), newJob.progress().fraction(), System.currentTimeMillis()), ended));
        fraction.set(ProgressValues.INDETERMINATE);
        counts.set("Opening " + "stream(s) on " + table.fullName() + "…");
        rate.set("");
        running.set(true);
        CompletableFuture.supplyAsync(() -> RowCounts.before(readers, profile, table), background)
                .thenAcceptAsync(before -> streamList.accept(
                        new ActiveIngestion(name, table, Instant.now(), newJob, null, before)), fx)
                .thenRunAsync(() -> runJob(newJob), background);
    }

    /** The stopped load this model ran, while it can still be resumed (it is kept in the unfinished loads). */
    public @Nullable UnfinishedLoad resumable() {
        String id = loadId;
        return id == null || running.get() ? null : unfinishedLoads.find(id).orElse(null);
    }

    public void pause() { if (job != null) { job.pause(); paused.set(true); } }
    public void resume() { if (job != null) { job.resume(); paused.set(false); } }
    public void cancel() { if (job != null) job.cancel(); }

    private void runJob(LoadJob newJob) {
        LoadResult done;
        try {
            done = newJob.run();
        } catch (Exception e) {
            fx.execute(() -> finished(null, "The load stopped unexpectedly. Try again; if it repeats, attach the log file to a bug report."));
            return;
        }
        fx.execute(() -> finished(done, null));
    }

    private void finished(@Nullable LoadResult done, @Nullable String problem) {
        sample();
        running.set(false);
        paused.set(false);
        result.set(done);
        if (done == null) {
            failedOutcome.set(true);
            outcome.set(problem);
            return;
        }
        boolean stopped = done.cancelled() && done.streamFailure() == null;
        if (!stopped && done.streamFailure() == null) fraction.set(1); // a stopped or failed load keeps the fraction it reached
        failedOutcome.set(done.failed() > 0 || done.streamFailure() != null);
        stoppedOutcome.set(stopped && !failedOutcome.get());
        outcome.set(describe(done, fraction.get()));
        canContinue.set(resumable() != null);
    }

    /** Asks for the stopped load to be continued (the Records pane takes the request), skipping what landed. */
    public void continueLoad() {
        UnfinishedLoad load = resumable();
        if (load != null) resumeRequests.accept(load);
    }

    static String describe(LoadResult done, double reached) {
        String landed = String.format(Locale.ROOT, "%,d rows landed (ACKed) in %.1f s", done.acked(), done.seconds());
        String failed = done.failed() == 0 ? "" : String.format(Locale.ROOT, "; %,d rows failed", done.failed());
        if (done.streamFailure() != null) {
            return landed + failed + ". The stream stopped: " + done.streamFailure().problem().message() + " "
                    + done.streamFailure().problem().fix();
        }
        if (done.cancelled()) {
            return String.format(Locale.ROOT, "Stopped at %.0f %%: ", Math.max(0, reached) * 100) + landed + failed
                    + ". The rest was not sent: Continue sends it, skipping what landed.";
        }
        return landed + failed + (done.stoppedByPolicy() ? ". Stopped by the error policy." : ".");
    }

    /** FX thread: copies the job's progress into the properties (the view calls it every ~100 ms while running). */
    public void sample() {
        LoadJob current = job;
        if (current == null) return;
        LoadProgress p = current.progress();
        fraction.set(p.read() == 0 && !p.done() ? ProgressValues.INDETERMINATE : p.fraction());
        counts.set(String.format(Locale.ROOT, "%,d read · %,d sent · %,d ACKed · %,d failed", p.read(), p.sent(), p.acked(), p.failed()));
        rate.set(String.format(Locale.ROOT, "%,.0f rows/s", p.rowsPerSecond()) + (p.eta() == null ? "" : " · ETA " + ProgressValues.format(p.eta()))
                + (p.paused() ? " · paused" : ""));
        List<RowError> now = current.errors();
        if (now.size() != errors.size()) errors.setAll(now);
    }

    /** Progress bar values and time formatting. */
    static final class ProgressValues {
        static final double INDETERMINATE = -1;

        private ProgressValues() {}

        static String format(Duration d) {
            long s = Math.max(0, d.toSeconds());
            return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60)
                    : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
    }
}
