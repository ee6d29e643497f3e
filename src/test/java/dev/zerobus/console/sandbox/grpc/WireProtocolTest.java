package dev.zerobus.console.sandbox.grpc;

import static dev.zerobus.console.sandbox.grpc.SandboxFixture.SENSORS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.auth.AuthorizationDetail;
import dev.zerobus.console.sandbox.wire.CreateIngestStreamRequest;
import dev.zerobus.console.sandbox.wire.EphemeralStreamRequest;
import dev.zerobus.console.sandbox.wire.EphemeralStreamResponse;
import dev.zerobus.console.sandbox.wire.IngestRecordBatchRequest;
import dev.zerobus.console.sandbox.wire.IngestRecordRequest;
import dev.zerobus.console.sandbox.wire.JsonRecordBatch;
import dev.zerobus.console.sandbox.wire.RecordType;
import dev.zerobus.console.sandbox.wire.ZerobusGrpc;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks the SDK cannot provoke (it always sends well-formed requests), driven with a plain grpc-java client. */
class WireProtocolTest {
    private static final Metadata.Key<String> AUTH = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> TABLE = Metadata.Key.of("x-databricks-zerobus-table-name", Metadata.ASCII_STRING_MARSHALLER);

    @TempDir
    Path dir;
    SandboxFixture fx;
    ManagedChannel channel;

    @BeforeEach
    void start() {
        fx = new SandboxFixture(dir);
        String endpoint = fx.sandbox.endpoints().zerobusEndpoint();
        channel = NettyChannelBuilder.forTarget(endpoint.substring("http://".length())).usePlaintext().build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        fx.close();
    }

    /** Responses and the final status of one call. */
    record Outcome(List<EphemeralStreamResponse> responses, Status status) {}

    Outcome call(Metadata headers, boolean halfClose, EphemeralStreamRequest... requests) throws Exception {
        List<EphemeralStreamResponse> responses = new CopyOnWriteArrayList<>();
        CompletableFuture<Status> done = new CompletableFuture<>();
        var stub = ZerobusGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
        StreamObserver<EphemeralStreamRequest> out = stub.ephemeralStream(new StreamObserver<>() {
            @Override public void onNext(EphemeralStreamResponse r) { responses.add(r); }
            @Override public void onError(Throwable t) { done.complete(Status.fromThrowable(t)); }
            @Override public void onCompleted() { done.complete(Status.OK); }
        });
        for (EphemeralStreamRequest r : requests) out.onNext(r);
        if (halfClose) out.onCompleted();
        Status status = done.get(10, TimeUnit.SECONDS);
        if (!halfClose) out.onCompleted();
        return new Outcome(responses, status);
    }

    Metadata headers(String token, String table) {
        var md = new Metadata();
        if (token != null) md.put(AUTH, "Bearer " + token);
        if (table != null) md.put(TABLE, table);
        return md;
    }

    String token(String... tables) {
        var tokens = fx.sandbox.context().tokens();
        var details = Arrays.stream(tables)
                .map(t -> new AuthorizationDetail("unity_catalog_privileges", "TABLE", t, List.of("SELECT", "MODIFY"))).toList();
        return tokens.issue(tokens.principal(SandboxPrincipals.GRANTED).orElseThrow(), "all-apis", details).token();
    }

    static EphemeralStreamRequest create(String table, RecordType type) {
        var c = CreateIngestStreamRequest.newBuilder().setTableName(table);
        if (type != null) c.setRecordType(type);
        return EphemeralStreamRequest.newBuilder().setCreateStream(c).build();
    }

    static EphemeralStreamRequest json(long offset, String record) {
        return EphemeralStreamRequest.newBuilder().setIngestRecord(IngestRecordRequest.newBuilder().setOffsetId(offset)
                .setJsonRecord(record)).build();
    }

    static EphemeralStreamRequest jsonBatch(long offset, List<String> records) {
        return EphemeralStreamRequest.newBuilder().setIngestRecordBatch(IngestRecordBatchRequest.newBuilder().setOffsetId(offset)
                .setJsonBatch(JsonRecordBatch.newBuilder().addAllRecords(records))).build();
    }

    @Test
    void missingTokenIsUnauthenticated() throws Exception {
        Outcome o = call(headers(null, SENSORS), false, create(SENSORS, RecordType.JSON));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(o.status().getDescription()).startsWith("Missing authorization header");
    }

    @Test
    void unknownTokenIsUnauthenticated() throws Exception {
        Outcome o = call(headers("forged", SENSORS), false, create(SENSORS, RecordType.JSON));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(o.status().getDescription()).startsWith("Invalid token: this workspace did not issue the bearer token");
    }

    @Test
    void tokenForAnotherTableIsPermissionDenied() throws Exception {
        Outcome o = call(headers(token("main.default.all_types"), SENSORS), false, create(SENSORS, RecordType.JSON));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(o.status().getDescription()).isEqualTo("The token's authorization_details do not grant "
                + "SELECT, MODIFY on TABLE main.default.sensor_readings. Request a token for this table (the Zerobus SDK does so itself)."
                + " Error Code: 4024, Error State: 0.");
    }

    @Test
    void tableHeaderMustMatchCreateStream() throws Exception {
        Outcome o = call(headers(token(SENSORS, "main.default.all_types"), SENSORS), false, create("main.default.all_types", RecordType.JSON));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(o.status().getDescription()).isEqualTo("Table name mismatch: header x-databricks-zerobus-table-name is "
                + "'main.default.sensor_readings' but create_stream.table_name is 'main.default.all_types'");
    }

    @Test
    void firstMessageMustBeCreateStream() throws Exception {
        Outcome o = call(headers(token(SENSORS), SENSORS), false, json(0, "{}"));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(o.status().getDescription()).isEqualTo("The first message of a stream must be create_stream, got ingest_record");
    }

    @Test
    void recordTypeMustBeSet() throws Exception {
        for (RecordType type : new RecordType[] {null, RecordType.RECORD_TYPE_UNSPECIFIED}) {
            Outcome o = call(headers(token(SENSORS), SENSORS), false, create(SENSORS, type));
            assertThat(o.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(o.status().getDescription()).contains("record_type RECORD_TYPE_UNSPECIFIED; set PROTO or JSON");
        }
    }

    @Test
    void protoStreamNeedsADescriptor() throws Exception {
        Outcome o = call(headers(token(SENSORS), SENSORS), false, create(SENSORS, RecordType.PROTO));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(o.status().getDescription()).contains("is a PROTO stream without descriptor_proto");
    }

    @Test
    void jsonRecordOnAProtoStreamIsRejected() throws Exception {
        var create = EphemeralStreamRequest.newBuilder().setCreateStream(CreateIngestStreamRequest.newBuilder()
                .setTableName(SENSORS).setRecordType(RecordType.PROTO)
                .setDescriptorProto(fx.descriptor(SENSORS).toProto().toByteString())).build();
        Outcome o = call(headers(token(SENSORS), SENSORS), false, create, json(0, IngestionTest.json(0)));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(o.status().getDescription()).isEqualTo(
                "Request at offset 0 carries a JSON record but the stream was created with record_type PROTO");
    }

    @Test
    void offsetsMustStartAtZeroAndGrowByOne() throws Exception {
        Outcome o = call(headers(token(SENSORS), SENSORS), false, create(SENSORS, RecordType.JSON),
                json(0, IngestionTest.json(0)), json(2, IngestionTest.json(1)));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(o.status().getDescription()).startsWith("Unexpected offset_id 2: expected 1");
        assertThat(o.responses().getLast().getIngestRecordResponse().getDurabilityAckUpToOffset())
                .as("the durable request before the bad one is still acknowledged").isZero();
    }

    @Test
    void answersCreateWithAStreamIdAndAcksCumulativelyThenCompletes() throws Exception {
        var requests = new ArrayList<EphemeralStreamRequest>();
        requests.add(create(SENSORS, RecordType.JSON));
        for (int i = 0; i < 50; i++) requests.add(jsonBatch(i, List.of(IngestionTest.json(2 * i), IngestionTest.json(2 * i + 1))));
        Outcome o = call(headers(token(SENSORS), SENSORS), true, requests.toArray(EphemeralStreamRequest[]::new));

        assertThat(o.status().getCode()).isEqualTo(Status.Code.OK);
        assertThat(o.responses().getFirst().getCreateStreamResponse().getStreamId()).hasSize(36);
        List<Long> acks = o.responses().stream().skip(1).map(r -> r.getIngestRecordResponse().getDurabilityAckUpToOffset()).toList();
        assertThat(acks).isSorted().doesNotHaveDuplicates().endsWith(49L);
        assertThat(fx.count(SENSORS)).isEqualTo(100);
    }

    @Test
    void closesTheStreamWithUnavailableWhenTheClientIgnoresACloseStreamSignal() throws Exception {
        fx.sandbox.faults().closeSignalAfter(2, Duration.ofMillis(300));
        long t0 = System.nanoTime();
        Outcome o = call(headers(token(SENSORS), SENSORS), false, create(SENSORS, RecordType.JSON),
                json(0, IngestionTest.json(0)), json(1, IngestionTest.json(1)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        assertThat(o.status().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(o.status().getDescription()).startsWith("Stream timeout reached. Closing the stream (ID: ")
                .contains(") 300 ms after close_stream_signal (fault injection: closeSignalAfter)")
                .endsWith("Error Code: 6002, Error State: 0.");
        assertThat(millis).isGreaterThanOrEqualTo(300);
        assertThat(o.responses()).anySatisfy(r -> assertThat(r.getCloseStreamSignal().getDuration().getNanos()).isEqualTo(300_000_000));
        assertThat(o.responses().getLast().getIngestRecordResponse().getDurabilityAckUpToOffset()).isEqualTo(1);
    }

    @Test
    void closesTheStreamWithUnavailableAfterNRecords() throws Exception {
        fx.sandbox.faults().closeStreamsAfter(3);
        Outcome o = call(headers(token(SENSORS), SENSORS), false, create(SENSORS, RecordType.JSON),
                jsonBatch(0, List.of(IngestionTest.json(0), IngestionTest.json(1))), jsonBatch(1, List.of(IngestionTest.json(2), IngestionTest.json(3))),
                json(2, IngestionTest.json(4)));
        assertThat(o.status().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(o.status().getDescription()).startsWith("Stream timeout reached. Closing the stream (ID: ")
                .contains(") after 4 records (fault injection: closeStreamsAfter)").endsWith("Error Code: 6002, Error State: 0.");
        assertThat(o.responses().getLast().getIngestRecordResponse().getDurabilityAckUpToOffset()).as("what was durable is ACKed").isEqualTo(1);
        assertThat(fx.count(SENSORS)).isEqualTo(4);
    }

    @Test
    void sendsHeadersBeforeTheFirstMessage() throws Exception {
        CompletableFuture<Metadata> headers = new CompletableFuture<>();
        var call = channel.newCall(ZerobusGrpc.getEphemeralStreamMethod(), CallOptions.DEFAULT);
        var md = headers(token(SENSORS), SENSORS);
        call.start(new ClientCall.Listener<>() {
            @Override public void onHeaders(Metadata h) { headers.complete(h); }
        }, md);
        assertThat(headers.get(5, TimeUnit.SECONDS)).isNotNull();
        call.cancel("done", null);
    }

    @Test
    void closeAcknowledgesDurableRecordsThenEndsOpenStreams() throws Exception {
        List<EphemeralStreamResponse> responses = new CopyOnWriteArrayList<>();
        CompletableFuture<Status> done = new CompletableFuture<>();
        var stub = ZerobusGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers(token(SENSORS), SENSORS)));
        StreamObserver<EphemeralStreamRequest> out = stub.ephemeralStream(new StreamObserver<>() {
            @Override public void onNext(EphemeralStreamResponse r) { responses.add(r); }
            @Override public void onError(Throwable t) { done.complete(Status.fromThrowable(t)); }
            @Override public void onCompleted() { done.complete(Status.OK); }
        });
        out.onNext(create(SENSORS, RecordType.JSON));
        out.onNext(json(0, IngestionTest.json(0)));
        SandboxFixture.await("the ACK", Duration.ofSeconds(5), () -> responses.size() == 2);

        fx.sandbox.close();

        Status status = done.get(10, TimeUnit.SECONDS);
        assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(status.getDescription()).startsWith("The sandbox is stopping");
        assertThat(responses.get(1).getIngestRecordResponse().getDurabilityAckUpToOffset()).isZero();
    }
}
