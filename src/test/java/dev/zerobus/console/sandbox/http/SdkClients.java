package dev.zerobus.console.sandbox.http;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.zerobus.console.sandbox.SandboxWorkspace;

/** The official SDK, configured for OAuth M2M against a running sandbox, as the console configures it. */
final class SdkClients {
    private SdkClients() {}

    static WorkspaceClient granted(SandboxWorkspace sandbox) {
        var endpoints = sandbox.endpoints();
        return of(sandbox, endpoints.clientId(), endpoints.clientSecret());
    }

    static WorkspaceClient of(SandboxWorkspace sandbox, String clientId, String clientSecret) {
        return new WorkspaceClient(new DatabricksConfig()
                .setHost(sandbox.endpoints().workspaceUrl())
                .setClientId(clientId)
                .setClientSecret(clientSecret));
    }
}
