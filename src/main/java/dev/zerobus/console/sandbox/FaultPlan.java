package dev.zerobus.console.sandbox;

import dev.zerobus.console.sandbox.delta.CommitFaults;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults the sandbox injects on purpose, for tests and demos (Java API here, CLI flags and the admin HTTP
 * endpoint on top). Thread-safe: every knob is an atomic read by the serving threads.
 */
public final class FaultPlan implements CommitFaults {
    /** Close each stream with UNAVAILABLE after it received this many records; 0 = never. */
    private final AtomicLong closeStreamsAfterRecords = new AtomicLong();
    /** Send {@code close_stream_signal} after this many records on each stream; 0 = never. */
    private final AtomicLong closeSignalAfterRecords = new AtomicLong();
    private final AtomicReference<Duration> closeSignalDuration = new AtomicReference<>(Duration.ofSeconds(1));
    /** Hold every ACK back for this long after the records are durable. */
    private final AtomicReference<Duration> ackLatency = new AtomicReference<>(Duration.ZERO);
    /** Send no ACKs at all while set (the SDK then times out and recovers). */
    private final AtomicBoolean withholdAcks = new AtomicBoolean();
    /** Answer the next K token requests with HTTP 503. */
    private final AtomicInteger rejectTokens = new AtomicInteger();
    /** Fail the next K Delta commits. */
    private final AtomicInteger failCommits = new AtomicInteger();
    /** Slow down every Unity Catalog REST call by this much (to show progress and cancel in the console). */
    private final AtomicReference<Duration> catalogDelay = new AtomicReference<>(Duration.ZERO);
    /** How long a stopped SQL warehouse stays STARTING (and a running one STOPPING): quick, but observable. */
    private final AtomicReference<Duration> warehouseTransition = new AtomicReference<>(DEFAULT_WAREHOUSE_TRANSITION);
    public static final Duration DEFAULT_WAREHOUSE_TRANSITION = Duration.ofSeconds(2);

    public FaultPlan closeStreamsAfter(long records) { closeStreamsAfterRecords.set(records); return this; }
    public FaultPlan closeSignalAfter(long records, Duration announced) {
        closeSignalDuration.set(announced);
        closeSignalAfterRecords.set(records);
        return this;
    }
    public FaultPlan ackLatency(Duration latency) { ackLatency.set(latency); return this; }
    public FaultPlan withholdAcks(boolean withhold) { withholdAcks.set(withhold); return this; }
    public FaultPlan rejectNextTokens(int count) { rejectTokens.set(count); return this; }
    public FaultPlan failNextCommits(int count) { failCommits.set(count); return this; }
    public FaultPlan catalogDelay(Duration delay) { catalogDelay.set(delay); return this; }
    public FaultPlan warehouseTransition(Duration delay) { warehouseTransition.set(delay); return this; }

    /** Clears every fault. */
    public void reset() {
        closeStreamsAfterRecords.set(0);
        closeSignalAfterRecords.set(0);
        ackLatency.set(Duration.ZERO);
        withholdAcks.set(false);
        rejectTokens.set(0);
        failCommits.set(0);
        catalogDelay.set(Duration.ZERO);
        warehouseTransition.set(DEFAULT_WAREHOUSE_TRANSITION);
    }

    public long closeStreamsAfterRecords() { return closeStreamsAfterRecords.get(); }
    public long closeSignalAfterRecords() { return closeSignalAfterRecords.get(); }
    public Duration closeSignalDuration() { return closeSignalDuration.get(); }
    public Duration ackLatency() { return ackLatency.get(); }
    public boolean withholdAcks() { return withholdAcks.get(); }
    public Duration catalogDelay() { return catalogDelay.get(); }
    public Duration warehouseTransition() { return warehouseTransition.get(); }
    /** How many token requests are still to be rejected. */
    public int pendingTokenRejections() { return rejectTokens.get(); }
    /** How many Delta commits are still to fail. */
    public int pendingCommitFailures() { return failCommits.get(); }

    /** True once for each token request to reject; consumes one. */
    public boolean takeTokenRejection() { return takeOne(rejectTokens); }

    @Override
    public boolean failNextCommit() { return takeOne(failCommits); }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** A one-line summary for logs and the admin endpoint. */
    @Override
    public String toString() {
        return "FaultPlan[closeStreamsAfter=" + closeStreamsAfterRecords + ", closeSignalAfter=" + closeSignalAfterRecords
                + ", ackLatency=" + ackLatency + ", withholdAcks=" + withholdAcks + ", rejectNextTokens=" + rejectTokens
                + ", failNextCommits=" + failCommits + ", catalogDelay=" + catalogDelay + ", warehouseTransition=" + warehouseTransition + "]";
    }
}
