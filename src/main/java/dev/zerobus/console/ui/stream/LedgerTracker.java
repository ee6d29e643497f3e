package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.IngestionSession.LedgerEntry.Outcome;
import dev.zerobus.console.ingest.SessionState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ledger view: what each stream has not had ACKed yet, plus the requests seen leaving it lately (durable, or
 * failed when their stream failed). Reads and the diff run on {@code background}, one at a time (a full window holds
 * thousands of requests); only the rows shown go to {@code fx}.
 */
final class LedgerTracker {
    static final int RECENT_KEPT = 200;
    static final int UNACKED_SHOWN = 300;

    private final Executor background;
    private final Executor fx;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final ObservableList<LedgerRow> rows = FXCollections.observableArrayList();
    private final ArrayDeque<LedgerRow> recent = new ArrayDeque<>();
    private volatile List<LedgerRow> previous = List.of();

    LedgerTracker(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    ObservableList<LedgerRow> rows() { return rows; }

    void refresh(List<IngestionSession> sessions) {
        if (!reading.compareAndSet(false, true)) return;
        background.execute(() -> {
            try {
                List<LedgerRow> now = new ArrayList<>();
                List<SessionState> states = new ArrayList<>();
                for (int i = 0; i < sessions.size(); i++) {
                    states.add(sessions.get(i).state());
                    for (var e : sessions.get(i).unacked()) now.add(LedgerRow.of(i + 1, e));
                }
                List<LedgerRow> shown = update(now, states);
                fx.execute(() -> rows.setAll(shown));
            } finally {
                reading.set(false);
            }
        });
    }

    /** Background thread, one call at a time (guarded by {@code reading}). */
    private List<LedgerRow> update(List<LedgerRow> now, List<SessionState> states) {
        Set<String> present = new HashSet<>();
        for (LedgerRow r : now) present.add(key(r));
        for (LedgerRow old : previous) {
            if (present.contains(key(old))) continue;
            SessionState state = states.get(old.stream() - 1);
            if (state == SessionState.RECOVERING) continue; // re-sent on the new stream, under a new offset
            recent.addFirst(old.as(state == SessionState.FAILED ? Outcome.FAILED : Outcome.DURABLE));
            if (recent.size() > RECENT_KEPT) recent.removeLast();
        }
        previous = now;
        List<LedgerRow> shown = new ArrayList<>(now.reversed().subList(0, Math.min(now.size(), UNACKED_SHOWN)));
        shown.addAll(recent);
        return shown;
    }

    private static String key(LedgerRow r) {
        return r.stream() + ":" + r.offset() + ":" + r.sourceIndex();
    }
}
