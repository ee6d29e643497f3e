package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.IngestionSession.LedgerEntry.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ledger view: every request of each stream that is not durable yet, then the last requests each stream had
 * ACKed (the session keeps them, so a fast load leaves them on show and a paced one shows no gaps). Reads run on
 * {@code background}, one at a time (a full window holds thousands of requests); only the rows go to {@code fx}.
 */
final class LedgerTracker {
    private final Executor background;
    private final Executor fx;
    private final AtomicBoolean reading = new AtomicBoolean();
    private final ObservableList<LedgerRow> rows = FXCollections.observableArrayList();

    LedgerTracker(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    ObservableList<LedgerRow> rows() { return rows; }

    void refresh(List<IngestionSession> sessions) {
        if (!reading.compareAndSet(false, true)) return;
        background.execute(() -> {
            try {
                List<LedgerRow> pending = new ArrayList<>();
                List<LedgerRow> durable = new ArrayList<>();
                for (int i = 0; i < sessions.size(); i++) {
                    for (var e : sessions.get(i).ledgerView()) {
                        (e.outcome() == Outcome.DURABLE ? durable : pending).add(LedgerRow.of(i + 1, e));
                    }
                }
                // Newest first in each part: the newest requests sent on top, then the newest made durable.
                Comparator<LedgerRow> newest = Comparator.comparingLong(LedgerRow::sourceIndex).reversed();
                pending.sort(newest);
                durable.sort(newest);
                List<LedgerRow> shown = new ArrayList<>(pending);
                shown.addAll(durable);
                fx.execute(() -> rows.setAll(shown));
            } finally {
                reading.set(false);
            }
        });
    }
}
