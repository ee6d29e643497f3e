package dev.zerobus.console.sandbox.grpc;

import com.google.protobuf.ByteString;
import dev.zerobus.console.sandbox.Durability;
import dev.zerobus.console.sandbox.SandboxContext;
import dev.zerobus.console.sandbox.grpc.StreamAuthInterceptor.StreamAuthorization;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.wire.CloseStreamSignal;
import dev.zerobus.console.sandbox.wire.CreateIngestStreamRequest;
import dev.zerobus.console.sandbox.wire.CreateIngestStreamResponse;
import dev.zerobus.console.sandbox.wire.EphemeralStreamRequest;
import dev.zerobus.console.sandbox.wire.EphemeralStreamResponse;
import dev.zerobus.console.sandbox.wire.IngestRecordResponse;
import dev.zerobus.console.schema.TableSchema;
import io.grpc.StatusException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code EphemeralStream} call: create_stream, then ingest requests, ACKed cumulatively once durable.
 *
 * <p>Threads: requests arrive one at a time on the transport thread, which alone touches the fields marked
 * "transport thread" and decodes and appends outside the monitor (so a slow or blocking append never holds up the
 * store's writer thread, which completes the futures and sends ACKs). Everything else, and every response, happens
 * under this object's monitor, which also serializes the (not thread-safe) response observer.
 *
 * <p>Flow control: the stream asks the transport for requests in chunks, keeping at most {@link #WINDOW}
 * requests, {@link #MAX_PENDING_RECORDS} records and {@link #MAX_PENDING_BYTES} bytes received but not durable.
 * In "like the service" mode ({@link dev.zerobus.console.sandbox.FaultPlan#serviceLike}) it asks for one request at
 * a time and only while its {@link StreamPacing} quota allows, and each ACK waits a drawn {@link ServiceLatency}
 * after the commit is durable.
 *
 * <p>Lifetime: with {@link dev.zerobus.console.sandbox.FaultPlan#streamLifetime} set when the stream opens, the stream
 * gets close_stream_signal once that time has passed and is closed (UNAVAILABLE, 6002) after the announced duration;
 * what was ACKed stays, what was not is the client's to send again on a new stream.
 */
final class IngestStream implements StreamObserver<EphemeralStreamRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(IngestStream.class);
    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
    // Single-record requests need a deep window: one group commit (~10-30 ms) must find thousands of records waiting,
    // or the stream is capped at WINDOW per commit (512 gave ~15k records/s). Records and bytes stay bounded below.
    static final int WINDOW = 32_768;
    private static final int CHUNK = 256;
    private static final long MAX_PENDING_RECORDS = 200_000;
    private static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    private enum Phase { AWAITING_CREATE, OPEN, DRAINING, CLOSED }

    private record Pending(long offset, CompletableFuture<?> durable, int records, long bytes, long receivedNanos) {}

    /** The longest close_stream_signal duration a lifetime close announces (shorter lifetimes announce themselves). */
    static final Duration LIFETIME_SIGNAL = Duration.ofSeconds(1);

    private final ServerCallStreamObserver<EphemeralStreamResponse> out;
    private final SandboxContext context;
    private final StreamAuthorization authorization;
    private final TableAccess access;
    private final ScheduledExecutorService scheduler;
    private final Set<IngestStream> openStreams;
    private final StreamStats stats;
    private final String streamId = UUID.randomUUID().toString();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    // transport thread only
    private volatile @Nullable TableInfo table; // also read by other threads for messages
    private @Nullable TableSchema schema;
    private @Nullable RecordDecoder decoder;
    private long nextOffset;
    private long recordsReceived;

    // guarded by this
    private Phase phase = Phase.AWAITING_CREATE;
    private @Nullable StatusException closingWith;
    private int requested;
    private long pendingRecords;
    private long pendingBytes;
    private long lastAckSent = -1;
    private boolean closeSignalSent;
    private @Nullable StreamPacing pacing; // set while "like the service" mode holds the stream to its quota
    private boolean wakeUpScheduled;
    private long lastEmitNanos;
    private int emitsQueued; // responses scheduled and not yet run: none may be overtaken by one that runs at once
    private final ServiceLatency serviceLatency = new ServiceLatency();

    IngestStream(ServerCallStreamObserver<EphemeralStreamResponse> out, SandboxContext context, StreamAuthorization authorization,
                 TableAccess access, ScheduledExecutorService scheduler, Set<IngestStream> openStreams, StreamStats stats) {
        this.out = out;
        this.context = context;
        this.authorization = authorization;
        this.access = access;
        this.scheduler = scheduler;
        this.openStreams = openStreams;
        this.stats = stats;
        this.lastEmitNanos = System.nanoTime();
    }

    /** Called from the service method, before it returns (grpc-java requires that for both settings). */
    void start() {
        out.disableAutoRequest();
        out.setOnCancelHandler(this::cancelled);
        openStreams.add(this);
        synchronized (this) {
            requested = 1;
            out.request(1);
        }
    }

    @Override
    public void onNext(EphemeralStreamRequest request) {
        synchronized (this) {
            requested--;
            if (phase != Phase.AWAITING_CREATE && phase != Phase.OPEN) return; // failing or closed: the client re-sends
        }
        try {
            switch (request.getPayloadCase()) {
                case CREATE_STREAM -> create(request.getCreateStream());
                case INGEST_RECORD -> {
                    var r = request.getIngestRecord();
                    switch (r.getRecordCase()) {
                        case PROTO_ENCODED_RECORD -> ingest(request, r.getOffsetId(), List.of(r.getProtoEncodedRecord()), List.of(), "ingest_record");
                        case JSON_RECORD -> ingest(request, r.getOffsetId(), List.of(), List.of(r.getJsonRecord()), "ingest_record");
                        case RECORD_NOT_SET -> throw StreamErrors.noRecord(r.getOffsetId(), decoder == null);
                    }
                }
                case INGEST_RECORD_BATCH -> {
                    var b = request.getIngestRecordBatch();
                    switch (b.getBatchCase()) {
                        case PROTO_ENCODED_BATCH -> ingest(request, b.getOffsetId(), b.getProtoEncodedBatch().getRecordsList(), List.of(), "ingest_record_batch");
                        case JSON_BATCH -> ingest(request, b.getOffsetId(), List.of(), b.getJsonBatch().getRecordsList(), "ingest_record_batch");
                        case BATCH_NOT_SET -> throw StreamErrors.noRecord(b.getOffsetId(), decoder == null);
                    }
                }
                case PAYLOAD_NOT_SET -> throw StreamErrors.emptyMessage();
            }
        } catch (StatusException e) {
            LOG.info("Stream {} on {} rejected at offset {}: {}", streamId, tableName(), nextOffset, e.getStatus().getCode());
            drainThenClose(e);
        }
        synchronized (this) {
            refill();
        }
    }

    private void create(CreateIngestStreamRequest create) throws StatusException {
        if (decoder != null) throw StreamErrors.createTwice();
        StreamOpening.Opened opened = StreamOpening.check(create, authorization, access);
        table = opened.table();
        schema = opened.table().schema();
        decoder = opened.decoder();
        Duration lifetime = context.faults().streamLifetime();
        synchronized (this) {
            if (phase != Phase.AWAITING_CREATE) return;
            phase = Phase.OPEN;
            out.onNext(EphemeralStreamResponse.newBuilder()
                    .setCreateStreamResponse(CreateIngestStreamResponse.newBuilder().setStreamId(streamId)).build());
            if (!lifetime.isZero()) scheduler.schedule(() -> lifetimeReached(lifetime), lifetime.toNanos(), TimeUnit.NANOSECONDS);
        }
        stats.streamOpened();
        LOG.info("Stream {} opened on {} ({}) by {}", streamId, opened.table().fullName(), decoder.recordType(),
                authorization.grant().principal().clientId());
    }

    private void ingest(EphemeralStreamRequest request, long offset, List<ByteString> protoRecords, List<String> jsonRecords,
                        String what) throws StatusException {
        if (decoder == null) throw StreamErrors.firstMessageNotCreate(what);
        int size = request.getSerializedSize();
        if (size > MAX_MESSAGE_BYTES) throw StreamErrors.messageTooLarge(offset, size, MAX_MESSAGE_BYTES);
        if (offset != nextOffset) throw StreamErrors.unexpectedOffset(nextOffset, offset);
        boolean proto = decoder instanceof ProtoRecordDecoder;
        if (proto && !jsonRecords.isEmpty()) throw StreamErrors.wrongRecordKind(offset, "JSON", "PROTO");
        if (!proto && !protoRecords.isEmpty()) throw StreamErrors.wrongRecordKind(offset, "PROTO", "JSON");
        int count = proto ? protoRecords.size() : jsonRecords.size();
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                rows.add(proto ? decoder.decode(protoRecords.get(i)) : decoder.decode(jsonRecords.get(i)));
            } catch (RecordException e) {
                throw StreamErrors.badRecord(table.fullName(), offset, i, count, e.getMessage());
            }
        }
        nextOffset++;
        recordsReceived += count;
        CompletableFuture<?> durable = store(rows);
        synchronized (this) {
            long now = System.nanoTime();
            pending.add(new Pending(offset, durable, count, size, now));
            pendingRecords += count;
            pendingBytes += size;
            if (pacing != null) stats.pacedWindow(pacing.take(count, size, now), count);
            applyRecordFaults();
        }
        // registered after the request is queued: a future that is already complete drains it right here
        durable.whenComplete((ignored, error) -> acknowledgeDurable());
    }

    private CompletableFuture<?> store(List<Object[]> rows) {
        if (context.durability() == Durability.NONE || rows.isEmpty()) return CompletableFuture.completedFuture(null);
        try {
            return context.tables().append(table.tableId(), schema, rows);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void applyRecordFaults() {
        long closeAfter = context.faults().closeStreamsAfterRecords();
        if (closeAfter > 0 && recordsReceived >= closeAfter) {
            LOG.info("Stream {} closing after {} records (fault injection)", streamId, recordsReceived);
            drainThenClose(StreamErrors.closedByFault(streamId, recordsReceived));
            return;
        }
        long signalAfter = context.faults().closeSignalAfterRecords();
        if (signalAfter > 0 && !closeSignalSent && recordsReceived >= signalAfter) {
            signalClose(context.faults().closeSignalDuration(), "fault injection: closeSignalAfter");
            LOG.info("Stream {} sent close_stream_signal after {} records", streamId, recordsReceived);
        }
    }

    /** The stream's lifetime ran out: announce the close as the service does before it closes a stream. */
    private synchronized void lifetimeReached(Duration lifetime) {
        if (phase != Phase.OPEN || closeSignalSent) return;
        Duration announced = lifetime.compareTo(LIFETIME_SIGNAL) < 0 ? lifetime : LIFETIME_SIGNAL;
        stats.lifetimeSignal();
        signalClose(announced, "stream lifetime " + lifetime.toMillis() + " ms");
        LOG.info("Stream {} reached its lifetime of {} ms; close_stream_signal sent", streamId, lifetime.toMillis());
    }

    /** Sends close_stream_signal and closes the stream once {@code after} has passed. Called under the monitor. */
    private void signalClose(Duration after, String why) {
        closeSignalSent = true;
        out.onNext(EphemeralStreamResponse.newBuilder().setCloseStreamSignal(CloseStreamSignal.newBuilder()
                .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(after.getSeconds()).setNanos(after.getNano())))
                .build());
        scheduler.schedule(() -> closeAfterSignal(after, why), after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void closeAfterSignal(Duration after, String why) {
        if (phase == Phase.OPEN) drainThenClose(StreamErrors.closedAfterSignal(streamId, after, why));
    }

    /** Pops every request whose commit finished, in order, and ACKs up to the last durable one in one response. */
    private synchronized void acknowledgeDurable() {
        long ackUpTo = -1;
        Throwable failure = null;
        long failedOffset = -1;
        long[] received = new long[Math.max(8, Math.min(pending.size(), 1024))];
        int acked = 0;
        while (!pending.isEmpty() && pending.peek().durable().isDone()) {
            Pending done = pending.poll();
            pendingRecords -= done.records();
            pendingBytes -= done.bytes();
            if (done.durable().isCompletedExceptionally()) {
                failure = causeOf(done.durable());
                failedOffset = done.offset();
                break;
            }
            ackUpTo = done.offset();
            if (acked == received.length) received = java.util.Arrays.copyOf(received, acked * 2);
            received[acked++] = done.receivedNanos();
        }
        if (ackUpTo >= 0) sendAck(ackUpTo, received, acked);
        if (failure != null && phase != Phase.CLOSED) {
            LOG.warn("Stream {} on {}: commit failed at offset {}; closing the stream", streamId, tableName(), failedOffset);
            pending.clear();
            closingWith = StreamErrors.commitFailed(tableName(), failedOffset, failure);
            phase = Phase.DRAINING;
        }
        if (phase == Phase.DRAINING && pending.isEmpty()) finish();
        refill();
    }

    private static Throwable causeOf(CompletableFuture<?> future) {
        try {
            future.join();
            return new IllegalStateException("no failure");
        } catch (CompletionException | CancellationException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    /** ACKs up to {@code offset}; {@code received} holds the receipt times of the {@code count} requests it covers. */
    private void sendAck(long offset, long[] received, int count) {
        if (context.faults().withholdAcks()) return;
        emit(received[count - 1], () -> {
            if (phase == Phase.CLOSED || offset <= lastAckSent) return;
            lastAckSent = offset;
            out.onNext(EphemeralStreamResponse.newBuilder()
                    .setIngestRecordResponse(IngestRecordResponse.newBuilder().setDurabilityAckUpToOffset(offset)).build());
            long now = System.nanoTime();
            for (int i = 0; i < count; i++) stats.ackSent(now - received[i]);
        });
    }

    /**
     * Runs now, or after the injected ACK latency plus, in "like the service" mode, a drawn one. The drawn latency is
     * the time from receipt ({@code receivedNanos}, the newest request covered) to the durability ACK, as the service's
     * "about 150 ms to durability" counts it: the commit's own time is part of it, so only what remains is waited
     * (never less than the commit: the ACK still follows durability). Responses leave in the order they were emitted:
     * each is due no earlier than the one before (the scheduler runs equal times in order).
     */
    private void emit(long receivedNanos, Runnable response) {
        long latency = context.faults().ackLatency().toNanos();
        long now = System.nanoTime();
        if (context.faults().serviceLike()) {
            long drawn = serviceLatency.next(now);
            stats.latencyDrawn(drawn);
            latency += Math.max(0, TimeUnit.MILLISECONDS.toNanos(drawn) - (now - receivedNanos));
        }
        // Not "due time passed": a loaded scheduler can run a due ACK late, and a close run at once would then drop it
        // (the client would re-send records that are durable). Only with nothing queued may a response skip the queue.
        if (latency <= 0 && emitsQueued == 0) {
            response.run();
            return;
        }
        long due = lastEmitNanos - (now + latency) > 0 ? lastEmitNanos : now + latency;
        lastEmitNanos = due;
        emitsQueued++;
        scheduler.schedule(() -> {
            synchronized (this) {
                emitsQueued--;
                response.run();
            }
        }, due - now, TimeUnit.NANOSECONDS);
    }

    /** Stops reading; once every received request is durable and ACKed, ends the call (null: completes it). */
    synchronized void drainThenClose(@Nullable StatusException status) {
        if (phase == Phase.CLOSED || phase == Phase.DRAINING) return;
        phase = Phase.DRAINING;
        closingWith = status;
        if (pending.isEmpty()) finish();
    }

    private void finish() {
        StatusException status = closingWith;
        emit(System.nanoTime(), () -> {
            if (phase == Phase.CLOSED) return;
            phase = Phase.CLOSED;
            openStreams.remove(this);
            if (status == null) out.onCompleted();
            else out.onError(status);
            LOG.info("Stream {} on {} closed ({}) after {} requests, {} records", streamId, tableName(),
                    status == null ? "OK" : status.getStatus().getCode(), nextOffset, recordsReceived);
        });
    }

    private void refill() {
        if (phase != Phase.OPEN) return;
        if (pendingRecords >= MAX_PENDING_RECORDS || pendingBytes >= MAX_PENDING_BYTES) return;
        if (paced()) {
            refillPaced();
            return;
        }
        int room = WINDOW - requested - pending.size();
        if (room >= CHUNK || (requested == 0 && room > 0)) {
            requested += room;
            out.request(room);
        }
    }

    /** True in "like the service" mode; starts or stops pacing when the mode was switched at run time. */
    private boolean paced() {
        var faults = context.faults();
        if (!faults.serviceLike()) {
            pacing = null;
            return false;
        }
        if (pacing == null) pacing = new StreamPacing(faults.quotaRowsPerSecond(), faults.quotaBytesPerSecond(), System.nanoTime());
        return true;
    }

    /** One request at a time, and none while the quota is spent: the client is held back by gRPC flow control. */
    private void refillPaced() {
        if (requested > 0 || pending.size() >= WINDOW) return;
        long wait = pacing.waitNanos(System.nanoTime());
        if (wait > 0) {
            if (!wakeUpScheduled) {
                wakeUpScheduled = true;
                stats.throttled();
                scheduler.schedule(this::wakeUp, wait, TimeUnit.NANOSECONDS);
            }
            return;
        }
        requested = 1;
        out.request(1);
    }

    private synchronized void wakeUp() {
        wakeUpScheduled = false;
        refill();
    }

    @Override
    public void onError(Throwable t) {
        cancelled();
    }

    @Override
    public void onCompleted() {
        drainThenClose(null);
    }

    private synchronized void cancelled() {
        if (phase == Phase.CLOSED) return;
        phase = Phase.CLOSED;
        openStreams.remove(this);
        LOG.info("Stream {} on {} ended by the client after {} requests, {} records", streamId, tableName(), nextOffset, recordsReceived);
    }

    private String tableName() {
        return table != null ? table.fullName() : String.valueOf(authorization.headerTableName());
    }
}
