package dev.zerobus.console.sandbox;

import dev.zerobus.console.sandbox.delta.CommitFaults;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults the sandbox injects on purpose, for tests and demos (Java API here, CLI flags and the admin HTTP
 * endpoint on top), and the "like the service" knobs (ACK latency drawn like the service's, per-stream quota,
 * stream lifetime). Thread-safe: every knob is an atomic read by the serving threads.
 *
 * <p>Every setter checks its value against {@link Limits} and throws {@link IllegalArgumentException} naming the
 * field and its allowed range, so the CLI and the admin endpoint refuse the same values (a latency of
 * {@code Long.MAX_VALUE} ms once overflowed the stream's timer and hung the client).
 */
public final class FaultPlan implements CommitFaults {
    /** The allowed range of each knob, as the admin endpoint and the CLI name them. */
    public static final class Limits {
        public static final long MAX_RECORDS = 1_000_000_000L;
        public static final int MAX_COUNT = 1_000_000;
        /** Ten minutes: far above the SDK's 60 s ACK timeout, far below an overflow. */
        public static final long MAX_DELAY_MS = 600_000;
        public static final long MAX_SIGNAL_MS = 3_600_000;
        public static final long MAX_LIFETIME_MS = 86_400_000;
        public static final long MAX_QUOTA_ROWS = 100_000_000;
        public static final long MAX_QUOTA_BYTES = 100L << 30;

        private Limits() {}
    }

    /**
     * Default per-stream quota in "like the service" mode: "Records per second per stream: 100,000 (adjustable)"
     * (https://docs.databricks.com/aws/en/ingestion/zerobus-quotas; the older limits page still says 15,000).
     */
    public static final long DEFAULT_QUOTA_ROWS_PER_SECOND = 100_000;
    /** Default per-stream byte quota in "like the service" mode: "Throughput per stream (gRPC): 100 MB/second" (same page). */
    public static final long DEFAULT_QUOTA_BYTES_PER_SECOND = 100_000_000;

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
    /** Stop the next K ALTER TABLEs between their Delta commit and the catalog file, as a crash there would. */
    private final AtomicInteger crashAfterSchemaCommits = new AtomicInteger();
    /** Fail the next K Delta commits. */
    private final AtomicInteger failCommits = new AtomicInteger();
    /** Slow down every Unity Catalog REST call by this much (to show progress and cancel in the console). */
    private final AtomicReference<Duration> catalogDelay = new AtomicReference<>(Duration.ZERO);
    private final Object catalogDelayChanged = new Object();
    private final AtomicInteger heldCatalogCalls = new AtomicInteger();
    /** "Like the service": ACK latency drawn from the service's distribution, throughput held to the quota. */
    private final AtomicBoolean serviceLike = new AtomicBoolean();
    private final AtomicLong quotaRowsPerSecond = new AtomicLong(DEFAULT_QUOTA_ROWS_PER_SECOND);
    private final AtomicLong quotaBytesPerSecond = new AtomicLong(DEFAULT_QUOTA_BYTES_PER_SECOND);
    /** Announce the close of each stream this long after it opened (then close it); zero = never. */
    private final AtomicReference<Duration> streamLifetime = new AtomicReference<>(Duration.ZERO);
    /** How long a stopped SQL warehouse stays STARTING (and a running one STOPPING): quick, but observable. */
    private final AtomicReference<Duration> warehouseTransition = new AtomicReference<>(DEFAULT_WAREHOUSE_TRANSITION);
    public static final Duration DEFAULT_WAREHOUSE_TRANSITION = Duration.ofSeconds(2);

    public FaultPlan closeStreamsAfter(long records) {
        closeStreamsAfterRecords.set(check("closeStreamsAfter", records, 0, Limits.MAX_RECORDS, "records"));
        return this;
    }
    public FaultPlan closeSignalAfter(long records, Duration announced) {
        check("closeSignalAfter", records, 0, Limits.MAX_RECORDS, "records");
        closeSignalDuration.set(checkMillis("closeSignalSeconds", announced, 0, Limits.MAX_SIGNAL_MS));
        closeSignalAfterRecords.set(records);
        return this;
    }
    public FaultPlan ackLatency(Duration latency) { ackLatency.set(checkMillis("ackLatencyMs", latency, 0, Limits.MAX_DELAY_MS)); return this; }
    public FaultPlan withholdAcks(boolean withhold) { withholdAcks.set(withhold); return this; }
    public FaultPlan rejectNextTokens(int count) { rejectTokens.set((int) check("rejectNextTokens", count, 0, Limits.MAX_COUNT, "requests")); return this; }
    public FaultPlan failNextCommits(int count) { failCommits.set((int) check("failNextCommits", count, 0, Limits.MAX_COUNT, "commits")); return this; }
    /**
     * The next {@code count} ALTER TABLE ... ADD COLUMNS stop right after their Delta commit, before the catalog file
     * (workspace.json) is written, as a crash there would: the statement FAILS, and the next start takes the schema
     * from the Delta log. Java API only (crash tests).
     */
    public FaultPlan crashAfterSchemaCommits(int count) {
        crashAfterSchemaCommits.set((int) check("crashAfterSchemaCommits", count, 0, Limits.MAX_COUNT, "statements"));
        return this;
    }
    /** Slows every Unity Catalog call by {@code delay}; calls already waiting take the new delay (zero lets them go). */
    public FaultPlan catalogDelay(Duration delay) {
        catalogDelay.set(checkMillis("catalogDelayMs", delay, 0, Limits.MAX_DELAY_MS));
        synchronized (catalogDelayChanged) {
            catalogDelayChanged.notifyAll();
        }
        return this;
    }

    /**
     * Holds a Unity Catalog call for the catalog delay, counted from the call's start. A change of the delay applies
     * at once to the calls that wait, so that a test can hold a call as long as it needs and then let it go.
     */
    public void delayCatalogCall() throws InterruptedException {
        long start = System.nanoTime();
        synchronized (catalogDelayChanged) {
            if (catalogDelay.get().isZero()) return;
            heldCatalogCalls.incrementAndGet();
            try {
                for (long left; (left = catalogDelay.get().toNanos() - (System.nanoTime() - start)) > 0; ) {
                    TimeUnit.NANOSECONDS.timedWait(catalogDelayChanged, left);
                }
            } finally {
                heldCatalogCalls.decrementAndGet();
            }
        }
    }

    /** How many Unity Catalog calls the catalog delay holds right now. */
    public int heldCatalogCalls() { return heldCatalogCalls.get(); }

    /**
     * "Like the service": every ACK is held back by a latency drawn from the service's distribution (p50 ~150 ms,
     * p95 ~450 ms, after the commit is durable) and each stream is slowed to its quota by flow control.
     */
    public FaultPlan serviceLike(boolean on) { serviceLike.set(on); return this; }
    /** Rows per second each stream may send in "like the service" mode (default 100,000). */
    public FaultPlan quotaRowsPerSecond(long rows) {
        quotaRowsPerSecond.set(check("quotaRowsPerSecond", rows, 1, Limits.MAX_QUOTA_ROWS, "rows/s"));
        return this;
    }
    /** Request bytes per second each stream may send in "like the service" mode (default 100 MB/s). */
    public FaultPlan quotaBytesPerSecond(long bytes) {
        quotaBytesPerSecond.set(check("quotaBytesPerSecond", bytes, 1, Limits.MAX_QUOTA_BYTES, "bytes/s"));
        return this;
    }
    /** Each stream opened from now on gets close_stream_signal this long after it opened; zero = never. */
    public FaultPlan streamLifetime(Duration lifetime) {
        streamLifetime.set(checkMillis("streamLifetimeSeconds", lifetime, 0, Limits.MAX_LIFETIME_MS));
        return this;
    }

    private static long check(String field, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + " " + unit + ", got " + value + ".");
        }
        return value;
    }

    /** A duration in [min, max] ms, named in the unit its field uses (ms or seconds). */
    private static Duration checkMillis(String field, Duration value, long minMillis, long maxMillis) {
        boolean inRange = !value.isNegative() && value.compareTo(Duration.ofMillis(maxMillis)) <= 0
                && value.compareTo(Duration.ofMillis(minMillis)) >= 0;
        if (!inRange) {
            String range = field.endsWith("Seconds")
                    ? (minMillis / 1000.0) + " and " + (maxMillis / 1000.0) + " seconds, got " + (value.getSeconds() + value.getNano() / 1e9)
                    : minMillis + " and " + maxMillis + " ms, got " + (value.compareTo(Duration.ofMillis(Long.MAX_VALUE)) <= 0
                            && value.compareTo(Duration.ofMillis(Long.MIN_VALUE)) >= 0 ? String.valueOf(value.toMillis()) : value.toString());
            throw new IllegalArgumentException(field + " must be between " + range + ".");
        }
        return value;
    }
    public FaultPlan warehouseTransition(Duration delay) { warehouseTransition.set(delay); return this; }

    /** Clears every fault. */
    public void reset() {
        closeStreamsAfterRecords.set(0);
        closeSignalAfterRecords.set(0);
        ackLatency.set(Duration.ZERO);
        withholdAcks.set(false);
        rejectTokens.set(0);
        failCommits.set(0);
        crashAfterSchemaCommits.set(0);
        catalogDelay(Duration.ZERO);
        serviceLike.set(false);
        quotaRowsPerSecond.set(DEFAULT_QUOTA_ROWS_PER_SECOND);
        quotaBytesPerSecond.set(DEFAULT_QUOTA_BYTES_PER_SECOND);
        streamLifetime.set(Duration.ZERO);
        warehouseTransition.set(DEFAULT_WAREHOUSE_TRANSITION);
    }

    public long closeStreamsAfterRecords() { return closeStreamsAfterRecords.get(); }
    public long closeSignalAfterRecords() { return closeSignalAfterRecords.get(); }
    public Duration closeSignalDuration() { return closeSignalDuration.get(); }
    public Duration ackLatency() { return ackLatency.get(); }
    public boolean withholdAcks() { return withholdAcks.get(); }
    public Duration catalogDelay() { return catalogDelay.get(); }
    public boolean serviceLike() { return serviceLike.get(); }
    public long quotaRowsPerSecond() { return quotaRowsPerSecond.get(); }
    public long quotaBytesPerSecond() { return quotaBytesPerSecond.get(); }
    public Duration streamLifetime() { return streamLifetime.get(); }
    public Duration warehouseTransition() { return warehouseTransition.get(); }
    /** How many token requests are still to be rejected. */
    public int pendingTokenRejections() { return rejectTokens.get(); }
    /** How many Delta commits are still to fail. */
    public int pendingCommitFailures() { return failCommits.get(); }

    /** True once for each token request to reject; consumes one. */
    public boolean takeTokenRejection() { return takeOne(rejectTokens); }

    @Override
    public boolean failNextCommit() { return takeOne(failCommits); }

    /** True once for each ALTER TABLE to stop after its Delta commit; consumes one. */
    public boolean takeCrashAfterSchemaCommit() { return takeOne(crashAfterSchemaCommits); }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** A one-line summary for logs and the admin endpoint. */
    @Override
    public String toString() {
        return "FaultPlan[closeStreamsAfter=" + closeStreamsAfterRecords + ", closeSignalAfter=" + closeSignalAfterRecords
                + ", ackLatency=" + ackLatency + ", withholdAcks=" + withholdAcks + ", rejectNextTokens=" + rejectTokens
                + ", failNextCommits=" + failCommits + ", catalogDelay=" + catalogDelay + ", serviceLike=" + serviceLike
                + ", quotaRowsPerSecond=" + quotaRowsPerSecond + ", quotaBytesPerSecond=" + quotaBytesPerSecond
                + ", streamLifetime=" + streamLifetime + ", warehouseTransition=" + warehouseTransition + "]";
    }
}
