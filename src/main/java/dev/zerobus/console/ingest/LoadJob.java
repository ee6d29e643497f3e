package dev.zerobus.console.ingest;

import com.databricks.zerobus.ZerobusSdk;
import dev.zerobus.console.codec.CodecResult;
import dev.zerobus.console.codec.FieldError;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.FailedRowsWriter;
import dev.zerobus.console.source.RatePacer;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SourceRow;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source -> column mapping -> codec (validate and encode) -> 1..N parallel {@link IngestionSession}s. The calling
 * thread reads and encodes; one platform thread per stream sends (SDK calls block in native code). Bad rows are
 * reported with line, column, value and reason and written to the failed-rows file, per the error policy.
 * {@link #cancel()} stops reading, drops what was queued but not sent, flushes what was sent and reports exactly
 * what landed; {@link LoadResult#durable()} is the resume point. With {@link #checkpointTo} the durable ranges are
 * also saved as they advance (at most once per interval, atomically), so a kill -9 of this process resumes from the
 * last saved row. Each record is checked against the service's 10 MB message limit before batching, and batches are
 * cut by bytes as well as by count. Progress is sampled with {@link #progress()}.
 * Memory stays bounded: a few batches per stream are queued, and the SDK's window is a few dozen requests.
 */
public final class LoadJob {
    private static final Logger LOG = LoggerFactory.getLogger(LoadJob.class);
    private static final int MAX_ERRORS_KEPT = 10_000;
    private static final int QUEUED_BATCHES = 4;
    /**
     * Zerobus takes at most 10 MB per message, a batch being one message (the limits page,
     * https://docs.databricks.com/aws/en/ingestion/zerobus-limits, as recorded in zerobus-protocol.md; the page's
     * excerpts at hand show only its throughput limits, so the stricter reading is taken: 10 MB = 10,485,760 bytes, the
     * sandbox's INVALID_ARGUMENT limit). Records are checked against it alone, and a batch is cut before its records
     * reach it; the 64 KB margin leaves room for the request's own framing (offset, field tags, lengths).
     */
    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    /** The SDK's window when records go in batches: requests sent and not yet ACKed, per stream. */
    public static final int MAX_INFLIGHT_BATCHES = 64;
    static final int MAX_RECORD_BYTES = MAX_MESSAGE_BYTES - 64 * 1024;

    private final ConnectionProfile profile;
    private final RecordCodec codec;
    private final RecordSource source;
    private final SourceOptions sourceOptions;
    private final ColumnMapping mapping;
    private final LoadOptions options;
    private final AckedRanges durable = new AckedRanges();
    private final AckedRanges skip;
    private final List<RowError> errors = new ArrayList<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong badRows = new AtomicLong();
    private final AtomicLong streamFailedRows = new AtomicLong();
    private final List<IngestionSession> sessions = new ArrayList<>();
    private final AtomicReference<IngestException> streamFailure = new AtomicReference<>();
    private final Object pauseLock = new Object();
    private final long startNanos = System.nanoTime();
    private volatile boolean paused;
    private volatile boolean cancelled;
    private volatile boolean done;
    private volatile @Nullable RatePacer pacer;
    private final CompletableFuture<LoadResult> finished = new CompletableFuture<>();
    private volatile @Nullable Consumer<LoadResult> onEnded;
    private volatile @Nullable ResumeCheckpoint checkpoint;

    /** Records for one request, with the source index of each (a batch never spans a gap in indexes). */
    private record Batch(List<Object> payloads, long firstIndex) {}

    private static final Batch END = new Batch(List.of(), -1);

    public LoadJob(ConnectionProfile profile, RecordCodec codec, RecordSource source, SourceOptions sourceOptions,
                   ColumnMapping mapping, LoadOptions options) {
        this.profile = profile;
        this.codec = codec;
        this.source = source;
        this.sourceOptions = sourceOptions;
        this.mapping = mapping;
        this.options = options;
        this.skip = options.alreadyDurable() == null ? new AckedRanges() : options.alreadyDurable();
    }

    /** Saves the durable ranges to {@code checkpoint} as they advance, and once more when the load ends. Call before {@link #run()}. */
    public void checkpointTo(ResumeCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /**
     * Saves the durable ranges now (a stop that cannot wait for the load to end: the caller reports what is durable).
     * Returns false when no checkpoint is set or the save failed.
     */
    public boolean saveCheckpoint() {
        ResumeCheckpoint c = checkpoint;
        return c != null && c.save(durable);
    }

    /** What the load did so far, as a result: for a stop that cannot wait for {@link #run()} to return. */
    public LoadResult partialResult() {
        long sent = sessions().stream().mapToLong(s -> s.metrics().recordsSent()).sum();
        long retries = sessions().stream().mapToLong(s -> s.metrics().retries()).sum();
        long rotations = sessions().stream().mapToLong(s -> s.metrics().rotations()).sum();
        long resent = sessions().stream().mapToLong(s -> s.metrics().snapshot().recordsResent()).sum();
        return new LoadResult(read.get(), skipped.get(), sent, durable.count() - skip.count(), badRows.get() + streamFailedRows.get(),
                retries, rotations, resent, (System.nanoTime() - startNanos) / 1e9, true, false, durable, errors(), options.failedRowsFile(),
                streamFailure.get());
    }

    public void pause() {
        if (paused || done) return;
        paused = true;
        note("Load paused: reading stopped; records already sent keep landing");
    }

    public void resume() {
        boolean wasPaused;
        synchronized (pauseLock) {
            wasPaused = paused;
            paused = false;
            pauseLock.notifyAll();
        }
        if (wasPaused && !cancelled) note("Load resumed: reading on");
    }

    public void cancel() {
        if (!cancelled && !done) note("Load stopped: no more rows are read; what was sent is flushed, then the streams close");
        cancelled = true;
        RatePacer p = pacer;
        if (p != null) p.cancel();
        resume();
    }

    /** Logs what was asked of the load in each stream's event log (the Stream pane shows it). */
    private void note(String message) {
        for (IngestionSession s : sessions()) s.note(message);
    }

    /** True once {@link #cancel()} was called (the person stopped the load, or the console is quitting). */
    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isPaused() {
        return paused;
    }

    /** The sessions of a running load (for their metrics and event logs). */
    public synchronized List<IngestionSession> sessions() {
        return List.copyOf(sessions);
    }

    /** The first row errors (at most 10,000 are kept; {@link LoadProgress#failed()} counts all). */
    public List<RowError> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    public LoadProgress progress() {
        long sent = 0;
        long retries = 0;
        long rotations = 0;
        for (IngestionSession s : sessions()) {
            sent += s.metrics().recordsSent();
            retries += s.metrics().retries();
            rotations += s.metrics().rotations();
        }
        long acked = durable.count();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        double seconds = Math.max(1e-3, elapsed.toNanos() / 1e9);
        long total = source.totalBytes();
        double fraction = total > 0 ? Math.min(1.0, (double) source.bytesRead() / total) : 0;
        Duration eta = fraction > 0.01 && !done ? Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction)) : null;
        return new LoadProgress(read.get(), skipped.get(), sent, acked, badRows.get() + streamFailedRows.get(), retries,
                rotations, acked / seconds, done && !cancelled && streamFailure.get() == null ? 1.0 : fraction, elapsed, eta, paused, done, cancelled);
    }

    /**
     * Called on the loading thread with the result, before {@link #finished()} completes, so that whoever waits for
     * the load (a quitting console) also waits for what records its end (the resume point).
     */
    public void whenEnded(Consumer<LoadResult> hook) {
        onEnded = hook;
    }

    /** Completes once {@link #run()} has returned (exceptionally if it threw), after the {@link #whenEnded} hook. */
    public CompletableFuture<LoadResult> finished() {
        return finished;
    }

    /** Runs the load on the calling thread (readers and encoders), with one sender thread per stream. */
    public LoadResult run() throws IOException, InterruptedException {
        try {
            LoadResult result = load();
            Consumer<LoadResult> hook = onEnded;
            if (hook != null) hook.accept(result);
            finished.complete(result);
            return result;
        } catch (IOException | InterruptedException | RuntimeException e) {
            finished.completeExceptionally(e);
            throw e;
        }
    }

    private LoadResult load() throws IOException, InterruptedException {
        if (options.recordsPerSecond() > 0) pacer = new RatePacer(options.recordsPerSecond());
        List<BlockingQueue<Batch>> queues = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        FailedRowsWriter failedRows = null;
        boolean stoppedByPolicy = false;
        SessionOptions sessionOptions = sessionOptions();
        profile.requireUsableAddresses();
        Thread checkpointer = null;
        // The failed-rows file is checked and opened before anything is sent: a refused path stops the load at once.
        if (options.failedRowsFile() != null) {
            failedRows = FailedRowsWriter.create(options.failedRowsFile(), sourceOptions, source.columns(), options.overwriteFailedRows(),
                    source.path());
        }
        try (var sdk = new ZerobusSdk(sessionOptions.endpointUrl(), sessionOptions.workspaceUrl())) {
            for (long[] range : skip.toList()) durable.add(range[0], range[1] - range[0]);
            ResumeCheckpoint c = checkpoint;
            if (c != null) {
                c.save(durable);
                checkpointer = Thread.ofPlatform().daemon().name("load-checkpoint").start(() -> c.run(durable, () -> done));
            }
            openSessions(sdk, sessionOptions);
            for (IngestionSession session : sessions()) {
                BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
                queues.add(queue);
                senders.add(Thread.ofPlatform().name("load-sender-" + senders.size()).start(() -> send(session, queue)));
            }
            stoppedByPolicy = readAndDispatch(queues, failedRows);
            for (BlockingQueue<Batch> queue : queues) {
                if (cancelled || streamFailure.get() != null) queue.clear(); // queued, never sent: the resume point covers them
                putQuietly(queue, END);
            }
            for (Thread t : senders) t.join();
            for (IngestionSession session : sessions()) closeSession(session);
        } finally {
            done = true;
            if (checkpointer != null) {
                checkpointer.interrupt();
                checkpointer.join();
            }
            saveCheckpoint();
            if (failedRows != null) failedRows.close();
        }
        long sent = sessions().stream().mapToLong(s -> s.metrics().recordsSent()).sum();
        long retries = sessions().stream().mapToLong(s -> s.metrics().retries()).sum();
        long rotations = sessions().stream().mapToLong(s -> s.metrics().rotations()).sum();
        long resent = sessions().stream().mapToLong(s -> s.metrics().snapshot().recordsResent()).sum();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new LoadResult(read.get(), skipped.get(), sent, durable.count() - skip.count(), badRows.get() + streamFailedRows.get(),
                retries, rotations, resent, seconds, cancelled, stoppedByPolicy, durable, errors(), options.failedRowsFile(), streamFailure.get());
    }

    private SessionOptions sessionOptions() {
        return (options.format() == RecordFormat.JSON
                ? SessionOptions.json(profile, codec.schema().fullName())
                : SessionOptions.proto(profile, codec.schema().fullName(), codec.protoSchema().descriptor()))
                .withRetry(options.retry())
                .withAckTimeout(options.ackTimeout())
                .withMaxInflightRequests(options.recordsPerRequest() > 1 ? MAX_INFLIGHT_BATCHES : 20_000);
    }

    /** Durable ranges start with what a resume skipped, so the resume point stays whole; this run's ACKed count leaves them out. */
    private void openSessions(ZerobusSdk sdk, SessionOptions sessionOptions) {
        var listener = new SessionListener() {
            @Override public void onDurable(long sourceIndex, int count) { durable.add(sourceIndex, count); }
            @Override public void onFailed(long sourceIndex, int count, Problem why) { streamFailedRows.addAndGet(count); }
        };
        for (int i = 0; i < options.streams(); i++) {
            try {
                IngestionSession session = IngestionSession.open(sdk, sessionOptions, listener);
                synchronized (this) {
                    sessions.add(session);
                }
            } catch (IngestException e) {
                streamFailure.compareAndSet(null, e);
                cancelled = true;
                return;
            }
        }
    }

    /** Reads, validates and encodes every row; returns true when the error policy stopped the load. */
    private boolean readAndDispatch(List<BlockingQueue<Batch>> queues, @Nullable FailedRowsWriter failedRows)
            throws IOException, InterruptedException {
        if (queues.isEmpty()) return false;
        List<Object> batch = new ArrayList<>(options.recordsPerRequest());
        long batchFirst = -1;
        long expectedNext = -1;
        long batchBytes = 0;
        int next = 0;
        boolean resuming = skip.count() > 0; // a fresh load has nothing to skip: no locked lookup per row
        SourceRow row;
        while (!cancelled && streamFailure.get() == null && (row = source.next()) != null) {
            waitWhilePaused();
            read.incrementAndGet();
            long index = row.recordIndex();
            if (resuming && skip.contains(index)) {
                skipped.incrementAndGet();
                continue;
            }
            Object payload = encode(row, failedRows);
            long size = payload == null ? 0 : sizeOf(payload);
            if (payload != null && size > MAX_RECORD_BYTES) {
                String reason = String.format(Locale.ROOT, "The record is %,d bytes encoded; Zerobus takes at most %,d bytes "
                        + "(10 MB) per message, so this record cannot be sent. Split or shorten its largest values.", size, MAX_RECORD_BYTES);
                rowFailed(row, failedRows, new RowError(row.lineNumber(), index, "", null, reason), reason);
                payload = null;
            }
            if (payload == null) {
                if (options.errorPolicy().shouldStop(badRows.get())) {
                    // The good rows read before the bad one still go out: stopping means "send nothing after it".
                    if (!batch.isEmpty()) dispatch(queues.get(next), batch, batchFirst);
                    return true;
                }
                continue;
            }
            // Keep each request's indexes contiguous, and its bytes under the message limit.
            if (!batch.isEmpty() && (index != expectedNext || batchBytes + size > MAX_RECORD_BYTES)) {
                dispatch(queues.get(next), batch, batchFirst);
                next = (next + 1) % queues.size();
                batch = new ArrayList<>(options.recordsPerRequest());
            }
            if (batch.isEmpty()) {
                batchFirst = index;
                batchBytes = 0;
            }
            batch.add(payload);
            batchBytes += size;
            expectedNext = index + 1;
            if (batch.size() == options.recordsPerRequest()) {
                dispatch(queues.get(next), batch, batchFirst);
                next = (next + 1) % queues.size();
                batch = new ArrayList<>(options.recordsPerRequest());
            }
            RatePacer p = pacer;
            if (p != null && !p.acquire(1)) break;
        }
        if (!batch.isEmpty() && !cancelled) dispatch(queues.get(next), batch, batchFirst);
        return false;
    }

    private void dispatch(BlockingQueue<Batch> queue, List<Object> payloads, long firstIndex) throws InterruptedException {
        Batch batch = new Batch(payloads, firstIndex);
        while (!cancelled && streamFailure.get() == null) {
            if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) return;
        }
    }

    /** The encoded record, or null after reporting the row as failed. */
    private @Nullable Object encode(SourceRow row, @Nullable FailedRowsWriter failedRows) throws IOException {
        if (row instanceof SourceRow.Failed failed) {
            rowFailed(row, failedRows, new RowError(failed.lineNumber(), failed.recordIndex(), "", abbreviate(failed.rawText()),
                    failed.reason()), failed.reason());
            return null;
        }
        Map<String, Object> record = mapping.apply(row);
        CodecResult<?> result = options.format() == RecordFormat.JSON ? codec.toJson(record) : codec.toProto(record);
        return switch (result) {
            case CodecResult.Encoded<?> encoded -> encoded.value();
            case CodecResult.Invalid<?> invalid -> {
                List<String> reasons = new ArrayList<>();
                for (FieldError e : invalid.errors()) {
                    addError(new RowError(row.lineNumber(), row.recordIndex(), e.path(), e.value(), e.describe()));
                    reasons.add(e.describe());
                }
                badRows.incrementAndGet();
                if (failedRows != null) failedRows.write(row, String.join("; ", reasons));
                yield null;
            }
        };
    }

    private void rowFailed(SourceRow row, @Nullable FailedRowsWriter failedRows, RowError error, String reason) throws IOException {
        addError(error);
        badRows.incrementAndGet();
        if (failedRows != null) failedRows.write(row, reason);
    }

    private void addError(RowError error) {
        synchronized (errors) {
            if (errors.size() < MAX_ERRORS_KEPT) errors.add(error);
        }
    }

    private void send(IngestionSession session, BlockingQueue<Batch> queue) {
        try {
            while (true) {
                Batch batch = queue.take();
                if (batch == END) return;
                if (cancelled || streamFailure.get() != null) continue; // drain without sending
                if (batch.payloads().size() == 1) {
                    session.ingest(batch.payloads().get(0), batch.firstIndex());
                } else if (options.recordsPerRequest() == 1) {
                    for (int i = 0; i < batch.payloads().size(); i++) session.ingest(batch.payloads().get(i), batch.firstIndex() + i);
                } else {
                    session.ingestBatch(batch.payloads(), batch.firstIndex());
                }
            }
        } catch (IngestException e) {
            streamFailure.compareAndSet(null, e);
            LOG.info("A stream of the load on {} failed: {}", codec.schema().fullName(), e.problem().message());
            drainUntilEnd(queue);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainUntilEnd(BlockingQueue<Batch> queue) {
        try {
            while (queue.take() != END) {
                // Not sent: the resume point covers these rows.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSession(IngestionSession session) {
        try {
            session.close();
        } catch (IngestException e) {
            streamFailure.compareAndSet(null, e);
        }
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && !cancelled) pauseLock.wait(200);
        }
    }

    private static void putQuietly(BlockingQueue<Batch> queue, Batch batch) throws InterruptedException {
        queue.put(batch);
    }

    private static long sizeOf(Object payload) {
        if (payload instanceof byte[] bytes) return bytes.length;
        String text = (String) payload;
        // UTF-8 takes at most 3 bytes per char: an upper bound, counted exactly only when the bound could pass the limit.
        long bound = (long) text.length() * 3;
        return bound <= MAX_RECORD_BYTES ? bound : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static @Nullable String abbreviate(@Nullable String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Paths for the CLI and UI to report. */
    public @Nullable Path failedRowsFile() {
        return options.failedRowsFile();
    }
}
