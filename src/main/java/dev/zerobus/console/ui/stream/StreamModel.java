package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.IngestException;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ui.ActiveIngestion;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jspecify.annotations.Nullable;

/**
 * The Stream pane's state: the ingestions, the one selected, its counters, chart points, events and ledger, and the
 * flush / close / pause commands. {@link #sample()} is called ~10 times a second on the FX thread; nothing is pushed
 * per ACK. Commands run on {@code background}; their outcome comes back through {@code fx}.
 */
public final class StreamModel {
    private final ObservableList<ActiveIngestion> ingestions;
    private final Executor background;
    private final Executor fx;
    private final Map<ActiveIngestion, IngestionMonitor> monitors = new IdentityHashMap<>();
    private final ObjectProperty<@Nullable ActiveIngestion> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<StreamStats> stats = new ReadOnlyObjectWrapper<>(StreamStats.EMPTY);
    private final ObservableList<RatePoint> points = FXCollections.observableArrayList();
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final ObservableList<LedgerRow> ledger = FXCollections.observableArrayList();
    private final StringProperty eventFilter = new SimpleStringProperty("");
    private final FilteredList<EventRow> filteredEvents = new FilteredList<>(events);
    private final FilteredList<EventRow> problems = new FilteredList<>(events, EventRow::isProblem);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failedMessage = new ReadOnlyBooleanWrapper();
    private @Nullable IngestionMonitor shown;
    private long longestSampleNanos;

    public StreamModel(ObservableList<ActiveIngestion> ingestions, Executor background, Executor fx) {
        this.ingestions = ingestions;
        this.background = background;
        this.fx = fx;
        filteredEvents.predicateProperty().bind(eventFilter.map(f -> row -> row.matches(f)));
        ingestions.forEach(this::track);
        ingestions.addListener((ListChangeListener<ActiveIngestion>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(monitors::remove);
                change.getAddedSubList().forEach(this::track);
                if (change.wasAdded()) selected.set(change.getAddedSubList().getLast());
            }
            if (selected.get() != null && !ingestions.contains(selected.get())) selected.set(ingestions.isEmpty() ? null : ingestions.getLast());
        });
        selected.subscribe(this::show);
        if (!ingestions.isEmpty()) selected.set(ingestions.getLast());
    }

    public ObservableList<ActiveIngestion> ingestions() { return ingestions; }
    public ObjectProperty<@Nullable ActiveIngestion> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<StreamStats> stats() { return stats.getReadOnlyProperty(); }
    /** One-second rate points of the selected ingestion, the last five minutes. */
    public ObservableList<RatePoint> points() { return points; }
    public ObservableList<EventRow> events() { return events; }
    public FilteredList<EventRow> filteredEvents() { return filteredEvents; }
    public FilteredList<EventRow> problems() { return problems; }
    public ObservableList<LedgerRow> ledger() { return ledger; }
    public StringProperty eventFilterProperty() { return eventFilter; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The outcome of the last command, in the user's words. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsProblemProperty() { return failedMessage.getReadOnlyProperty(); }
    public ObservableValue<Boolean> hasSelection() { return selected.isNotNull(); }
    public ObservableValue<Boolean> canPause() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().job() != null
                && (stats.get().load() == null || !stats.get().load().done()), selected, stats);
    }
    public ObservableValue<Boolean> isPaused() {
        return stats.map(s -> s.load() != null && s.load().paused());
    }
    /** The open streams (not closed or failed) of the selected ingestion. */
    public ObservableValue<Boolean> canFlushOrClose() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && !busy.get()
                && selected.get().sessions().stream().anyMatch(s -> !s.state().isTerminal()), selected, stats, busy);
    }

    /** Samples every ingestion still running: counters of all of them move even when not on show. */
    public void sample() {
        long start = System.nanoTime();
        for (IngestionMonitor m : monitors.values()) m.sample();
        longestSampleNanos = Math.max(longestSampleNanos, System.nanoTime() - start);
    }

    /** The longest {@link #sample()} so far: what sampling costs the FX thread. */
    long longestSampleMillis() {
        return longestSampleNanos / 1_000_000;
    }

    /** Waits until everything sent on the selected ingestion's streams is durable. */
    public void flush() {
        run("Flushing", "Flushed: every record sent is durable.", IngestionSession::flush);
    }

    /** Flushes and closes the selected streams; a running load stops reading first (its resume point covers the rest). */
    public void close() {
        ActiveIngestion target = selected.get();
        if (target != null && target.job() != null && (stats.get().load() == null || !stats.get().load().done())) {
            target.job().cancel();
            report("Stopping the load: what was sent is flushed, then the streams close.", false);
            return;
        }
        if (target != null) target.sessions().forEach(session -> session.note("Close requested by you"));
        run("Closing", "Closed: every record sent is durable.", IngestionSession::close);
    }

    public void togglePause() {
        ActiveIngestion target = selected.get();
        if (target == null || target.job() == null) return;
        if (target.job().isPaused()) {
            target.job().resume();
            report("Resumed the load.", false);
        } else {
            target.job().pause();
            report("Paused: records already sent keep landing; resume to read on.", false);
        }
        sample();
    }

    private interface SessionCommand { void apply(IngestionSession s) throws IngestException; }

    private void run(String doing, String done, SessionCommand command) {
        ActiveIngestion target = selected.get();
        if (target == null || busy.get()) return;
        List<IngestionSession> sessions = target.sessions();
        busy.set(true);
        report(doing + " " + sessions.size() + " stream(s)…", false);
        CompletableFuture.runAsync(() -> {
            for (IngestionSession s : sessions) {
                try {
                    command.apply(s);
                } catch (IngestException e) {
                    throw new CompletionException(e);
                }
            }
        }, background).whenCompleteAsync((ok, error) -> {
            busy.set(false);
            if (error == null) report(done, false);
            else report(StreamProblems.describe(error), true);
        }, fx);
    }

    void report(String text, boolean problem) {
        message.set(text);
        failedMessage.set(problem);
    }

    private void track(ActiveIngestion ingestion) {
        monitors.computeIfAbsent(ingestion, i -> new IngestionMonitor(i, background, fx));
    }

    private void show(@Nullable ActiveIngestion ingestion) {
        if (shown != null) {
            Bindings.unbindContent(points, shown.points());
            Bindings.unbindContent(events, shown.events());
            Bindings.unbindContent(ledger, shown.ledger());
            stats.unbind();
        }
        shown = ingestion == null ? null : monitors.get(ingestion);
        if (shown == null) {
            points.clear();
            events.clear();
            ledger.clear();
            stats.set(StreamStats.EMPTY);
            return;
        }
        Bindings.bindContent(points, shown.points());
        Bindings.bindContent(events, shown.events());
        Bindings.bindContent(ledger, shown.ledger());
        stats.bind(shown.stats());
    }
}
