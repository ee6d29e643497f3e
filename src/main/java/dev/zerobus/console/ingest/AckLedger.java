package dev.zerobus.console.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request sent on the current stream and not yet durable, in send order, with its payload kept for a
 * re-send and the source rows it carries ({@code sourceIndex}, {@code count}); and, for the ledger view, the last
 * {@link #DURABLE_KEPT} requests that became durable (without payloads). Guarded by {@code synchronized} on it.
 */
final class AckLedger {
    static final int DURABLE_KEPT = 200;

    /** One request: a record or a batch. {@code payload} is a String, a byte[], or a List of them. */
    record Entry(long offset, long sourceIndex, int count, long bytes, Object payload, long sentNanos, boolean resent) {}

    /** A request that became durable: where it was and what it carried, nothing more. */
    record Durable(long offset, long sourceIndex, int count) {}

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final ArrayDeque<Durable> durable = new ArrayDeque<>();
    private long ackedUpTo = -1;
    /** The highest offset the SDK has given an answer for on this stream: an ACK covering it, or its own error. */
    private long settledUpTo = -1;

    boolean isEmpty() { return entries.isEmpty(); }
    int size() { return entries.size(); }

    /** Adds a sent request; returns it at once as durable if the ACK overtook the call that sent it. */
    Entry add(Entry entry) {
        if (entry.offset() <= ackedUpTo) {
            keep(entry);
            return entry;
        }
        entries.addLast(entry);
        return null;
    }

    /** Removes and returns every entry with offset <= {@code offset}. */
    List<Entry> ack(long offset) {
        ackedUpTo = Math.max(ackedUpTo, offset);
        settledUpTo = Math.max(settledUpTo, offset);
        List<Entry> acked = new ArrayList<>();
        while (!entries.isEmpty() && entries.peekFirst().offset() <= offset) acked.add(entries.pollFirst());
        acked.forEach(this::keep);
        return acked;
    }

    private void keep(Entry e) {
        durable.addFirst(new Durable(e.offset(), e.sourceIndex(), e.count()));
        if (durable.size() > DURABLE_KEPT) durable.removeLast();
    }

    /** The last requests that became durable, newest first. */
    List<Durable> recentDurable() {
        return List.copyOf(durable);
    }

    /** The SDK failed the request at {@code offset} (its {@code onError}): answered, not durable; it stays for a re-send. */
    void failed(long offset) {
        settledUpTo = Math.max(settledUpTo, offset);
    }

    /**
     * Whether every request sent has had its answer from the SDK's callback (ACK or error). The SDK answers a failed
     * stream's requests in offset order, ACKs first, so the highest answered offset tells.
     */
    boolean settled() {
        return entries.isEmpty() || entries.peekLast().offset() <= settledUpTo;
    }

    /** Everything not durable, oldest first, and a fresh start for a new stream (offsets restart at 0). */
    List<Entry> drainForResend() {
        List<Entry> all = new ArrayList<>(entries);
        entries.clear();
        ackedUpTo = -1;
        settledUpTo = -1;
        return all;
    }

    List<Entry> snapshot() {
        return List.copyOf(entries);
    }
}
