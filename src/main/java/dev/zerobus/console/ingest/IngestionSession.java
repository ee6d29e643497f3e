package dev.zerobus.console.ingest;

import com.databricks.zerobus.AckCallback;
import com.databricks.zerobus.NonRetriableException;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusException;
import com.databricks.zerobus.ZerobusJsonStream;
import com.databricks.zerobus.ZerobusProtoStream;
import com.databricks.zerobus.ZerobusSdk;
import dev.zerobus.console.ingest.AckLedger.Entry;
import dev.zerobus.console.ingest.IngestEvent.Kind;
import dev.zerobus.console.workspace.ErrorExplainer;
import dev.zerobus.console.workspace.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Zerobus stream, through the official SDK, with recovery owned here: SDK 1.0.1 drops unacked records on
 * {@code close()} and hides its own reconnects, so the SDK's recovery is off and this session keeps every sent
 * request in an {@link AckLedger} until it is durable. On a retryable failure it closes the stream, backs off with
 * jitter, opens a new one and re-sends every request not yet ACKed, counting the retry and saying why. Non-retryable
 * errors (auth, permission, schema, not found) stop it at once with the explainer's words; {@link ErrorExplainer} is
 * the only judge of what is retryable. The retry budget ({@link RetryPolicy#maxAttempts()}) counts attempts since the
 * last ACK that made progress, across failures: ACKs that never come (each wait ends at the ACK time-out) use it up
 * and stop the session, so a re-send can multiply a row at most {@code maxAttempts} times. Delivery is
 * at-least-once: a re-sent request may land twice.
 *
 * <p>Threads: one producer thread calls ingest/flush/close (they block when the SDK's in-flight window is full);
 * the SDK's ACK callback runs on a native thread; {@link #metrics()} can be sampled from any thread.
 */
public final class IngestionSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionSession.class);

    private final SessionOptions options;
    private final ZerobusSdk sdk;
    private final boolean ownsSdk;
    private final SessionListener listener;
    private final SessionMetrics metrics = new SessionMetrics();
    private final ReentrantLock lock = new ReentrantLock();
    private final AckLedger ledger = new AckLedger();
    private Stream stream;
    private int generation;
    /** Whether the current stream has ACKed anything: a stream ended before its first ACK is no planned rotation. */
    private volatile boolean streamAcked;
    /** Whether a stream ever opened: the token endpoint took this profile's client secret at least once. */
    private volatile boolean credentialsWorked;
    /**
     * Planned rotations since the last ACK. A 6002 can reach a stream before its first ACK (the old stream's close
     * surfacing once more just after the roll-over, or a short lifetime under load), and is still the service's planned
     * end; but streams that keep ending without ever ACKing must not loop: past the retry budget's attempts it counts as
     * a failure (back-off, retries, and in the end a stop).
     */
    private volatile int rotationsWithoutAck;
    private volatile @Nullable String asyncFailure;
    /** Retries since an ACK last made a request durable: the budget spans failures, so an endless cycle stops. */
    private final AtomicInteger attemptsWithoutProgress = new AtomicInteger();

    /** The SDK stream of either format, behind one face. */
    private interface Stream {
        long ingest(Object payload) throws ZerobusException;
        long ingestBatch(List<?> payloads) throws ZerobusException;
        void flush() throws ZerobusException;
        void close() throws ZerobusException;
    }

    /**
     * How long a failed stream's ACK and error callbacks may still take. The SDK (1.0.1) runs them on its own task,
     * fed by a queue: when its receiver reads the service's last ACKs and then the error that ends the stream, the
     * error fails {@code ingest} and {@code flush} at once while the ACK callbacks may still wait in the queue. Closing
     * the stream drops what is still queued, and a new stream ignores the old one's ACKs, so recovery waits for them
     * first; past this bound it re-sends what is still unanswered (counted in {@code resent}: at-least-once).
     */
    static final Duration CALLBACKS_SETTLE = Duration.ofSeconds(10);

    private IngestionSession(ZerobusSdk sdk, boolean ownsSdk, SessionOptions options, SessionListener listener) {
        this.sdk = sdk;
        this.ownsSdk = ownsSdk;
        this.options = options;
        this.listener = listener;
    }

    /** Opens a session with its own SDK instance. */
    public static IngestionSession open(SessionOptions options, SessionListener listener) throws IngestException {
        options.profile().requireUsableAddresses();
        return open(new ZerobusSdk(options.endpointUrl(), options.workspaceUrl()), true, options, listener);
    }

    /** Opens a session on a shared SDK instance (several streams of one load). */
    public static IngestionSession open(ZerobusSdk sdk, SessionOptions options, SessionListener listener) throws IngestException {
        options.profile().requireUsableAddresses();
        return open(sdk, false, options, listener);
    }

    private static IngestionSession open(ZerobusSdk sdk, boolean ownsSdk, SessionOptions options, SessionListener listener)
            throws IngestException {
        var session = new IngestionSession(sdk, ownsSdk, options, listener);
        session.lock.lock();
        try {
            session.stream = session.openStream();
            session.setState(SessionState.OPEN, "Stream open on " + options.table() + " (" + options.format() + ")");
        } catch (Exception e) {
            Throwable cause = unwrap(e);
            session.recover(cause);
        } finally {
            session.lock.unlock();
        }
        return session;
    }

    public SessionMetrics metrics() {
        return metrics;
    }

    public SessionOptions options() {
        return options;
    }

    public SessionState state() {
        return metrics.state();
    }

    /** Sends one record (a String for JSON, a byte[] for PROTO); {@code sourceIndex} comes back in the listener. */
    public void ingest(Object payload, long sourceIndex) throws IngestException {
        send(payload, sourceIndex, 1, sizeOf(payload), false);
    }

    /** Sends records as one request (one offset). */
    public void ingestBatch(List<?> payloads, long firstSourceIndex) throws IngestException {
        if (payloads.isEmpty()) return;
        long bytes = 0;
        for (Object p : payloads) bytes += sizeOf(p);
        send(List.copyOf(payloads), firstSourceIndex, payloads.size(), bytes, true);
    }

    private void send(Object payload, long sourceIndex, int count, long bytes, boolean batch) throws IngestException {
        lock.lock();
        try {
            checkUsable();
            while (true) {
                if (asyncFailure != null) recover(new ZerobusException(asyncFailure));
                try {
                    long offset = batch ? stream.ingestBatch((List<?>) payload) : stream.ingest(payload);
                    record(new Entry(offset, sourceIndex, count, bytes, payload, System.nanoTime(), false));
                    metrics.recordsSent.addAndGet(count);
                    metrics.bytesSent.addAndGet(bytes);
                    metrics.lastOffsetSent.set(offset);
                    return;
                } catch (ZerobusException | RuntimeException e) {
                    recover(e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every record sent so far is durable, recovering as needed. */
    public void flush() throws IngestException {
        lock.lock();
        try {
            checkUsable();
            setState(SessionState.FLUSHING, null);
            while (true) {
                if (asyncFailure != null) recover(new ZerobusException(asyncFailure));
                try {
                    stream.flush();
                    awaitLedgerEmpty();
                    break;
                } catch (ZerobusException | RuntimeException | TimeoutException e) {
                    recover(e);
                }
            }
            setState(SessionState.OPEN, null);
            event(Kind.FLUSHED, "Flushed: " + metrics.recordsAcked() + " records durable");
        } finally {
            lock.unlock();
        }
    }

    /** Adds a line to the event log: what the person (or the console) did, such as pausing or closing. Any thread. */
    public void note(String message) {
        event(Kind.INFO, message);
    }

    /** Flushes, then closes the stream. Idempotent; a failed session just releases its resources. */
    @Override
    public void close() throws IngestException {
        lock.lock();
        try {
            if (metrics.state().isTerminal()) {
                releaseSdk();
                return;
            }
            flush();
            closeQuietly(stream);
            setState(SessionState.CLOSED, "Stream closed: " + metrics.recordsAcked() + " records durable");
            releaseSdk();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The ledger view: every request not yet durable (oldest first; failed if the session failed), then the last
     * {@value AckLedger#DURABLE_KEPT} that became durable (newest first). Does not wait for a blocked send.
     */
    public List<LedgerEntry> ledgerView() {
        boolean failed = metrics.state() == SessionState.FAILED;
        List<LedgerEntry> view = new ArrayList<>();
        synchronized (ledger) {
            for (Entry e : ledger.snapshot()) {
                view.add(new LedgerEntry(e.offset(), e.sourceIndex(), e.count(), failed ? LedgerEntry.Outcome.FAILED
                        : e.resent() ? LedgerEntry.Outcome.RESENT : LedgerEntry.Outcome.IN_FLIGHT));
            }
            for (AckLedger.Durable d : ledger.recentDurable()) {
                view.add(new LedgerEntry(d.offset(), d.sourceIndex(), d.count(), LedgerEntry.Outcome.DURABLE));
            }
        }
        return view;
    }

    /** A request of the ledger as the UI shows it. */
    public record LedgerEntry(long offset, long sourceIndex, int count, Outcome outcome) {
        public enum Outcome { IN_FLIGHT, DURABLE, RESENT, FAILED }
    }

    // ---- recovery ----

    /** Handles a failure: recovers (back-off, new stream, re-send) or throws when it must stop. */
    private void recover(Throwable failure) throws IngestException {
        Throwable cause = unwrap(failure);
        asyncFailure = null;
        Problem why = explain(cause);
        awaitCallbacksSettled();
        List<Entry> unacked = ledgerDrain();
        if (why.category().planned() && (streamAcked || rotationsWithoutAck < options.retry().maxAttempts())) {
            // The service ended the stream on schedule (6002, after close_stream_signal): roll over at once, no back-off,
            // not an error and not a retry. Only what the old stream did not ACK is re-sent, so no ACKed record repeats.
            int sent = 0;
            closeQuietly(stream);
            try {
                stream = openStream();
                for (Entry old : unacked) {
                    resend(old);
                    sent++;
                }
                rotationsWithoutAck++;
                long rotation = metrics.rotations.incrementAndGet();
                var rotated = new IngestEvent(Instant.now(), Kind.ROTATED, "Planned rotation " + rotation + ": the service ended "
                        + "the stream on schedule (code 6002); now on connection " + generation + ", re-sent "
                        + unacked.stream().mapToInt(Entry::count).sum() + " unacknowledged records", why);
                metrics.event(rotated);
                listener.onEvent(rotated);
                return;
            } catch (Exception e) {
                // The new stream failed: from here on it is an ordinary failure with retries.
                unacked = notDurable(unacked, sent);
                cause = unwrap(e);
                why = explain(cause);
            }
        }
        countError(why);
        if (!isRetryable(cause, why)) throw fail(why, cause, unacked);
        setState(SessionState.RECOVERING, "Recovering: " + why.message());
        closeQuietly(stream);
        int attempt;
        while ((attempt = attemptsWithoutProgress.incrementAndGet()) <= options.retry().maxAttempts()) {
            Duration wait = options.retry().backoff(attempt);
            metrics.retries.incrementAndGet();
            event(Kind.RETRY, "Retry " + attempt + "/" + options.retry().maxAttempts() + " in " + wait.toMillis() + " ms after: "
                    + why.message());
            sleep(wait);
            int sent = 0;
            try {
                stream = openStream();
                for (Entry old : unacked) {
                    resend(old);
                    sent++;
                }
                metrics.recoveries.incrementAndGet();
                setState(SessionState.OPEN, "Recovered after " + attempt + " attempt(s); re-sent "
                        + unacked.stream().mapToInt(Entry::count).sum() + " unacknowledged records");
                event(Kind.RECOVERED, "Recovered from: " + why.message());
                return;
            } catch (Exception e) {
                unacked = notDurable(unacked, sent);
                cause = unwrap(e);
                why = explainAndCount(cause);
                if (!isRetryable(cause, why)) throw fail(why, cause, unacked);
                closeQuietly(stream);
            }
        }
        int rows = unacked.stream().mapToInt(Entry::count).sum();
        throw fail(Problem.classified(why.category(), "Gave up after " + options.retry().maxAttempts()
                + " retries without an acknowledgement in between: " + why.message(),
                rows + " records sent and not acknowledged are reported as not landed (some may have landed: at-least-once). "
                        + why.fix(), false, why.detail(), why.error()), cause, unacked);
    }

    /** Still not durable after a failed re-send: what the new stream did not ACK, then what was not re-sent yet, in order. */
    private List<Entry> notDurable(List<Entry> unacked, int sent) {
        List<Entry> still = new ArrayList<>(ledgerDrain());
        still.addAll(unacked.subList(sent, unacked.size()));
        return still;
    }

    private void resend(Entry old) throws ZerobusException {
        long offset = old.payload() instanceof List<?> list ? stream.ingestBatch(list) : stream.ingest(old.payload());
        record(new Entry(offset, old.sourceIndex(), old.count(), old.bytes(), old.payload(), System.nanoTime(), true));
        metrics.recordsResent.addAndGet(old.count());
    }

    /** The explainer's words, for this session's profile (on the local sandbox, a rejected secret means it restarted). */
    private Problem explain(Throwable cause) {
        return ErrorExplainer.inContext(ErrorExplainer.explain(cause), options.profile(), credentialsWorked);
    }

    private Problem explainAndCount(Throwable cause) {
        return countError(explain(cause));
    }

    private Problem countError(Problem why) {
        metrics.errors.incrementAndGet();
        metrics.event(new IngestEvent(Instant.now(), Kind.ERROR, why.message() + " (" + why.detail() + ")", why));
        return why;
    }

    private IngestException fail(Problem why, Throwable cause, List<Entry> lost) {
        for (Entry e : lost) {
            metrics.recordsFailed.addAndGet(e.count());
            listener.onFailed(e.sourceIndex(), e.count(), why);
        }
        closeQuietly(stream);
        setState(SessionState.FAILED, "Stopped: " + why.message());
        LOG.info("Session on {} failed ({}): {}", options.table(), why.category(), why.message());
        return new IngestException(why, cause);
    }

    /** The classifier decides; only an error it cannot place falls back to the SDK's own exception type. */
    private static boolean isRetryable(Throwable cause, Problem why) {
        if (why.category() != ErrorExplainer.Category.UNKNOWN) return why.retryable();
        return cause instanceof ZerobusException && !(cause instanceof NonRetriableException);
    }

    // ---- ledger and ACKs ----

    private void record(Entry entry) {
        synchronized (ledger) {
            Entry durable = ledger.add(entry);
            if (durable != null) durable(durable, System.nanoTime());
        }
    }

    private List<Entry> ledgerDrain() {
        synchronized (ledger) {
            return ledger.drainForResend();
        }
    }

    private void onAck(int streamGeneration, long offset) {
        long now = System.nanoTime();
        synchronized (ledger) {
            if (streamGeneration != generation) return; // a late ACK of a stream already replaced
            streamAcked = true;
            rotationsWithoutAck = 0;
            metrics.ackedOffset.set(offset);
            for (Entry e : ledger.ack(offset)) durable(e, now);
            ledger.notifyAll();
        }
    }

    private void onError(int streamGeneration, long offset, String message) {
        synchronized (ledger) {
            if (streamGeneration != generation) return;
            asyncFailure = message;
            ledger.failed(offset);
            ledger.notifyAll();
        }
    }

    /**
     * Before the unACKed requests are taken for a re-send: waits (up to {@link #CALLBACKS_SETTLE}) until the SDK's
     * callbacks have answered every request sent on the failed stream, each with an ACK or its error, so that what
     * the service ACKed before it ended the stream is not sent again. Called by the producer thread only.
     */
    private void awaitCallbacksSettled() {
        long deadline = System.nanoTime() + CALLBACKS_SETTLE.toNanos();
        boolean told = false;
        synchronized (ledger) {
            while (!ledger.settled()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.info("Stream on {} ended; {} requests still unanswered after {} ms are re-sent", options.table(),
                            ledger.size(), CALLBACKS_SETTLE.toMillis());
                    return;
                }
                if (!told) {
                    told = true;
                    event(Kind.INFO, "Waiting for the acknowledgements the ended stream received (" + ledger.size()
                            + " requests not yet answered)");
                }
                try {
                    ledger.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void durable(Entry e, long now) {
        attemptsWithoutProgress.set(0);
        metrics.recordsAcked.addAndGet(e.count());
        metrics.recordLatency((now - e.sentNanos()) / 1000);
        listener.onDurable(e.sourceIndex(), e.count());
    }

    private void awaitLedgerEmpty() throws TimeoutException {
        // flush() returns when the SDK saw every ACK; the callback that empties the ledger may lag a moment.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            synchronized (ledger) {
                if (ledger.isEmpty()) return;
            }
            if (asyncFailure != null) throw new TimeoutException(asyncFailure);
            if (System.nanoTime() > deadline) throw new TimeoutException("flush returned but " + ledger.size() + " requests are not ACKed");
            sleep(Duration.ofMillis(2));
        }
    }

    // ---- the SDK stream ----

    private Stream openStream() throws Exception {
        int streamGeneration;
        synchronized (ledger) {
            streamGeneration = ++generation;
            streamAcked = false;
        }
        var callback = new AckCallback() {
            @Override public void onAck(long offset) { IngestionSession.this.onAck(streamGeneration, offset); }
            @Override public void onError(long offset, String message) { IngestionSession.this.onError(streamGeneration, offset, message); }
        };
        var sdkOptions = StreamConfigurationOptions.builder()
                .setRecovery(false) // recovery is ours: see the class comment
                .setMaxInflightRecords(options.maxInflightRequests())
                .setServerLackOfAckTimeoutMs((int) options.ackTimeout().toMillis())
                .setFlushTimeoutMs((int) options.flushTimeout().toMillis())
                .setAckCallback(callback)
                .build();
        String id = options.profile().clientId();
        String secret = options.profile().clientSecret().reveal();
        long timeout = options.ackTimeout().toSeconds() + 30;
        Stream opened = switch (options.format()) {
            case JSON -> {
                ZerobusJsonStream s = sdk.createJsonStream(options.table(), id, secret, sdkOptions).get(timeout, TimeUnit.SECONDS);
                yield new Stream() {
                    @Override public long ingest(Object p) throws ZerobusException { return s.ingestRecordOffset((String) p); }
                    @SuppressWarnings("unchecked")
                    @Override public long ingestBatch(List<?> p) throws ZerobusException {
                        return s.ingestRecordsOffset((List<String>) p).orElseThrow();
                    }
                    @Override public void flush() throws ZerobusException { s.flush(); }
                    @Override public void close() throws ZerobusException { s.close(); }
                };
            }
            case PROTO -> {
                ZerobusProtoStream s = sdk.createProtoStream(options.table(), options.descriptor(), id, secret, sdkOptions)
                        .get(timeout, TimeUnit.SECONDS);
                yield new Stream() {
                    @Override public long ingest(Object p) throws ZerobusException { return s.ingestRecordOffset((byte[]) p); }
                    @SuppressWarnings("unchecked")
                    @Override public long ingestBatch(List<?> p) throws ZerobusException {
                        return s.ingestRecordsOffset((List<byte[]>) p).orElseThrow();
                    }
                    @Override public void flush() throws ZerobusException { s.flush(); }
                    @Override public void close() throws ZerobusException { s.close(); }
                };
            }
        };
        stream = opened;
        credentialsWorked = true;
        event(Kind.OPENED, streamGeneration == 1 ? "Connected" : "Reconnected (connection " + streamGeneration + ")");
        return opened;
    }

    private void closeQuietly(@Nullable Stream s) {
        if (s == null) return;
        try {
            s.close();
        } catch (ZerobusException | RuntimeException e) {
            LOG.debug("Closing a failed stream on {}: {}", options.table(), e.toString());
        }
    }

    private void releaseSdk() {
        if (ownsSdk) sdk.close();
    }

    private void checkUsable() throws IngestException {
        SessionState state = metrics.state();
        if (state.isTerminal()) {
            var error = new IllegalStateException(state.name());
            throw new IngestException(Problem.classified(ErrorExplainer.Category.UNKNOWN, "The session is " + state.name().toLowerCase()
                    + ".", "Open a new session.", false, state.name(), error), error);
        }
    }

    private void setState(SessionState state, @Nullable String message) {
        metrics.state.set(state);
        if (message != null) event(Kind.STATE, message);
    }

    private void event(Kind kind, String message) {
        var event = new IngestEvent(Instant.now(), kind, message, null);
        metrics.event(event);
        listener.onEvent(event);
    }

    private static long sizeOf(Object payload) {
        return payload instanceof byte[] b ? b.length : payload instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length : 0;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static void sleep(Duration d) {
        if (d.isZero()) return;
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
