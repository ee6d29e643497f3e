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

    private record Pending(long offset, CompletableFuture<?> durable, int records, long bytes) {}

    private final ServerCallStreamObserver<EphemeralStreamResponse> out;
    private final SandboxContext context;
    private final StreamAuthorization authorization;
    private final TableAccess access;
    private final ScheduledExecutorService scheduler;
    private final Set<IngestStream> openStreams;
    private final String streamId = UUID.randomUUID().toString();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();

    // transport thread only
    private volatile @Nullable TableInfo table; // also read by other threads for messages
    private @Nullable TableSchema schema;
    private @Nullable RecordDecoder decoder;
    private long nextOffset;
    private long recordsReceived;
    private boolean closeSignalSent;

    // guarded by this
    private Phase phase = Phase.AWAITING_CREATE;
    private @Nullable StatusException closingWith;
    private int requested;
    private long pendingRecords;
    private long pendingBytes;
    private long lastAckSent = -1;

    IngestStream(ServerCallStreamObserver<EphemeralStreamResponse> out, SandboxContext context, StreamAuthorization authorization,
                 TableAccess access, ScheduledExecutorService scheduler, Set<IngestStream> openStreams) {
        this.out = out;
        this.context = context;
        this.authorization = authorization;
        this.access = access;
        this.scheduler = scheduler;
        this.openStreams = openStreams;
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
        synchronized (this) {
            if (phase != Phase.AWAITING_CREATE) return;
            phase = Phase.OPEN;
            out.onNext(EphemeralStreamResponse.newBuilder()
                    .setCreateStreamResponse(CreateIngestStreamResponse.newBuilder().setStreamId(streamId)).build());
        }
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
            pending.add(new Pending(offset, durable, count, size));
            pendingRecords += count;
            pendingBytes += size;
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
            closeSignalSent = true;
            Duration after = context.faults().closeSignalDuration();
            out.onNext(EphemeralStreamResponse.newBuilder().setCloseStreamSignal(CloseStreamSignal.newBuilder()
                    .setDuration(com.google.protobuf.Duration.newBuilder().setSeconds(after.getSeconds()).setNanos(after.getNano())))
                    .build());
            LOG.info("Stream {} sent close_stream_signal ({} ms) after {} records", streamId, after.toMillis(), recordsReceived);
            scheduler.schedule(() -> closeAfterSignal(after), after.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void closeAfterSignal(Duration after) {
        if (phase == Phase.OPEN) drainThenClose(StreamErrors.closedAfterSignal(streamId, after, "fault injection: closeSignalAfter"));
    }

    /** Pops every request whose commit finished, in order, and ACKs up to the last durable one in one response. */
    private synchronized void acknowledgeDurable() {
        long ackUpTo = -1;
        Throwable failure = null;
        long failedOffset = -1;
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
        }
        if (ackUpTo >= 0) sendAck(ackUpTo);
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

    private void sendAck(long offset) {
        if (context.faults().withholdAcks()) return;
        emit(() -> {
            if (phase == Phase.CLOSED || offset <= lastAckSent) return;
            lastAckSent = offset;
            out.onNext(EphemeralStreamResponse.newBuilder()
                    .setIngestRecordResponse(IngestRecordResponse.newBuilder().setDurabilityAckUpToOffset(offset)).build());
        });
    }

    /** Runs now, or after the injected ACK latency; the scheduler keeps equal delays in order. */
    private void emit(Runnable response) {
        Duration latency = context.faults().ackLatency();
        if (latency.isZero() || latency.isNegative()) {
            response.run();
        } else {
            scheduler.schedule(() -> {
                synchronized (this) {
                    response.run();
                }
            }, latency.toNanos(), TimeUnit.NANOSECONDS);
        }
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
        emit(() -> {
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
        int room = WINDOW - requested - pending.size();
        if (room >= CHUNK || (requested == 0 && room > 0)) {
            requested += room;
            out.request(room);
        }
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
