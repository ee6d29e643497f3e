package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.IngestEvent;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.LoadProgress;
import dev.zerobus.console.ingest.MetricsSnapshot;
import dev.zerobus.console.ingest.SessionState;
import dev.zerobus.console.ui.ActiveIngestion;
import java.time.Duration;
import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Samples one ingestion's sessions: {@link #sample()} runs ~10 times a second on the FX thread and is the only
 * caller of their {@code metrics().snapshot()} (rates are since the previous call). Counters update every sample;
 * chart points, latency and the event log once a second. The ledger is read off the FX thread (it takes the
 * session's lock, which a blocked send or a flush holds).
 */
final class IngestionMonitor {
    static final int CHART_POINTS = 300; // five minutes of 1-second points
    private static final int SAMPLES_PER_POINT = 10;
    /** Rates are over the last 2 s: steady to read, yet recent; never over a few milliseconds (no spikes at the end). */
    static final long RATE_WINDOW_NANOS = 2_000_000_000L;

    private final ActiveIngestion ingestion;
    private final LedgerTracker ledger;
    private final Map<IngestionSession, IngestEvent> lastEventSeen = new IdentityHashMap<>();
    private final ObservableList<RatePoint> points = FXCollections.observableArrayList();
    private final ObservableList<EventRow> events = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StreamStats> stats = new ReadOnlyObjectWrapper<>(StreamStats.EMPTY);
    private int samples;
    private final ArrayDeque<long[]> window = new ArrayDeque<>(); // {nanos, acked, bytes} of the samples in the rate window
    private double recordsRate;
    private double bytesRate;
    private double shownRecordsRate;
    private double shownBytesRate;
    private Duration windowP50 = Duration.ZERO;
    private Duration windowP99 = Duration.ZERO;
    private RatePoint lastPoint = new RatePoint(0, 0, 0);
    private Duration shownP50 = Duration.ZERO;
    private Duration shownP99 = Duration.ZERO;
    private @Nullable EventRow lastRetry;
    private @Nullable EventRow lastProblem;
    /** True once every stream is closed or failed and the last numbers were taken: sampling stops. */
    private boolean finished;

    IngestionMonitor(ActiveIngestion ingestion, Executor background, Executor fx) {
        this.ingestion = ingestion;
        this.ledger = new LedgerTracker(background, fx);
    }

    ActiveIngestion ingestion() { return ingestion; }
    ObservableList<RatePoint> points() { return points; }
    ObservableList<EventRow> events() { return events; }
    ObservableList<LedgerRow> ledger() { return ledger.rows(); }
    ReadOnlyObjectProperty<StreamStats> stats() { return stats.getReadOnlyProperty(); }

    void sample() {
        if (finished) return;
        List<IngestionSession> sessions = ingestion.sessions();
        List<MetricsSnapshot> snapshots = new ArrayList<>(sessions.size());
        for (IngestionSession s : sessions) snapshots.add(s.metrics().snapshot());
        LoadProgress load = ingestion.job() == null ? null : ingestion.job().progress();
        samples++;
        for (MetricsSnapshot m : snapshots) {
            windowP50 = max(windowP50, m.latencyP50());
            windowP99 = max(windowP99, m.latencyP99());
        }
        boolean allTerminal = !sessions.isEmpty() && snapshots.stream().allMatch(m -> m.state().isTerminal())
                && (load == null || load.done());
        updateRates(snapshots, allTerminal);
        if (samples % SAMPLES_PER_POINT == 1 || allTerminal) { // the first sample too: the log is not empty for a second
            takePoint();
            readEvents(sessions);
            ledger.refresh(sessions);
        }
        stats.set(summarize(snapshots, load));
        finished = allTerminal;
    }

    /**
     * Rates over the samples of the last {@link #RATE_WINDOW_NANOS} (or since the first sample, if that is shorter);
     * once every stream ended, the averages since the ingestion began.
     */
    private void updateRates(List<MetricsSnapshot> snapshots, boolean ended) {
        long now = System.nanoTime();
        long acked = snapshots.stream().mapToLong(MetricsSnapshot::recordsAcked).sum();
        long bytes = snapshots.stream().mapToLong(MetricsSnapshot::bytesSent).sum();
        if (ended) { // the last numbers shown: averages over the whole ingestion (the chart keeps the 2 s rates)
            double seconds = Math.max(1e-3, Duration.between(ingestion.started(), Instant.now()).toNanos() / 1e9);
            shownRecordsRate = acked / seconds;
            shownBytesRate = bytes / seconds;
        }
        window.add(new long[] {now, acked, bytes});
        while (window.size() > 1 && now - window.getFirst()[0] > RATE_WINDOW_NANOS) window.removeFirst();
        long[] oldest = window.getFirst();
        double seconds = (now - oldest[0]) / 1e9;
        // The first sample is the baseline (the pane may open on a load long running): no rate from one sample.
        recordsRate = seconds < 0.05 ? 0 : (acked - oldest[1]) / seconds;
        bytesRate = seconds < 0.05 ? 0 : (bytes - oldest[2]) / seconds;
        if (!ended) {
            shownRecordsRate = recordsRate;
            shownBytesRate = bytesRate;
        }
    }

    private void takePoint() {
        double at = Duration.between(ingestion.started(), Instant.now()).toMillis() / 1000.0;
        if (points.isEmpty() && at > 0) points.add(new RatePoint(0, 0, 0)); // the line starts at the start
        lastPoint = new RatePoint(at, recordsRate, bytesRate);
        points.add(lastPoint);
        while (!points.isEmpty() && points.getFirst().seconds() < at - CHART_POINTS) points.removeFirst();
        if (!windowP99.isZero()) {
            shownP50 = windowP50;
            shownP99 = windowP99;
        }
        windowP50 = Duration.ZERO;
        windowP99 = Duration.ZERO;
    }

    /** Appends what each session logged since the last read (its ring keeps the newest 2,000). */
    private void readEvents(List<IngestionSession> sessions) {
        List<EventRow> fresh = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            IngestionSession s = sessions.get(i);
            List<IngestEvent> all = s.metrics().events();
            int from = firstUnseen(all, lastEventSeen.get(s));
            for (IngestEvent e : all.subList(from, all.size())) fresh.add(new EventRow(i + 1, e));
            if (!all.isEmpty()) lastEventSeen.put(s, all.getLast());
        }
        fresh.sort((a, b) -> a.event().at().compareTo(b.event().at()));
        for (EventRow row : fresh) {
            if (row.event().kind() == IngestEvent.Kind.RETRY) lastRetry = row;
            if (row.isProblem()) lastProblem = row;
        }
        events.addAll(fresh);
    }

    /** After the last event seen; if the ring dropped it, after its time. */
    private static int firstUnseen(List<IngestEvent> all, @Nullable IngestEvent seen) {
        if (seen == null) return 0;
        int at = all.lastIndexOf(seen);
        if (at >= 0) return at + 1;
        int from = 0;
        while (from < all.size() && !all.get(from).at().isAfter(seen.at())) from++;
        return from;
    }

    private StreamStats summarize(List<MetricsSnapshot> s, @Nullable LoadProgress load) {
        List<SessionState> states = s.stream().map(MetricsSnapshot::state).toList();
        Duration elapsed = Duration.between(ingestion.started(), Instant.now());
        return new StreamStats(StreamBadge.of(states, load), s.size(), sum(s, MetricsSnapshot::recordsSent),
                sum(s, MetricsSnapshot::recordsAcked), sum(s, MetricsSnapshot::recordsInFlight),
                sum(s, MetricsSnapshot::recordsFailed), sum(s, MetricsSnapshot::recordsResent),
                sum(s, MetricsSnapshot::lastOffsetSent), sum(s, MetricsSnapshot::ackedOffset),
                sum(s, MetricsSnapshot::retries), sum(s, MetricsSnapshot::recoveries), sum(s, MetricsSnapshot::errors),
                shownRecordsRate, shownBytesRate, shownP50, shownP99, elapsed, load,
                lastRetry, lastProblem);
    }

    /** Offsets are per stream; over several streams the sum is "how far", which is what the tile shows. */
    private static long sum(List<MetricsSnapshot> s, ToLongFunction<MetricsSnapshot> f) {
        return s.isEmpty() ? 0 : s.stream().mapToLong(f).sum();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
