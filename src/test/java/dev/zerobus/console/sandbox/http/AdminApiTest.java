package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.SandboxOptions;
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

class AdminApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dataDir;
    static SandboxWorkspace sandbox;
    static HttpClient http;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir));
        http = HttpClient.newHttpClient();
        var endpoints = sandbox.endpoints();
        var tokenRequest = HttpRequest.newBuilder(URI.create(endpoints.workspaceUrl() + "/oidc/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all-apis&client_id="
                        + endpoints.clientId() + "&client_secret=" + endpoints.clientSecret())).build();
        token = JSON.readTree(http.send(tokenRequest, HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        http.close();
        sandbox.close();
    }

    @Test
    void setsSomeFaultsAndResetsThemAll() throws Exception {
        HttpResponse<String> set = send("POST", "{\"ackLatencyMs\":250,\"withholdAcks\":true,\"failNextCommits\":2}", token);
        boolean withheldWhileSet = sandbox.faults().withholdAcks();
        Duration latencyWhileSet = sandbox.faults().ackLatency();
        HttpResponse<String> reset = send("DELETE", null, token);

        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode afterSet = JSON.readTree(set.body());
        assertThat(afterSet.get("ackLatencyMs").asLong()).isEqualTo(250);
        assertThat(afterSet.get("failNextCommits").asInt()).isEqualTo(2);
        assertThat(afterSet.get("catalogDelayMs").asLong()).isZero();
        assertThat(withheldWhileSet).isTrue();
        assertThat(latencyWhileSet).isEqualTo(Duration.ofMillis(250));
        assertThat(JSON.readTree(reset.body()).get("withholdAcks").asBoolean()).isFalse();
        assertThat(JSON.readTree(send("GET", null, token).body()).get("ackLatencyMs").asLong()).isZero();
    }

    @Test
    void rejectsUnknownFieldsAndChangesNothing() throws Exception {
        HttpResponse<String> response = send("POST", "{\"ackLatencyMs\":5,\"explode\":true}", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("explode");
        assertThat(sandbox.faults().ackLatency()).isZero();
    }

    @Test
    void refusesOutOfRangeValuesNamingTheFieldAndRangeAndChangesNothing() throws Exception {
        // Long.MAX_VALUE ms once overflowed the stream's timer and hung the client (issue 12.13)
        HttpResponse<String> huge = send("POST", "{\"ackLatencyMs\":9223372036854775807,\"withholdAcks\":true}", token);
        HttpResponse<String> negative = send("POST", "{\"closeStreamsAfter\":-1}", token);
        HttpResponse<String> beyondLong = send("POST", "{\"failNextCommits\":99999999999999999999}", token);
        HttpResponse<String> lifetime = send("POST", "{\"streamLifetimeSeconds\":-0.5}", token);
        HttpResponse<String> quota = send("POST", "{\"serviceLike\":true,\"quotaRowsPerSecond\":0}", token);

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
        HttpResponse<String> set = send("POST", "{\"serviceLike\":true,\"quotaRowsPerSecond\":20000,\"streamLifetimeSeconds\":2.5}", token);
        boolean serviceLike = sandbox.faults().serviceLike();
        long quota = sandbox.faults().quotaRowsPerSecond();
        Duration lifetime = sandbox.faults().streamLifetime();
        send("DELETE", null, token);

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).get("streamLifetimeSeconds").asDouble()).isEqualTo(2.5);
        assertThat(serviceLike).isTrue();
        assertThat(quota).isEqualTo(20_000);
        assertThat(lifetime).isEqualTo(Duration.ofMillis(2_500));
        assertThat(sandbox.faults().serviceLike()).isFalse();
    }

    @Test
    void needsASandboxToken() throws Exception {
        HttpResponse<String> response = send("GET", null, "not-a-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("UNAUTHENTICATED");
    }

    private static HttpResponse<String> send(String method, String body, String bearer) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + "/sandbox/admin/faults"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
