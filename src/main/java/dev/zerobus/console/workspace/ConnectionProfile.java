package dev.zerobus.console.workspace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where and as whom to connect, with two identities: {@code you} (the person: browsing, set-up, grants, read-back;
 * see {@link UserAuth}) and "Ingest as" ({@code clientId} + {@code clientSecret}: the service principal's OAuth M2M
 * client that Zerobus needs). Either may be the same principal ({@link UserAuth#servicePrincipal()}); a profile may
 * also have only "You" (no client id yet: set-up creates one). {@code clientSecret} may be null when it is to be
 * asked for. {@link #toString()} never shows the secret or the token.
 * {@code recordsPerSecondQuota} is the workspace's records/s quota per stream, for the Stream pane's gauges
 * (default {@link ZerobusQuotas#RECORDS_PER_SECOND_PER_STREAM}; Databricks raises it per workspace on request).
 */
public record ConnectionProfile(String name, Source source, String workspaceUrl, String zerobusEndpoint, String clientId,
                                @Nullable Secret clientSecret, UserAuth you, long recordsPerSecondQuota) {
    /** Where a profile comes from; only SAVED profiles are written by the console. */
    public enum Source { SANDBOX, DATABRICKS_CFG, ENVIRONMENT, SAVED }

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        workspaceUrl = workspaceUrl == null ? "" : workspaceUrl.strip();
        zerobusEndpoint = zerobusEndpoint == null ? "" : zerobusEndpoint.strip();
        clientId = clientId == null ? "" : clientId.strip();
        you = you == null ? UserAuth.servicePrincipal() : you;
        if (recordsPerSecondQuota <= 0) recordsPerSecondQuota = ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM;
    }

    /** A profile with the default quota. */
    public ConnectionProfile(String name, Source source, String workspaceUrl, String zerobusEndpoint, String clientId,
                             @Nullable Secret clientSecret, UserAuth you) {
        this(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, you, ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM);
    }

    /** A profile whose service principal is "You" as well, with the given quota. */
    public ConnectionProfile(String name, Source source, String workspaceUrl, String zerobusEndpoint, String clientId,
                             @Nullable Secret clientSecret, long recordsPerSecondQuota) {
        this(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, UserAuth.servicePrincipal(), recordsPerSecondQuota);
    }

    /** A profile whose service principal is "You" as well (the console's profiles before it knew two identities). */
    public ConnectionProfile(String name, Source source, String workspaceUrl, String zerobusEndpoint, String clientId,
                             @Nullable Secret clientSecret) {
        this(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, UserAuth.servicePrincipal());
    }

    public ConnectionProfile withSecret(@Nullable Secret secret) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, clientId, secret, you, recordsPerSecondQuota);
    }

    public ConnectionProfile withName(String newName, Source newSource) {
        return new ConnectionProfile(newName, newSource, workspaceUrl, zerobusEndpoint, clientId, clientSecret, you, recordsPerSecondQuota);
    }

    /** The same profile signing in as {@code value} for "You". */
    public ConnectionProfile withYou(UserAuth value) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, value, recordsPerSecondQuota);
    }

    /** The same profile ingesting as another service principal (e.g. the one set-up just created). */
    public ConnectionProfile withIngestAs(String newClientId, @Nullable Secret secret) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, newClientId, secret, you, recordsPerSecondQuota);
    }

    public ConnectionProfile withRecordsPerSecondQuota(long quota) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, you, quota);
    }

    /** True when "Ingest as" is complete: a client id and a secret. */
    public boolean hasIngestIdentity() {
        return !clientId.isBlank() && hasSecret();
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

    /** Masks the client secret and "You"'s token wherever they appear in {@code text} (text from a server or an SDK). */
    public String redact(String text) {
        String result = clientSecret == null ? text : clientSecret.redact(text);
        return you.token() == null ? result : you.token().redact(result);
    }

    /**
     * The one place that decides whether this profile's addresses may be used. Each must be a host name (a garbage
     * value fails here at once instead of after the SDK's retries), and plain {@code http://} is taken only to a
     * loopback host (the local sandbox): anywhere else the client secret (HTTP Basic on the token request) and the
     * tokens would cross the network in clear text, and Databricks serves its REST APIs and Zerobus over TLS only.
     */
    public Optional<Problem> addressProblem() {
        for (String[] target : new String[][] {{"workspace URL", workspaceUrl}, {"Zerobus endpoint", zerobusEndpoint}}) {
            String url = target[1];
            if (url.isEmpty()) continue; // said where it is needed (missing workspace URL / endpoint)
            String host;
            try {
                host = new URI(url.contains("://") ? url : "https://" + url).getHost();
            } catch (URISyntaxException e) {
                host = null;
            }
            if (host == null || host.isEmpty()) {
                return Optional.of(new Problem("The " + target[0] + " '" + url + "' of profile '" + name + "' is not a host name.",
                        target[0].equals("workspace URL")
                                ? "Copy the workspace URL from the browser, e.g. https://dbc-1234abcd-5678.cloud.databricks.com."
                                : "Write <workspace-id>.zerobus.<region>.cloud.databricks.com (AWS) or "
                                        + "<workspace-id>.zerobus.<region>.azuredatabricks.net (Azure)."));
            }
            if (!url.regionMatches(true, 0, "http://", 0, 7) || EndpointParser.isLoopback(host.toLowerCase(Locale.ROOT))) continue;
            return Optional.of(new Problem("The " + target[0] + " '" + url + "' of profile '" + name + "' uses plain http:// to '"
                    + host + "', which is not a loopback address: the client secret and tokens would cross the network "
                    + "unencrypted, so nothing is sent.",
                    "Use https:// (Databricks serves TLS only); plain http:// is only for the local sandbox on 127.0.0.1.")
                    .withCopyableFix(target[0].equals("workspace URL") ? "host = https://" + url.substring(7) : url.substring(7)));
        }
        return Optional.empty();
    }

    /** Returns this profile, or throws when {@link #addressProblem()} finds one: call before any request is made. */
    public ConnectionProfile requireUsableAddresses() {
        Optional<Problem> problem = addressProblem();
        if (problem.isPresent()) throw new InsecureConnectionException(problem.get());
        return this;
    }

    public boolean hasSecret() {
        return clientSecret != null && !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "ConnectionProfile[" + name + " (" + source + "), " + workspaceUrl + ", " + zerobusEndpoint + ", " + clientId
                + ", secret " + (hasSecret() ? "set" : "not set") + ", you " + you + ", quota " + recordsPerSecondQuota
                + " records/s]";
    }
}
