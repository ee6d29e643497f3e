package dev.zerobus.console.catalog;

import com.databricks.sdk.WorkspaceClient;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;

/** Clients for a running sandbox, built the way the console builds them: from a profile, through WorkspaceClients. */
final class SandboxClients {
    private SandboxClients() {}

    static ConnectionProfile profile(SandboxWorkspace sandbox, String clientId, String secret) {
        var endpoints = sandbox.endpoints();
        return new ConnectionProfile("sandbox", ConnectionProfile.Source.SANDBOX, endpoints.workspaceUrl(),
                endpoints.zerobusEndpoint(), clientId, Secret.of(secret));
    }

    static WorkspaceClient granted(SandboxWorkspace sandbox) {
        return WorkspaceClients.create(profile(sandbox, sandbox.endpoints().clientId(), sandbox.endpoints().clientSecret()));
    }

    static WorkspaceClient as(SandboxWorkspace sandbox, String clientId) {
        return WorkspaceClients.create(profile(sandbox, clientId, sandbox.secretOf(clientId)));
    }
}
