package dev.zerobus.console.source;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Holds a load to a target rate: {@link #acquire(int)} blocks until the records may go. Each record books
 * {@code 1/rate} seconds on a schedule; a producer that falls behind may catch up, but only for the last
 * {@code window} (so after a stall the burst is at most one window's worth). Cancellable from any thread.
 *
 * <p>Thread-safety: one thread calls {@code acquire}; {@link #cancel()} may be called from any thread.
 */
public final class RatePacer {
    /** Blocks the calling thread for about the given time; tests pass one that just advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** Longest single sleep, so that {@link #cancel()} is noticed quickly. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final double recordsPerSecond;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private volatile boolean cancelled;
    private long nextFree = Long.MIN_VALUE;

    public RatePacer(double recordsPerSecond) {
        this(recordsPerSecond, Duration.ofMillis(200), System::nanoTime, RatePacer::park);
    }

    public RatePacer(double recordsPerSecond, Duration window, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("recordsPerSecond must be a positive number, got " + recordsPerSecond);
        }
        this.recordsPerSecond = recordsPerSecond;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public double recordsPerSecond() { return recordsPerSecond; }

    /**
     * Waits until {@code records} more records fit the rate. Returns false, at once or within ~10 ms, if the
     * pacer is cancelled; throws if the thread is interrupted.
     */
    public boolean acquire(int records) throws InterruptedException {
        if (records < 1) throw new IllegalArgumentException("records must be at least 1, got " + records);
        long now = nanoTime.getAsLong();
        if (nextFree == Long.MIN_VALUE) nextFree = now;
        else if (nextFree < now - windowNanos) nextFree = now - windowNanos;
        long due = nextFree;
        nextFree += Math.round(records * 1e9 / recordsPerSecond);
        while (!cancelled) {
            long wait = due - nanoTime.getAsLong();
            if (wait <= 0) return true;
            sleeper.sleepNanos(Math.min(wait, SLICE_NANOS));
        }
        return false;
    }

    /** Makes every waiting and later {@link #acquire(int)} return false. */
    public void cancel() { cancelled = true; }

    public boolean isCancelled() { return cancelled; }

    private static void park(long nanos) throws InterruptedException {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) throw new InterruptedException();
    }
}
