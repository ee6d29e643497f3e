package dev.zerobus.console.sandbox.http;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The official SDK against a running sandbox: OAuth M2M as the console configures it, or a user's PAT. */
final class SdkClients {
    private SdkClients() {}

    static WorkspaceClient granted(SandboxWorkspace sandbox) {
        var endpoints = sandbox.endpoints();
        return of(sandbox, endpoints.clientId(), endpoints.clientSecret());
    }

    /** The admin user (workspace and metastore admin) with its personal access token. */
    static WorkspaceClient admin(SandboxWorkspace sandbox) {
        return withToken(sandbox, sandbox.endpoints().userToken());
    }

    /** The ordinary user (USE CATALOG, USE SCHEMA, SELECT on main.default only) with its personal access token. */
    static WorkspaceClient analyst(SandboxWorkspace sandbox) {
        return withToken(sandbox, sandbox.endpoints().analystToken());
    }

    static WorkspaceClient withToken(SandboxWorkspace sandbox, String token) {
        return new WorkspaceClient(new DatabricksConfig().setHost(sandbox.endpoints().workspaceUrl()).setToken(token));
    }

    /** A plain OAuth M2M access token of a built-in service principal, for raw HTTP calls. */
    static String m2mToken(SandboxWorkspace sandbox, String clientId) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            var request = HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + "/oidc/v1/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all-apis&client_id="
                            + clientId + "&client_secret=" + sandbox.secretOf(clientId))).build();
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(body).get("access_token").asText();
        }
    }

    static WorkspaceClient of(SandboxWorkspace sandbox, String clientId, String clientSecret) {
        return new WorkspaceClient(new DatabricksConfig()
                .setHost(sandbox.endpoints().workspaceUrl())
                .setClientId(clientId)
                .setClientSecret(clientSecret));
    }
}
