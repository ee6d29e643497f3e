package dev.zerobus.console.catalog;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import dev.zerobus.console.workspace.UserAuth;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The one place that turns a {@link ConnectionProfile} into a Databricks SDK client, for either identity:
 * {@link #create}/{@link #asIngest} sign in as the "Ingest as" service principal (OAuth M2M), {@link #asYou} as the
 * person ({@link UserAuth}: the SDK's own auth types, resolved by its {@code DatabricksConfig}; the console re-implements
 * no part of the credential chain). Secrets go to the SDK config and nowhere else; nothing here logs. Stateless and
 * thread-safe; the returned client is thread-safe.
 */
public final class WorkspaceClients {
    /** Per HTTP request; the SDK retries transient failures (429, 503) on top of this. */
    static final int HTTP_TIMEOUT_SECONDS = 30;
    /** Pins the credentials provider so that DATABRICKS_TOKEN or a ~/.databrickscfg default cannot take over. */
    private static final String AUTH_TYPE = "oauth-m2m";

    private WorkspaceClients() {}

    /** The "Ingest as" service principal (OAuth M2M). */
    public static WorkspaceClient create(ConnectionProfile profile) {
        if (profile.workspaceUrl().isBlank()) throw new CatalogException(CatalogProblems.missingWorkspaceUrl(profile.name()));
        if (profile.clientId().isBlank() || !profile.hasSecret()) {
            throw new CatalogException(CatalogProblems.missingCredentials(profile.name()));
        }
        checkAddresses(profile);
        DatabricksConfig config = new DatabricksConfig()
                .setHost(profile.workspaceUrl())
                .setClientId(profile.clientId())
                .setClientSecret(profile.clientSecret().reveal())
                .setAuthType(AUTH_TYPE)
                .setHttpTimeoutSeconds(HTTP_TIMEOUT_SECONDS);
        return client(config, profile);
    }

    /** Same as {@link #create}: the name says which identity. */
    public static WorkspaceClient asIngest(ConnectionProfile profile) {
        return create(profile);
    }

    /** "You", with the profile's {@link UserAuth}; OAuth U2M goes through {@link BrowserSignIn#shared()}. */
    public static WorkspaceClient asYou(ConnectionProfile profile) {
        return asYou(profile, BrowserSignIn.shared());
    }

    public static WorkspaceClient asYou(ConnectionProfile profile, BrowserSignIn browser) {
        UserAuth you = profile.you();
        if (you.isServicePrincipal()) return create(profile);
        DatabricksConfig config = new DatabricksConfig().setHttpTimeoutSeconds(HTTP_TIMEOUT_SECONDS);
        if (you.type() != UserAuth.Type.CONFIG_PROFILE && profile.workspaceUrl().isBlank()
                && you.type() != UserAuth.Type.ENVIRONMENT) {
            throw new CatalogException(CatalogProblems.missingWorkspaceUrl(profile.name()));
        }
        if (!profile.workspaceUrl().isBlank()) {
            checkAddresses(profile); // a PAT or a U2M token must not cross the network in clear text either
            config.setHost(profile.workspaceUrl());
        }
        switch (you.type()) {
            case PAT -> {
                if (!you.hasToken()) {
                    throw new CatalogException(new Problem("Profile '" + profile.name() + "' signs you in with a personal access "
                            + "token, but none is set.", "Enter your token (User settings > Developer > Access tokens), or set "
                            + "DATABRICKS_TOKEN and use the environment profile."));
                }
                config.setToken(you.token().reveal()).setAuthType(you.type().sdkAuthType());
            }
            case EXTERNAL_BROWSER -> config.setCredentialsProvider(browser.credentials(profile.sdkWorkspaceUrl()));
            case DATABRICKS_CLI, AZURE_CLI -> config.setAuthType(you.type().sdkAuthType());
            case CONFIG_PROFILE -> {
                config.setProfile(you.configProfile());
                if (you.configFile() != null) config.setConfigFile(you.configFile());
            }
            case ENVIRONMENT -> { } // DATABRICKS_TOKEN, DATABRICKS_AUTH_TYPE, ... as the SDK reads them
            case SERVICE_PRINCIPAL -> throw new IllegalStateException("handled above");
        }
        return client(config, profile);
    }

    /** Plain http:// only to loopback, and a host that resolves: before any request, for either identity. */
    private static void checkAddresses(ConnectionProfile profile) {
        profile.addressProblem().ifPresent(p -> {
            throw new CatalogException(p);
        });
        unresolvableHost(profile).ifPresent(p -> {
            throw new CatalogException(p);
        });
    }

    private static WorkspaceClient client(DatabricksConfig config, ConnectionProfile profile) {
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
