package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.IngestionSession.LedgerEntry;

/** A request of a stream's ACK ledger: a record or batch ({@code count} rows from {@code sourceIndex}) at an offset. */
public record LedgerRow(int stream, long offset, long sourceIndex, int count, LedgerEntry.Outcome outcome) {
    static LedgerRow of(int stream, LedgerEntry e) {
        return new LedgerRow(stream, e.offset(), e.sourceIndex(), e.count(), e.outcome());
    }

    LedgerRow as(LedgerEntry.Outcome newOutcome) {
        return new LedgerRow(stream, offset, sourceIndex, count, newOutcome);
    }

    public String rows() {
        return count == 1 ? "row " + Formats.count(sourceIndex + 1)
                : "rows " + Formats.count(sourceIndex + 1) + "–" + Formats.count(sourceIndex + count);
    }
}
