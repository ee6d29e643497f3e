package dev.zerobus.console.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;

/**
 * Where a running sandbox listens and the credentials of its principals: the client id and secret of the granted
 * service principal ({@link SandboxPrincipals#GRANTED}, OAuth M2M, what Zerobus needs), and the personal access tokens
 * of the admin user ({@link SandboxPrincipals#ADMIN}) and of the ordinary user ({@link SandboxPrincipals#ANALYST}).
 * All are minted at each start and never written to disk. {@link #toString()} masks them; {@link #toJsonLine()} is
 * the one line {@code sandbox} prints on stdout (the only place they are shown, because a client needs them).
 */
public record SandboxEndpoints(String zerobusEndpoint, String workspaceUrl, String clientId, String clientSecret,
                               String userToken, String analystToken, Path dataDir) {

    public String toJsonLine() {
        var node = JsonNodeFactory.instance.objectNode()
                .put("zerobusEndpoint", zerobusEndpoint)
                .put("workspaceUrl", workspaceUrl)
                .put("clientId", clientId)
                .put("clientSecret", clientSecret)
                .put("user", SandboxPrincipals.ADMIN)
                .put("userToken", userToken)
                .put("analyst", SandboxPrincipals.ANALYST)
                .put("analystToken", analystToken)
                .put("dataDir", dataDir.toString());
        return node.toString();
    }

    @Override
    public String toString() {
        return "SandboxEndpoints[zerobus=" + zerobusEndpoint + ", workspace=" + workspaceUrl + ", clientId=" + clientId
                + ", clientSecret=****, userToken=****, analystToken=****, dataDir=" + dataDir + "]";
    }
}
