package dev.zerobus.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.auth.TokenService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The token endpoint as the Zerobus SDKs and databricks-sdk-java call it (OAuth). */
class OidcTokenEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ZEROBUS_DETAILS = """
            [{"type":"unity_catalog_privileges","privileges":["USE CATALOG"],"object_type":"CATALOG","object_full_path":"main"},
             {"type":"unity_catalog_privileges","privileges":["USE SCHEMA"],"object_type":"SCHEMA","object_full_path":"main.default"},
             {"type":"unity_catalog_privileges","privileges":["SELECT","MODIFY"],"object_type":"TABLE","object_full_path":"main.default.sensor_readings"}]""";

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension(o -> o.withTokenLifetime(Duration.ofSeconds(2)));

    private static HttpResponse<String> token(String clientId, String secret, String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + "/oidc/v1/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String zerobusForm(String workspaceIdLabel) {
        return "grant_type=client_credentials&scope=all-apis&resource="
                + URLEncoder.encode("api://databricks/workspaces/" + workspaceIdLabel + "/zerobusDirectWriteApi", StandardCharsets.UTF_8)
                + "&authorization_details=" + URLEncoder.encode(ZEROBUS_DETAILS, StandardCharsets.UTF_8);
    }

    @Test
    void issuesATokenCarryingThePrincipalAndTheZerobusAuthorizationDetails() throws Exception {
        var endpoints = sandbox.endpoints();
        // Clients derive the workspace id from the host they were given; on loopback it varies ("127", "localhost:50051").
        for (String label : new String[] {"127", "localhost:50051"}) {
            HttpResponse<String> response = token(endpoints.clientId(), endpoints.clientSecret(), zerobusForm(label));
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
            assertThat(body.path("expires_in").asLong()).isEqualTo(2);
            var lookup = sandbox.context().tokens().lookup("Bearer " + body.path("access_token").asText());
            assertThat(lookup).isInstanceOf(TokenService.Lookup.Valid.class);
            var grant = ((TokenService.Lookup.Valid) lookup).grant();
            assertThat(grant.principal().clientId()).isEqualTo(SandboxPrincipals.GRANTED);
            assertThat(grant.allows("TABLE", "main.default.sensor_readings", "MODIFY")).isTrue();
            assertThat(grant.allows("CATALOG", "main", "USE_CATALOG")).isTrue();
            assertThat(grant.allows("TABLE", "main.default.all_types", "MODIFY")).isFalse();
            assertThat(grant.toString()).doesNotContain(grant.token());
        }
    }

    @Test
    void saysWhichCredentialIsWrong() throws Exception {
        HttpResponse<String> wrongSecret = token(SandboxPrincipals.GRANTED, "not-the-secret", zerobusForm("127"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrongSecret.body()).path("error_description").asText())
                .contains("wrong client secret for client_id 'sandbox-sp'").doesNotContain("not-the-secret");

        HttpResponse<String> unknown = token("nobody", "x", zerobusForm("127"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unknown.body()).path("error_description").asText()).contains("unknown client_id 'nobody'");
    }

    @Test
    void tokensExpire() throws Exception {
        var endpoints = sandbox.endpoints();
        String token = JSON.readTree(token(endpoints.clientId(), endpoints.clientSecret(), "grant_type=client_credentials&scope=all-apis")
                .body()).path("access_token").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        TokenService.Lookup lookup;
        do {
            lookup = sandbox.context().tokens().lookup("Bearer " + token);
            Thread.onSpinWait();
        } while (lookup instanceof TokenService.Lookup.Valid && System.nanoTime() < deadline);
        assertThat(lookup).isInstanceOf(TokenService.Lookup.Expired.class);
    }

    @Test
    void rejectsTokenRequestsWith503WhenTheFaultIsSet() throws Exception {
        var endpoints = sandbox.endpoints();
        sandbox.faults().rejectNextTokens(1);
        assertThat(token(endpoints.clientId(), endpoints.clientSecret(), zerobusForm("127")).statusCode()).isEqualTo(503);
        assertThat(token(endpoints.clientId(), endpoints.clientSecret(), zerobusForm("127")).statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheDiscoveryDocumentForOauthM2m() throws Exception {
        String base = sandbox.endpoints().workspaceUrl();
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oidc/.well-known/oauth-authorization-server")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(response.body()).path("token_endpoint").asText()).isEqualTo(base + "/oidc/v1/token");
        var config = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/databricks-config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(404);
    }
}
