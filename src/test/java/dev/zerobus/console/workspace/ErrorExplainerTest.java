package dev.zerobus.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.service.catalog.GetEffectiveRequest;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.zerobus.NonRetriableException;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusSdk;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.ingest.IngestEvent;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.RetryPolicy;
import dev.zerobus.console.ingest.SessionListener;
import dev.zerobus.console.ingest.SessionOptions;
import dev.zerobus.console.sandbox.SandboxEndpoints;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.workspace.ErrorExplainer.Category;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explainer fed with what the SDKs really say: most texts are provoked against the sandbox with the real Zerobus
 * SDK and databricks-sdk-java; the rest are the SDK's formats for cases the sandbox cannot produce.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorExplainerTest {
    private static final String SENSORS = "main.default.sensor_readings";
    private static final StreamConfigurationOptions OPTIONS = StreamConfigurationOptions.builder()
            .setRecoveryBackoffMs(100).setRecoveryTimeoutMs(3000).setRecoveryRetries(1).build();
    @TempDir static Path dir;
    SandboxWorkspace sandbox;
    ZerobusSdk sdk;
    SandboxEndpoints e;

    @BeforeAll
    void start() throws Exception {
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir));
        e = sandbox.endpoints();
        sdk = new ZerobusSdk(e.zerobusEndpoint(), e.workspaceUrl());
    }

    @AfterAll
    void stop() throws Exception {
        sdk.close();
        sandbox.close();
    }

    /** What the call throws, unwrapped from the future. */
    private static Throwable failure(Callable<?> call) {
        Throwable t = catchThrowable(call::call);
        assertThat(t).as("the call should fail").isNotNull();
        return t instanceof ExecutionException ? t.getCause() : t;
    }

    private Throwable createJson(ZerobusSdk client, String table, String clientId, String secret) {
        return failure(() -> client.createJsonStream(table, clientId, secret, OPTIONS).get(60, TimeUnit.SECONDS));
    }

    private static Problem explained(Throwable t, Category category, boolean retryable) {
        Problem x = ErrorExplainer.explain(t);
        assertThat(x.category()).as(x.detail()).isEqualTo(category);
        assertThat(x.retryable()).as(x.detail()).isEqualTo(retryable);
        assertThat(x.detail()).contains(t.getMessage());
        return x;
    }

    // ---- Zerobus SDK against the sandbox --------------------------------------------------------------------------

    @Test
    void wrongSecretAtTheTokenEndpointIsAuthentication() {
        Throwable t = createJson(sdk, SENSORS, e.clientId(), "wrong");
        assertThat(t).isInstanceOf(NonRetriableException.class).hasMessageStartingWith("Specified UC token is in invalid format: Client error (401)");
        assertThat(explained(t, Category.AUTHENTICATION, false).fix()).contains("OAuth secrets").contains("Application ID");
        // The same SDK wording when the body does not say invalid_client.
        assertThat(ErrorExplainer.explain("Specified UC token is in invalid format: Client error (401): {\"error\":\"unauthorized\"}")
                .category()).isEqualTo(Category.AUTHENTICATION);
    }

    @Test
    void missingGrantsArePermissionWithTheServersGrantStatement() {
        Throwable t = createJson(sdk, SENSORS, SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
        assertThat(t).hasMessageContaining("status: PermissionDenied").hasMessageContaining("Error Code: 4024");
        assertThat(explained(t, Category.PERMISSION, false).fix())
                .contains("Run: GRANT SELECT, MODIFY ON TABLE main.default.sensor_readings TO `no-grants-sp`");
    }

    @Test
    void unknownTableIsTableNotFound() {
        Throwable t = createJson(sdk, "main.default.nope", e.clientId(), e.clientSecret());
        assertThat(t).hasMessageContaining("status: NotFound");
        assertThat(explained(t, Category.TABLE_NOT_FOUND, false).fix()).contains("catalog.schema.table");
    }

    @Test
    void descriptorMismatchIsSchemaMismatch() {
        DescriptorProto d = ProtoSchemaMapper.map(sandbox.context().state().table(SENSORS).schema()).descriptor().toBuilder()
                .addField(FieldDescriptorProto.newBuilder().setName("extra").setNumber(9)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)).build();
        Throwable t = failure(() -> sdk.createProtoStream(SENSORS, d, e.clientId(), e.clientSecret(), OPTIONS).get(60, TimeUnit.SECONDS));
        assertThat(t).hasMessageContaining("status: InvalidArgument").hasMessageContaining("Field 'extra' is not a column");
        assertThat(explained(t, Category.SCHEMA_MISMATCH, false).fix()).contains("Regenerate the .proto");
    }

    @Test
    void aRecordTheTableRejectsIsInvalidRecord() throws Exception {
        var stream = sdk.createJsonStream(SENSORS, e.clientId(), e.clientSecret(), OPTIONS).get(60, TimeUnit.SECONDS);
        long offset = stream.ingestRecordOffset("{\"device_name\":\"a\",\"temp\":\"hot\"}");
        Throwable t = failure(() -> { stream.waitForOffset(offset); return null; });
        stream.close();
        assertThat(t).hasMessageContaining("temp: invalid type: string \"hot\", expected an integer");
        assertThat(explained(t, Category.INVALID_RECORD, false).fix()).contains("Fix the field the message names");
    }

    @Test
    void aMessageOverTenMegabytesIsMessageTooLarge() throws Exception {
        var stream = sdk.createJsonStream(SENSORS, e.clientId(), e.clientSecret(), OPTIONS).get(60, TimeUnit.SECONDS);
        long offset = stream.ingestRecordOffset("{\"device_name\":\"" + "x".repeat(11_000_000) + "\"}");
        Throwable t = failure(() -> { stream.waitForOffset(offset); return null; });
        stream.close();
        assertThat(t).hasMessageContaining("the limit is 10485760 bytes (10 MB) per message");
        assertThat(explained(t, Category.MESSAGE_TOO_LARGE, false).fix()).contains("smaller batches");
    }

    @Test
    void tokenEndpoint503IsRetryable() {
        sandbox.faults().rejectNextTokens(100);
        try {
            Throwable t = createJson(sdk, SENSORS, e.clientId(), e.clientSecret());
            assertThat(t).hasMessageStartingWith("Token fetch failed: Unity catalog server error (503)");
            explained(t, Category.TOKEN_SERVICE_UNAVAILABLE, true);
        } finally {
            sandbox.faults().reset();
        }
        // A real 5xx need not carry an OAuth body.
        Problem bare = ErrorExplainer.explain("Token fetch failed: Unity catalog server error (502): <html>Bad Gateway</html>");
        assertThat(bare.category()).isEqualTo(Category.TOKEN_SERVICE_UNAVAILABLE);
        assertThat(bare.retryable()).isTrue();
    }

    @Test
    void aStreamTheServerEndsIsAPlannedRotationNotAnError() throws Exception {
        var profile = new ConnectionProfile("s", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(),
                Secret.of(e.clientSecret()));
        sandbox.faults().closeStreamsAfter(50);
        try (var session = IngestionSession.open(SessionOptions.json(profile, SENSORS)
                .withRetry(new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200))), SessionListener.NONE)) {
            for (int i = 0; i < 120; i++) session.ingest("{\"device_name\":\"d" + i + "\"}", i);
            session.flush();
            Problem x = session.metrics().events().stream().filter(ev -> ev.kind() == IngestEvent.Kind.ROTATED)
                    .map(IngestEvent::problem).findFirst().orElseThrow();
            assertThat(x.detail()).contains("status: Unavailable").contains("Stream timeout reached");
            assertThat(x.category()).isEqualTo(Category.STREAM_LIFETIME);
            assertThat(x.category().planned()).isTrue();
            assertThat(x.retryable()).isTrue();
            assertThat(x.fix()).contains("planned rotation, not an error or a retry");
            assertThat(session.metrics().errors()).isZero();
        } finally {
            sandbox.faults().reset();
        }
    }

    @Test
    void nothingListeningOnTheZerobusEndpointIsConnectionRefused() throws Exception {
        try (var refused = new ZerobusSdk("http://127.0.0.1:1", e.workspaceUrl())) {
            Throwable t = createJson(refused, SENSORS, e.clientId(), e.clientSecret());
            assertThat(t).hasMessageContaining("status: Unavailable").hasMessageContaining("tcp connect error");
            assertThat(explained(t, Category.CONNECTION_REFUSED, true).fix()).contains("host and port");
        }
    }

    @Test
    void anUnreachableTokenEndpointSaysSoAndNamesTheUrl() throws Exception {
        try (var refused = new ZerobusSdk(e.zerobusEndpoint(), "http://127.0.0.1:1")) {
            Throwable t = createJson(refused, SENSORS, e.clientId(), e.clientSecret());
            assertThat(t).hasMessageStartingWith("Token fetch failed: Network error: error sending request for url");
            Problem x = explained(t, Category.CONNECTION_REFUSED, true);
            assertThat(x.message()).contains("token endpoint");
            assertThat(x.fix()).contains("The SDK tried http://127.0.0.1:1/oidc/v1/token.");
        }
    }

    @Test
    void httpsToAPlaintextEndpointIsTls() throws Exception {
        try (var tls = new ZerobusSdk("https://127.0.0.1:" + URI.create(e.zerobusEndpoint()).getPort(), e.workspaceUrl())) {
            Throwable t = createJson(tls, SENSORS, e.clientId(), e.clientSecret());
            assertThat(t).hasMessageContaining("received corrupt message of type InvalidContentType");
            assertThat(explained(t, Category.TLS, false).fix()).contains("http:// for a plaintext endpoint");
        }
    }

    // ---- databricks-sdk-java against the sandbox ------------------------------------------------------------------

    private WorkspaceClient client(String clientId, String secret) {
        return WorkspaceClients.create(new ConnectionProfile("s", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(),
                e.zerobusEndpoint(), clientId, Secret.of(secret)));
    }

    @Test
    void databricksSdkErrorsFromUnityCatalog() {
        Throwable unauthenticated = failure(() -> client(e.clientId(), "wrong").catalogs().list(new ListCatalogsRequest()).iterator().hasNext());
        assertThat(unauthenticated).hasMessageContaining("Failed to refresh credentials: invalid_client");
        assertThat(unauthenticated).hasRootCauseInstanceOf(Unauthenticated.class);
        explained(unauthenticated, Category.AUTHENTICATION, false);

        WorkspaceClient noGrants = client(SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
        Throwable notFound = failure(() -> noGrants.tables().get("main.default.nope"));
        assertThat(notFound).isInstanceOf(NotFound.class);
        explained(notFound, Category.TABLE_NOT_FOUND, false);

        Throwable denied = failure(() -> noGrants.grants().getEffective(new GetEffectiveRequest()
                .setSecurableType("table").setFullName(SENSORS)));
        assertThat(denied).isInstanceOf(PermissionDenied.class);
        assertThat(explained(denied, Category.PERMISSION, false).fix()).contains("GRANT SELECT ON TABLE main.default.sensor_readings");
    }

    // ---- texts the sandbox cannot produce -------------------------------------------------------------------------

    @Test
    void resourceExhaustedIsThroughputUnlessItIsAboutSize() {
        Problem throughput = ErrorExplainer.explain("Stream is closed: status: ResourceExhausted, message: \"Throughput limit exceeded "
                + "for stream at offset 1200: 15000 records/s\", details: [], metadata: MetadataMap { headers: {} }");
        assertThat(throughput.category()).isEqualTo(Category.THROUGHPUT_LIMIT);
        assertThat(throughput.retryable()).isTrue();
        assertThat(throughput.fix()).contains("more streams");

        Problem size = ErrorExplainer.explain("Failed to ingest: status: ResourceExhausted, message: \"grpc: received message "
                + "larger than max (11000030 vs. 10485760)\", details: [], metadata: MetadataMap { headers: {} }");
        assertThat(size.category()).isEqualTo(Category.MESSAGE_TOO_LARGE);
        assertThat(size.retryable()).isFalse();
        assertThat(ErrorExplainer.explain("RESOURCE_EXHAUSTED: quota exceeded").category()).isEqualTo(Category.THROUGHPUT_LIMIT);
    }

    @Test
    void zerobusErrorCodes4024And4044And6002HaveCauseAndFix() {
        // The service's wording and codes as quoted by emqx/emqx pull 18393 (its Zerobus bridge and tests).
        Problem grants = ErrorExplainer.explain("Failed to create a stream: status: PermissionDenied, message: \"Principal "
                + "'sp' lacks SELECT, MODIFY on table main.default.t. Error Code: 4024, Error State: 0.\"");
        assertThat(grants.category()).isEqualTo(Category.PERMISSION);
        assertThat(grants.message()).contains("4024");
        assertThat(grants.fix()).contains("SELECT and MODIFY granted on the table itself");
        assertThat(grants.retryable()).isFalse();

        Problem unknownField = ErrorExplainer.explain("Stream is closed: status: InvalidArgument, message: \"Record decoder/encoder "
                + "error: unrecognized field name 'ip'. Error Code: 4044, Error State: 3.\"");
        assertThat(unknownField.category()).isEqualTo(Category.INVALID_RECORD);
        assertThat(unknownField.message()).contains("error code 4044").contains("a field the table does not have");
        assertThat(unknownField.fix()).contains("drop fields that are not columns").contains("Nullable columns may be left out");
        assertThat(unknownField.retryable()).isFalse();

        Problem wrongType = ErrorExplainer.explain("Record decoder/encoder error: invalid type: string \"72F\", expected an "
                + "integer. Error Code: 4044, Error State: 3.");
        assertThat(wrongType.category()).isEqualTo(Category.INVALID_RECORD);
        assertThat(wrongType.detail()).contains("invalid type: string \"72F\", expected an integer");

        Problem descriptor = ErrorExplainer.explain("Record decoder/encoder error: the descriptor does not fit table main.default.t "
                + "(1 difference): NOT NULL column 'id' is missing. Error Code: 4044, Error State: 3.");
        assertThat(descriptor.category()).isEqualTo(Category.SCHEMA_MISMATCH);
        assertThat(descriptor.fix()).contains("Nullable columns may be left out of the descriptor; NOT NULL columns may not");

        Problem timeout = ErrorExplainer.explain("Stream is closed: status: Unavailable, message: \"Stream timeout reached. Closing "
                + "the stream (ID: 7f3c). Error Code: 6002, Error State: 0.\"");
        assertThat(timeout.category()).isEqualTo(Category.STREAM_LIFETIME);
        assertThat(timeout.message()).contains("error code 6002").contains("about every 15 minutes");
        assertThat(timeout.retryable()).isTrue();

        Problem bareClose = ErrorExplainer.explain("Stream is closed: status: Internal, message: \"Stream closed\", details: [], "
                + "metadata: MetadataMap { headers: {} }");
        assertThat(bareClose.category()).isEqualTo(Category.STREAM_LIFETIME);
        assertThat(ErrorExplainer.explain("connection reset by peer").category()).isEqualTo(Category.STREAM_CLOSED);
    }

    @Test
    void javaNetworkExceptions() {
        Problem refused = ErrorExplainer.explain(new ConnectException("Connection refused"));
        assertThat(refused.category()).isEqualTo(Category.CONNECTION_REFUSED);
        assertThat(refused.retryable()).isTrue();

        Problem dns = ErrorExplainer.explain(new RuntimeException("I/O error",
                new UnknownHostException("dbc-1234.cloud.databricks.com: Name or service not known")));
        assertThat(dns.category()).isEqualTo(Category.DNS);
        assertThat(dns.fix()).contains("workspace URL");

        Problem timeout = ErrorExplainer.explain(new SocketTimeoutException("Read timed out"));
        assertThat(timeout.category()).isEqualTo(Category.TIMEOUT);
        assertThat(timeout.retryable()).isTrue();
    }

    @Test
    void anOldGlibcIsNativeLibrary() {
        Problem x = ErrorExplainer.explain(new UnsatisfiedLinkError("/tmp/libzerobus_jni8812.so: /lib/x86_64-linux-gnu/libc.so.6: "
                + "version `GLIBC_2.34' not found (required by /tmp/libzerobus_jni8812.so)"));
        assertThat(x.category()).isEqualTo(Category.NATIVE_LIBRARY);
        assertThat(x.retryable()).isFalse();
        assertThat(x.fix()).contains("glibc 2.34+");
    }

    @Test
    void unknownErrorsKeepTheirFullText() {
        String text = "Something odd happened: code 7731 at the flux capacitor, detail line two";
        Problem x = ErrorExplainer.explain(new IllegalStateException(text));
        assertThat(x.category()).isEqualTo(Category.UNKNOWN);
        assertThat(x.detail()).isEqualTo(text);
        assertThat(x.message()).contains(text);
        assertThat(x.retryable()).isFalse();
    }
}
