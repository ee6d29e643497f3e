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
import dev.zerobus.console.workspace.ErrorExplainer.Explanation;
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

    private static Explanation explained(Throwable t, Category category, boolean retryable) {
        Explanation x = ErrorExplainer.explain(t);
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
        assertThat(explained(t, Category.INVALID_RECORD, false).fix()).contains("Fix the field named in the message");
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
        Explanation bare = ErrorExplainer.explain("Token fetch failed: Unity catalog server error (502): <html>Bad Gateway</html>");
        assertThat(bare.category()).isEqualTo(Category.TOKEN_SERVICE_UNAVAILABLE);
        assertThat(bare.retryable()).isTrue();
    }

    @Test
    void aStreamTheServerClosesIsStreamClosedAndRetryable() throws Exception {
        var profile = new ConnectionProfile("s", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(),
                Secret.of(e.clientSecret()));
        sandbox.faults().closeStreamsAfter(50);
        try (var session = IngestionSession.open(SessionOptions.json(profile, SENSORS)
                .withRetry(new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200))), SessionListener.NONE)) {
            for (int i = 0; i < 120; i++) session.ingest("{\"device_name\":\"d" + i + "\"}", i);
            session.flush();
            String detail = session.metrics().events().stream().filter(ev -> ev.kind() == IngestEvent.Kind.ERROR)
                    .map(ev -> ev.explanation().detail()).findFirst().orElseThrow();
            assertThat(detail).contains("status: Unavailable").contains("Stream timeout reached");
            Explanation x = ErrorExplainer.explain(detail);
            assertThat(x.category()).isEqualTo(Category.STREAM_CLOSED);
            assertThat(x.retryable()).isTrue();
            assertThat(x.fix()).contains("re-sends every record");
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
            Explanation x = explained(t, Category.CONNECTION_REFUSED, true);
            assertThat(x.cause()).contains("token endpoint");
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
        Explanation throughput = ErrorExplainer.explain("Stream is closed: status: ResourceExhausted, message: \"Throughput limit exceeded "
                + "for stream at offset 1200: 15000 records/s\", details: [], metadata: MetadataMap { headers: {} }");
        assertThat(throughput.category()).isEqualTo(Category.THROUGHPUT_LIMIT);
        assertThat(throughput.retryable()).isTrue();
        assertThat(throughput.fix()).contains("more streams");

        Explanation size = ErrorExplainer.explain("Failed to ingest: status: ResourceExhausted, message: \"grpc: received message "
                + "larger than max (11000030 vs. 10485760)\", details: [], metadata: MetadataMap { headers: {} }");
        assertThat(size.category()).isEqualTo(Category.MESSAGE_TOO_LARGE);
        assertThat(size.retryable()).isFalse();
        assertThat(ErrorExplainer.explain("RESOURCE_EXHAUSTED: quota exceeded").category()).isEqualTo(Category.THROUGHPUT_LIMIT);
    }

    @Test
    void javaNetworkExceptions() {
        Explanation refused = ErrorExplainer.explain(new ConnectException("Connection refused"));
        assertThat(refused.category()).isEqualTo(Category.CONNECTION_REFUSED);
        assertThat(refused.retryable()).isTrue();

        Explanation dns = ErrorExplainer.explain(new RuntimeException("I/O error",
                new UnknownHostException("dbc-1234.cloud.databricks.com: Name or service not known")));
        assertThat(dns.category()).isEqualTo(Category.DNS);
        assertThat(dns.fix()).contains("workspace URL");

        Explanation timeout = ErrorExplainer.explain(new SocketTimeoutException("Read timed out"));
        assertThat(timeout.category()).isEqualTo(Category.TIMEOUT);
        assertThat(timeout.retryable()).isTrue();
    }

    @Test
    void anOldGlibcIsNativeLibrary() {
        Explanation x = ErrorExplainer.explain(new UnsatisfiedLinkError("/tmp/libzerobus_jni8812.so: /lib/x86_64-linux-gnu/libc.so.6: "
                + "version `GLIBC_2.34' not found (required by /tmp/libzerobus_jni8812.so)"));
        assertThat(x.category()).isEqualTo(Category.NATIVE_LIBRARY);
        assertThat(x.retryable()).isFalse();
        assertThat(x.fix()).contains("glibc 2.34+");
    }

    @Test
    void unknownErrorsKeepTheirFullText() {
        String text = "Something odd happened: code 7731 at the flux capacitor, detail line two";
        Explanation x = ErrorExplainer.explain(new IllegalStateException(text));
        assertThat(x.category()).isEqualTo(Category.UNKNOWN);
        assertThat(x.detail()).isEqualTo(text);
        assertThat(x.cause()).contains(text);
        assertThat(x.retryable()).isFalse();
    }
}
