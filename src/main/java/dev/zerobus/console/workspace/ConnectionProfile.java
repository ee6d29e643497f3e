package dev.zerobus.console.workspace;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and as whom to connect: the workspace URL, the Zerobus endpoint and a service principal's OAuth client.
 * {@code clientSecret} may be null when it is to be asked for. {@link #toString()} never shows the secret.
 * {@code recordsPerSecondQuota} is the workspace's records/s quota per stream, for the Stream pane's gauges
 * (default {@link ZerobusQuotas#RECORDS_PER_SECOND_PER_STREAM}; Databricks raises it per workspace on request).
 */
public record ConnectionProfile(String name, Source source, String workspaceUrl, String zerobusEndpoint, String clientId,
                                @Nullable Secret clientSecret, long recordsPerSecondQuota) {
    /** Where a profile comes from; only SAVED profiles are written by the console. */
    public enum Source { SANDBOX, DATABRICKS_CFG, ENVIRONMENT, SAVED }

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        workspaceUrl = workspaceUrl == null ? "" : workspaceUrl.strip();
        zerobusEndpoint = zerobusEndpoint == null ? "" : zerobusEndpoint.strip();
        clientId = clientId == null ? "" : clientId.strip();
        if (recordsPerSecondQuota <= 0) recordsPerSecondQuota = ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM;
    }

    /** A profile with the default quota. */
    public ConnectionProfile(String name, Source source, String workspaceUrl, String zerobusEndpoint, String clientId,
                             @Nullable Secret clientSecret) {
        this(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM);
    }

    public ConnectionProfile withSecret(@Nullable Secret secret) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, clientId, secret, recordsPerSecondQuota);
    }

    public ConnectionProfile withName(String newName, Source newSource) {
        return new ConnectionProfile(newName, newSource, workspaceUrl, zerobusEndpoint, clientId, clientSecret, recordsPerSecondQuota);
    }

    public ConnectionProfile withRecordsPerSecondQuota(long quota) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, quota);
    }

    /**
     * The Zerobus endpoint as the SDKs take it: {@code http://host:port} stays plaintext (loopback), a bare host
     * gets {@code https://}; no trailing slash.
     */
    public String sdkEndpointUrl() {
        String e = trimSlash(zerobusEndpoint);
        return e.contains("://") ? e : "https://" + e;
    }

    /** The workspace URL without a trailing slash, as the SDKs join paths onto it. */
    public String sdkWorkspaceUrl() {
        return trimSlash(workspaceUrl);
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public boolean hasSecret() {
        return clientSecret != null && !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "ConnectionProfile[" + name + " (" + source + "), " + workspaceUrl + ", " + zerobusEndpoint + ", " + clientId
                + ", secret " + (hasSecret() ? "set" : "not set") + ", quota " + recordsPerSecondQuota + " records/s]";
    }
}
