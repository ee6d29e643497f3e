package dev.zerobus.console.sandbox.http;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.zerobus.console.sandbox.SandboxWorkspace;

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

    static WorkspaceClient of(SandboxWorkspace sandbox, String clientId, String clientSecret) {
        return new WorkspaceClient(new DatabricksConfig()
                .setHost(sandbox.endpoints().workspaceUrl())
                .setClientId(clientId)
                .setClientSecret(clientSecret));
    }
}
