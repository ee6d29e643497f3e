package dev.zerobus.console.catalog;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.zerobus.console.workspace.ConnectionProfile;

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
        profile.plaintextProblem().ifPresent(p -> {
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
}
