package dev.zerobus.console.sandbox.grpc;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the sandbox's Zerobus service measured, for tests and benchmarks that judge behaviour from the server's side:
 * ACK delays (request received to ACK sent), the latencies drawn in "like the service" mode, the highest per-stream
 * rate over a sliding window while a quota applies, and stream counts. Thread-safe; cleared by {@link #reset()}.
 */
public final class StreamStats {
    /** The sliding window of {@link #peakRowsPerWindow()}. */
    public static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MAX_MILLIS = TimeUnit.HOURS.toMillis(1);

    private final Histogram ackDelayMillis = new ConcurrentHistogram(MAX_MILLIS, 3);
    private final Histogram drawnLatencyMillis = new ConcurrentHistogram(MAX_MILLIS, 3);
    private final AtomicLong peakRowsPerWindow = new AtomicLong();
    private final AtomicLong largestPacedRequestRows = new AtomicLong();
    private final AtomicLong streamsOpened = new AtomicLong();
    private final AtomicLong lifetimeSignals = new AtomicLong();
    private final AtomicLong throttlePauses = new AtomicLong();

    /** Copies of the ACK-delay histogram (ms): received to ACK sent, one value per request. */
    public Histogram ackDelayMillis() {
        return ackDelayMillis.copy();
    }

    /** Copies of the latencies drawn in "like the service" mode (ms), one per ACK response. */
    public Histogram drawnLatencyMillis() {
        return drawnLatencyMillis.copy();
    }

    /** The most rows one stream sent within any {@link #RATE_WINDOW_NANOS} window while its quota applied. */
    public long peakRowsPerWindow() {
        return peakRowsPerWindow.get();
    }

    /** The largest request (rows) a paced stream received: the one request a stream may overshoot its bucket by. */
    public long largestPacedRequestRows() {
        return largestPacedRequestRows.get();
    }

    public long streamsOpened() {
        return streamsOpened.get();
    }

    /** Streams that got close_stream_signal because their lifetime ran out. */
    public long lifetimeSignals() {
        return lifetimeSignals.get();
    }

    /** How often a stream stopped reading because it was over its quota. */
    public long throttlePauses() {
        return throttlePauses.get();
    }

    public void reset() {
        ackDelayMillis.reset();
        drawnLatencyMillis.reset();
        peakRowsPerWindow.set(0);
        largestPacedRequestRows.set(0);
        streamsOpened.set(0);
        lifetimeSignals.set(0);
        throttlePauses.set(0);
    }

    void ackSent(long delayNanos) {
        ackDelayMillis.recordValue(Math.min(MAX_MILLIS, TimeUnit.NANOSECONDS.toMillis(Math.max(0, delayNanos))));
    }

    void latencyDrawn(long millis) {
        drawnLatencyMillis.recordValue(Math.min(MAX_MILLIS, millis));
    }

    void pacedWindow(long rowsInWindow, long requestRows) {
        peakRowsPerWindow.accumulateAndGet(rowsInWindow, Math::max);
        largestPacedRequestRows.accumulateAndGet(requestRows, Math::max);
    }

    void streamOpened() {
        streamsOpened.incrementAndGet();
    }

    void lifetimeSignal() {
        lifetimeSignals.incrementAndGet();
    }

    void throttled() {
        throttlePauses.incrementAndGet();
    }
}
