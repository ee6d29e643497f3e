package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fault plan and stats endpoints: the sandbox admin user only (issue 12, item 13). */
class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dataDir;
    static SandboxWorkspace sandbox;
    static HttpClient http;
    static String adminToken;

    @BeforeAll
    static void start() {
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir));
        http = HttpClient.newHttpClient();
        adminToken = sandbox.endpoints().userToken();
    }

    @AfterAll
    static void stop() {
        http.close();
        sandbox.close();
    }


    @Test
    void setsSomeFaultsAndResetsThemAll() throws Exception {
        HttpResponse<String> set = send("POST", "/sandbox/admin/faults", "{\"ackLatencyMs\":250,\"withholdAcks\":true,\"failNextCommits\":2}", adminToken);
        boolean withheldWhileSet = sandbox.faults().withholdAcks();
        Duration latencyWhileSet = sandbox.faults().ackLatency();
        HttpResponse<String> reset = send("DELETE", "/sandbox/admin/faults", null, adminToken);

        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode afterSet = JSON.readTree(set.body());
        assertThat(afterSet.get("ackLatencyMs").asLong()).isEqualTo(250);
        assertThat(afterSet.get("failNextCommits").asInt()).isEqualTo(2);
        assertThat(afterSet.get("catalogDelayMs").asLong()).isZero();
        assertThat(withheldWhileSet).isTrue();
        assertThat(latencyWhileSet).isEqualTo(Duration.ofMillis(250));
        assertThat(JSON.readTree(reset.body()).get("withholdAcks").asBoolean()).isFalse();
        assertThat(JSON.readTree(send("GET", "/sandbox/admin/faults", null, adminToken).body()).get("ackLatencyMs").asLong()).isZero();
    }

    @Test
    void rejectsUnknownFieldsAndChangesNothing() throws Exception {
        HttpResponse<String> response = send("POST", "/sandbox/admin/faults", "{\"ackLatencyMs\":5,\"explode\":true}", adminToken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("explode");
        assertThat(sandbox.faults().ackLatency()).isZero();
    }

    @Test
    void refusesOutOfRangeValuesNamingTheFieldAndRangeAndChangesNothing() throws Exception {
        // Long.MAX_VALUE ms once overflowed the stream's timer and hung the client (issue 12.13)
        HttpResponse<String> huge = send("POST", "/sandbox/admin/faults", "{\"ackLatencyMs\":9223372036854775807,\"withholdAcks\":true}", adminToken);
        HttpResponse<String> negative = send("POST", "/sandbox/admin/faults", "{\"closeStreamsAfter\":-1}", adminToken);
        HttpResponse<String> beyondLong = send("POST", "/sandbox/admin/faults", "{\"failNextCommits\":99999999999999999999}", adminToken);
        HttpResponse<String> lifetime = send("POST", "/sandbox/admin/faults", "{\"streamLifetimeSeconds\":-0.5}", adminToken);
        HttpResponse<String> quota = send("POST", "/sandbox/admin/faults", "{\"serviceLike\":true,\"quotaRowsPerSecond\":0}", adminToken);

        assertThat(List.of(huge, negative, beyondLong, lifetime, quota)).extracting(HttpResponse::statusCode).containsOnly(400);
        assertThat(huge.body()).contains("ackLatencyMs must be between 0 and 600000 ms, got 9223372036854775807");
        assertThat(negative.body()).contains("closeStreamsAfter must be between 0 and 1000000000 records, got -1");
        assertThat(beyondLong.body()).contains("failNextCommits must be between 0 and 1000000 commits");
        assertThat(lifetime.body()).contains("streamLifetimeSeconds must be between 0.0 and 86400.0 seconds, got -0.5");
        assertThat(quota.body()).contains("quotaRowsPerSecond must be between 1 and 100000000 rows/s, got 0");
        assertThat(sandbox.faults().withholdAcks()).as("a bad request changes nothing").isFalse();
        assertThat(sandbox.faults().serviceLike()).isFalse();
    }

    @Test
    void setsTheServiceLikeKnobsAndTheStreamLifetime() throws Exception {
        HttpResponse<String> set = send("POST", "/sandbox/admin/faults", "{\"serviceLike\":true,\"quotaRowsPerSecond\":20000,\"streamLifetimeSeconds\":2.5}", adminToken);
        boolean serviceLike = sandbox.faults().serviceLike();
        long quota = sandbox.faults().quotaRowsPerSecond();
        Duration lifetime = sandbox.faults().streamLifetime();
        send("DELETE", "/sandbox/admin/faults", null, adminToken);

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).get("streamLifetimeSeconds").asDouble()).isEqualTo(2.5);
        assertThat(serviceLike).isTrue();
        assertThat(quota).isEqualTo(20_000);
        assertThat(lifetime).isEqualTo(Duration.ofMillis(2_500));
        assertThat(sandbox.faults().serviceLike()).isFalse();
    }

    @Test
    void needsASandboxToken() throws Exception {
        for (String path : new String[] {"/sandbox/admin/faults", "/sandbox/admin/stats"}) {
            HttpResponse<String> bad = send("GET", path, null, "not-a-token");
            HttpResponse<String> none = send("GET", path, null, null);

            assertThat(bad.statusCode()).as(path).isEqualTo(401);
            assertThat(JSON.readTree(bad.body()).path("error_code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(JSON.readTree(none.body()).path("error_code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    /** Before: any principal's token changed the fault plan; no-grants-sp and the analyst must be refused (403). */
    @Test
    void refusesPrincipalsThatAreNotTheSandboxAdmin() throws Exception {
        String noGrants = SdkClients.m2mToken(sandbox, SandboxPrincipals.NO_GRANTS);
        String granted = SdkClients.m2mToken(sandbox, SandboxPrincipals.GRANTED);
        for (String token : new String[] {noGrants, granted, sandbox.endpoints().analystToken()}) {
            HttpResponse<String> set = send("POST", "/sandbox/admin/faults", "{\"withholdAcks\":true}", token);
            HttpResponse<String> clear = send("DELETE", "/sandbox/admin/faults", null, token);
            HttpResponse<String> stats = send("GET", "/sandbox/admin/stats", null, token);

            assertThat(set.statusCode()).isEqualTo(403);
            JsonNode error = JSON.readTree(set.body());
            assertThat(error.path("error_code").asText()).isEqualTo("PERMISSION_DENIED");
            assertThat(error.path("message").asText()).contains("not a workspace admin").contains(SandboxPrincipals.ADMIN);
            assertThat(clear.statusCode()).isEqualTo(403);
            assertThat(stats.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(stats.body()).path("error_code").asText()).isEqualTo("PERMISSION_DENIED");
        }
        assertThat(sandbox.faults().withholdAcks()).isFalse();
    }

    @Test
    void statsAnswerTheAdmin() throws Exception {
        HttpResponse<String> stats = send("GET", "/sandbox/admin/stats", null, adminToken);

        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stats.body()).path("heapMaxBytes").asLong()).isPositive();
    }

    private static HttpResponse<String> send(String method, String path, String body, String bearer) throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) builder.header("Authorization", "Bearer " + bearer);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
