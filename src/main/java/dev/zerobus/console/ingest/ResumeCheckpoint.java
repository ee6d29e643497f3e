package dev.zerobus.console.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a load's durable ranges to its resume file while the load runs, so that any stop — kill -9 included — can
 * resume from the last saved durable row. Cost is bounded: at most one save per {@code interval} and only when the
 * ranges grew; each save is a small JSON file written atomically with fsync ({@link ResumePoint#save}). Rows that
 * became durable after the last save are re-sent by a resume (duplicates): at most the rows ACKed in one interval
 * plus the rows in flight at the stop.
 */
public final class ResumeCheckpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeCheckpoint.class);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    private final Path file;
    private final ResumePoint template;
    private final Duration interval;
    private final AtomicLong saves = new AtomicLong();
    private final AtomicLong saveNanos = new AtomicLong();
    private long lastSavedCount = -1;

    public ResumeCheckpoint(Path file, ResumePoint template, Duration interval) {
        this.file = file;
        this.template = template;
        this.interval = interval;
    }

    public Path file() {
        return file;
    }

    /** Saves now when the ranges changed since the last save; false when the save failed (logged, the load goes on). */
    public synchronized boolean save(AckedRanges durable) {
        long count = durable.count();
        if (count == lastSavedCount) return true;
        long t0 = System.nanoTime();
        try {
            template.withDurable(durable).save(file);
            lastSavedCount = count;
            saves.incrementAndGet();
            saveNanos.addAndGet(System.nanoTime() - t0);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not save the resume point {}: {}", file, e.toString());
            return false;
        }
    }

    /** Saves every interval until {@code done} (runs on the load's checkpoint thread; interrupt to stop it). */
    void run(AckedRanges durable, BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
            save(durable);
        }
    }

    /** Saves so far, and the time they took in total: the cost of persisting. */
    public long saves() {
        return saves.get();
    }

    public Duration timeSpent() {
        return Duration.ofNanos(saveNanos.get());
    }
}
