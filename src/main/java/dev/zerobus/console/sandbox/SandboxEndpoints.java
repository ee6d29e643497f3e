package dev.zerobus.console.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;

/**
 * Where a running sandbox listens and the credentials of its granted principal. {@link #toString()} masks the
 * secret; {@link #toJsonLine()} is the one line {@code sandbox} prints on stdout (and the only place the secret is
 * shown, because a client needs it).
 */
public record SandboxEndpoints(String zerobusEndpoint, String workspaceUrl, String clientId, String clientSecret, Path dataDir) {

    public String toJsonLine() {
        var node = JsonNodeFactory.instance.objectNode()
                .put("zerobusEndpoint", zerobusEndpoint)
                .put("workspaceUrl", workspaceUrl)
                .put("clientId", clientId)
                .put("clientSecret", clientSecret)
                .put("dataDir", dataDir.toString());
        return node.toString();
    }

    @Override
    public String toString() {
        return "SandboxEndpoints[zerobus=" + zerobusEndpoint + ", workspace=" + workspaceUrl + ", clientId=" + clientId
                + ", clientSecret=****, dataDir=" + dataDir + "]";
    }
}
