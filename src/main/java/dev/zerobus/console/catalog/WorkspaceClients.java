package dev.zerobus.console.catalog;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The one place that turns a {@link ConnectionProfile} into a Databricks SDK client (OAuth M2M). The secret goes to
 * the SDK config and nowhere else; nothing here logs. Stateless and thread-safe; the returned client is thread-safe.
 */
public final class WorkspaceClients {
    /** Per HTTP request; the SDK retries transient failures (429, 503) on top of this. */
    static final int HTTP_TIMEOUT_SECONDS = 30;
    /** Pins the credentials provider so that DATABRICKS_TOKEN or a ~/.databrickscfg default cannot take over. */
    private static final String AUTH_TYPE = "oauth-m2m";

    private WorkspaceClients() {}

    public static WorkspaceClient create(ConnectionProfile profile) {
        if (profile.workspaceUrl().isBlank()) throw new CatalogException(CatalogProblems.missingWorkspaceUrl(profile.name()));
        if (profile.clientId().isBlank() || !profile.hasSecret()) {
            throw new CatalogException(CatalogProblems.missingCredentials(profile.name()));
        }
        profile.addressProblem().ifPresent(p -> {
            throw new CatalogException(p);
        });
        unresolvableHost(profile).ifPresent(p -> {
            throw new CatalogException(p);
        });
        DatabricksConfig config = new DatabricksConfig()
                .setHost(profile.workspaceUrl())
                .setClientId(profile.clientId())
                .setClientSecret(profile.clientSecret().reveal())
                .setAuthType(AUTH_TYPE)
                .setHttpTimeoutSeconds(HTTP_TIMEOUT_SECONDS);
        try {
            return new WorkspaceClient(config);
        } catch (RuntimeException e) {
            throw SdkErrors.translate(e, "connect to " + profile.workspaceUrl());
        }
    }

    /**
     * A workspace host that DNS does not know fails here at once, instead of after the SDK's retries (20-25 s). Not
     * checked behind a proxy, which resolves names itself.
     */
    private static Optional<Problem> unresolvableHost(ConnectionProfile profile) {
        if (System.getenv("HTTPS_PROXY") != null || System.getenv("https_proxy") != null || System.getProperty("https.proxyHost") != null) {
            return Optional.empty();
        }
        String host = URI.create(profile.sdkWorkspaceUrl()).getHost();
        try {
            InetAddress.getByName(host);
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(new Problem("The workspace host '" + host + "' does not resolve (DNS).",
                    "Check the workspace URL's spelling (copy it from the browser), and that your VPN or DNS can see it.", null, e));
        }
    }
}
