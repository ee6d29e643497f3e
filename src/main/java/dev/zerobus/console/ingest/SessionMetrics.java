package dev.zerobus.console.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A session's counters. The SDK's ACK callback (a native thread) and the producer only bump atomics and record
 * latencies into an HdrHistogram {@link Recorder}; a monitor samples {@link #snapshot()} on a timer. Events go to a
 * bounded ring. Thread-safe.
 */
public final class SessionMetrics {
    private static final int EVENT_CAPACITY = 2_000;

    final AtomicLong recordsSent = new AtomicLong();
    final AtomicLong recordsAcked = new AtomicLong();
    final AtomicLong recordsFailed = new AtomicLong();
    final AtomicLong recordsResent = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
    final AtomicLong lastOffsetSent = new AtomicLong(-1);
    final AtomicLong ackedOffset = new AtomicLong(-1);
    final AtomicLong retries = new AtomicLong();
    final AtomicLong recoveries = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong rotations = new AtomicLong();
    final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.OPENING);
    private final Recorder latency = new Recorder(3_600_000_000L, 2); // micros, up to an hour
    private final Histogram window = new Histogram(3_600_000_000L, 2);
    private final ArrayDeque<IngestEvent> events = new ArrayDeque<>();
    private final long startNanos = System.nanoTime();
    private long lastSampleNanos = startNanos;
    private long lastSampleRecords;
    private long lastSampleBytes;

    void recordLatency(long micros) {
        latency.recordValue(Math.max(0, Math.min(micros, 3_600_000_000L)));
    }

    void event(IngestEvent event) {
        synchronized (events) {
            if (events.size() == EVENT_CAPACITY) events.removeFirst();
            events.addLast(event);
        }
    }

    /** The most recent events, oldest first (at most 2,000 are kept). */
    public List<IngestEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public SessionState state() {
        return state.get();
    }

    public long recordsAcked() {
        return recordsAcked.get();
    }

    public long recordsSent() {
        return recordsSent.get();
    }

    public long retries() {
        return retries.get();
    }

    public long recoveries() {
        return recoveries.get();
    }

    /** Planned moves to a new stream (the service ended one on schedule); not counted as errors or retries. */
    public long rotations() {
        return rotations.get();
    }

    public long errors() {
        return errors.get();
    }

    /** Reads every counter; rates and latency percentiles cover the time since the previous snapshot. */
    public synchronized MetricsSnapshot snapshot() {
        long now = System.nanoTime();
        long sent = recordsSent.get();
        long acked = recordsAcked.get();
        long bytes = bytesSent.get();
        double seconds = Math.max(1e-3, (now - lastSampleNanos) / 1e9);
        double recordsPerSecond = (acked - lastSampleRecords) / seconds;
        double bytesPerSecond = (bytes - lastSampleBytes) / seconds;
        lastSampleNanos = now;
        lastSampleRecords = acked;
        lastSampleBytes = bytes;
        latency.getIntervalHistogramInto(window);
        Duration p50 = Duration.ofNanos(window.getValueAtPercentile(50) * 1000);
        Duration p99 = Duration.ofNanos(window.getValueAtPercentile(99) * 1000);
        return new MetricsSnapshot(state.get(), sent, acked, Math.max(0, sent - acked - recordsFailed.get()),
                recordsFailed.get(), recordsResent.get(), bytes, lastOffsetSent.get(), ackedOffset.get(), retries.get(),
                recoveries.get(), errors.get(), recordsPerSecond, bytesPerSecond, p50, p99, Duration.ofNanos(now - startNanos),
                rotations.get());
    }
}
