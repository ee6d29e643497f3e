package dev.zerobus.console.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ErrorExplainer.Category;
import dev.zerobus.console.workspace.Problem;
import dev.zerobus.console.workspace.ErrorExplainer;
import dev.zerobus.console.workspace.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault the sandbox can inject, classified by the one classifier ({@link ErrorExplainer}) that the session, the
 * load job and the UI share: the gRPC status (or the Zerobus error code, or the token endpoint's HTTP status) decides
 * whether to retry; the message text only refines the words. Retryable faults must end with every row durable;
 * non-retryable ones must stop at once, without a retry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultClassificationTest {
    private static final String TABLE = "main.default.sensor_readings";
    private static final RetryPolicy FAST = new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(100));
    @TempDir static Path dir;
    SandboxWorkspace sandbox;

    @BeforeAll
    void start() {
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @AfterEach
    void reset() {
        sandbox.faults().reset();
    }

    private ConnectionProfile profile(String clientId, String secret) {
        var e = sandbox.endpoints();
        return new ConnectionProfile("s", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(), clientId, Secret.of(secret));
    }

    private ConnectionProfile profile() {
        return profile(sandbox.endpoints().clientId(), sandbox.endpoints().clientSecret());
    }

    private static String json(long i) {
        return "{\"device_name\":\"cls-" + i + "\",\"temp\":1,\"humidity\":2,\"ts\":" + (1_714_566_600_000_000L + i) + "}";
    }

    /** Loads {@code n} records through a session and returns the errors it explained on the way; all must be durable. */
    private List<Problem> errorsWhileLoading(SessionOptions options, int n) throws Exception {
        var durable = new IngestionSessionTest.Durable();
        List<Problem> errors;
        try (var session = IngestionSession.open(options, durable)) {
            for (long i = 0; i < n; i++) session.ingest(json(i), i);
            session.flush();
            errors = session.metrics().events().stream().filter(e -> e.kind() == IngestEvent.Kind.ERROR).map(IngestEvent::problem).toList();
        }
        assertThat(durable.records.get()).as("every record durable").isEqualTo(n);
        assertThat(durable.failed.get()).isZero();
        return errors;
    }

    private static void assertRetryable(List<Problem> errors, Category category) {
        assertThat(errors).as("the fault was seen").isNotEmpty();
        assertThat(errors).allSatisfy(x -> {
            assertThat(x.category()).as(x.detail()).isEqualTo(category);
            assertThat(x.retryable()).as(x.detail()).isTrue();
        });
    }

    /** The ROTATED events of a session: each carries the explanation of the close it rolled over. */
    private static List<Problem> rotations(IngestionSession session) {
        return session.metrics().events().stream().filter(e -> e.kind() == IngestEvent.Kind.ROTATED).map(IngestEvent::problem).toList();
    }

    @Test
    void aStreamTheServiceEndsAfterNRecordsIsAPlannedRotationNotAnError() throws Exception {
        // "Stream timeout reached ... Error Code: 6002" is the service's scheduled end of a stream (issue 13)
        sandbox.faults().closeStreamsAfter(100);
        var durable = new IngestionSessionTest.Durable();
        try (var session = IngestionSession.open(SessionOptions.json(profile(), TABLE).withRetry(FAST), durable)) {
            for (long i = 0; i < 250; i++) session.ingest(json(i), i);
            session.flush();
            assertThat(session.metrics().events()).noneMatch(e -> e.kind() == IngestEvent.Kind.ERROR);
            assertThat(session.metrics().retries()).isZero();
            assertThat(rotations(session)).isNotEmpty().allSatisfy(x -> {
                assertThat(x.category()).as(x.detail()).isEqualTo(Category.STREAM_LIFETIME);
                assertThat(x.retryable()).isTrue();
            });
        }
        assertThat(durable.records.get()).isEqualTo(250);
    }

    @Test
    void aCloseAnnouncedByCloseStreamSignalIsAPlannedRotation() throws Exception {
        sandbox.faults().closeSignalAfter(100, Duration.ofMillis(50));
        var durable = new IngestionSessionTest.Durable();
        long sent = 0;
        try (var session = IngestionSession.open(SessionOptions.json(profile(), TABLE).withRetry(FAST), durable)) {
            // The server closes the stream 50 ms after its signal: keep sending until the session has met the close.
            while (session.metrics().rotations() == 0 && session.metrics().retries() == 0 && sent < 2_000_000) {
                session.ingest(json(sent), sent);
                sent++;
            }
            session.flush();
            assertThat(session.metrics().retries()).isZero();
            assertThat(rotations(session)).isNotEmpty().allSatisfy(x -> assertThat(x.category()).isEqualTo(Category.STREAM_LIFETIME));
        }
        assertThat(durable.records.get()).isEqualTo(sent);
    }

    @Test
    void aFailedCommitIsRetryableNotAnInvalidRecord() throws Exception {
        sandbox.faults().failNextCommits(1);
        List<Problem> errors = errorsWhileLoading(SessionOptions.json(profile(), TABLE).withRetry(FAST), 50);
        assertRetryable(errors, Category.STREAM_CLOSED);
        assertThat(errors.getFirst().detail()).contains("status: Unavailable").contains("failed at offset");
        assertThat(errors.getFirst().message()).contains("commit");
    }

    /** Flushes on another thread; once the session counted a retry, lifts the fault so that the flush completes. */
    private static void flushReleasingWhenRetried(IngestionSession session, Runnable lift) throws Exception {
        var flush = CompletableFuture.runAsync(() -> {
            try {
                session.flush();
            } catch (IngestException e) {
                throw new CompletionException(e);
            }
        });
        while (session.metrics().retries() == 0 && !flush.isDone()) Thread.onSpinWait();
        lift.run();
        flush.get();
    }

    @Test
    void withheldAcksAreAnAckTimeoutAndRetryable() throws Exception {
        sandbox.faults().withholdAcks(true);
        var options = SessionOptions.json(profile(), TABLE).withRetry(FAST).withAckTimeout(Duration.ofMillis(300));
        var durable = new IngestionSessionTest.Durable();
        try (var session = IngestionSession.open(options, durable)) {
            for (long i = 0; i < 20; i++) session.ingest(json(i), i);
            // The first ACK time-out is classified (a retry counted) before the ACKs flow again.
            flushReleasingWhenRetried(session, () -> sandbox.faults().withholdAcks(false));
            List<Problem> errors = session.metrics().events().stream().filter(e -> e.kind() == IngestEvent.Kind.ERROR)
                    .map(IngestEvent::problem).toList();
            assertRetryable(errors, Category.TIMEOUT);
        }
        assertThat(durable.records.get()).isEqualTo(20);
    }

    @Test
    void ackLatencyUnderTheTimeoutIsNoFaultAndOverItAnAckTimeout() throws Exception {
        sandbox.faults().ackLatency(Duration.ofMillis(100));
        assertThat(errorsWhileLoading(SessionOptions.json(profile(), TABLE).withRetry(FAST).withAckTimeout(Duration.ofSeconds(5)), 20))
                .isEmpty();
        sandbox.faults().ackLatency(Duration.ofMillis(1_500));
        var durable = new IngestionSessionTest.Durable();
        try (var session = IngestionSession.open(SessionOptions.json(profile(), TABLE).withRetry(FAST)
                .withAckTimeout(Duration.ofMillis(300)), durable)) {
            session.ingest(json(0), 0);
            flushReleasingWhenRetried(session, () -> sandbox.faults().ackLatency(Duration.ZERO));
            assertRetryable(session.metrics().events().stream().filter(e -> e.kind() == IngestEvent.Kind.ERROR)
                    .map(IngestEvent::problem).toList(), Category.TIMEOUT);
        }
    }

    @Test
    void tokenEndpoint503IsRetryable() throws Exception {
        sandbox.faults().rejectNextTokens(2);
        assertRetryable(errorsWhileLoading(SessionOptions.json(profile(), TABLE).withRetry(FAST), 10), Category.TOKEN_SERVICE_UNAVAILABLE);
    }

    @Test
    void aCatalogCallSlowerThanTheClientsTimeoutIsARetryableTimeout() {
        sandbox.faults().catalogDelay(Duration.ofMillis(2_500));
        var e = sandbox.endpoints();
        var client = new WorkspaceClient(new DatabricksConfig().setHost(e.workspaceUrl()).setClientId(e.clientId())
                .setClientSecret(e.clientSecret()).setAuthType("oauth-m2m").setHttpTimeoutSeconds(1));
        Throwable t = catchThrowable(() -> client.tables().get(TABLE));
        Problem x = ErrorExplainer.explain(t);
        assertThat(x.category()).as(x.detail()).isEqualTo(Category.TIMEOUT);
        assertThat(x.retryable()).isTrue();
    }

    /** A non-retryable failure stops the session at once: no retry, the explainer's category. */
    private void assertStopsAtOnce(SessionOptions options, Category category, String detail) {
        assertThatThrownBy(() -> {
            try (var session = IngestionSession.open(options, SessionListener.NONE)) {
                session.ingest(json(0), 0);
                session.flush();
            }
        }).isInstanceOfSatisfying(IngestException.class, ex -> {
            assertThat(ex.problem().category()).as(ex.problem().detail()).isEqualTo(category);
            assertThat(ex.problem().retryable()).isFalse();
            assertThat(ex.problem().detail()).contains(detail);
            assertThat(ex.problem().message()).doesNotContain("Gave up");
        });
    }

    @Test
    void aWrongSecretIsNotRetried() {
        assertStopsAtOnce(SessionOptions.json(profile(sandbox.endpoints().clientId(), "wrong-secret"), TABLE).withRetry(FAST),
                Category.AUTHENTICATION, "401");
    }

    @Test
    void missingGrantsAreNotRetried() {
        assertStopsAtOnce(SessionOptions.json(profile(SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS)), TABLE)
                .withRetry(FAST), Category.PERMISSION, "4024");
    }

    @Test
    void anUnknownTableIsNotRetried() {
        assertStopsAtOnce(SessionOptions.json(profile(), "main.default.no_such_table").withRetry(FAST), Category.TABLE_NOT_FOUND, "NotFound");
    }

    @Test
    void aSchemaMismatchIsNotRetried() {
        var descriptor = ProtoSchemaMapper.map(sandbox.context().state().table(TABLE).schema()).descriptor().toBuilder()
                .addField(FieldDescriptorProto.newBuilder().setName("extra").setNumber(9)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)).build();
        assertStopsAtOnce(SessionOptions.proto(profile(), TABLE, descriptor).withRetry(FAST), Category.SCHEMA_MISMATCH, "InvalidArgument");
    }

    @Test
    void statusDecidesBeforeWords() {
        // The words of a retryable status cannot make it a bad record, and a bad record's words cannot make it retryable.
        Problem commit = ErrorExplainer.explain("Stream closed: status: Unavailable, message: \"Commit to table a.b.c failed at offset 0: "
                + "disk full. Unacknowledged records must be sent again on a new stream\", details: [], metadata: MetadataMap { headers: {} }");
        assertThat(commit.category()).isEqualTo(Category.STREAM_CLOSED);
        assertThat(commit.retryable()).isTrue();
        Problem record = ErrorExplainer.explain("status: InvalidArgument, message: \"Record at offset 3 does not fit table a.b.c: "
                + "temp: expected an integer; the stream is unavailable\"");
        assertThat(record.category()).isEqualTo(Category.INVALID_RECORD);
        assertThat(record.retryable()).isFalse();
    }
}
