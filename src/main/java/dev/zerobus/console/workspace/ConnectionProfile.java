package dev.zerobus.console.workspace;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where and as whom to connect, with two identities: {@code you} (the person: browsing, set-up, grants, read-back;
 * see {@link UserAuth}) and "Ingest as" ({@code clientId} + {@code clientSecret}: the service principal's OAuth M2M
 * client that Zerobus needs). Either may be the same principal ({@link UserAuth#servicePrincipal()}); a profile may
 * also have only "You" (no client id yet: set-up creates one). {@code clientSecret} may be null when it is to be
 * asked for. {@link #toString()} never shows the secret or the token.
 */
public record ConnectionProfile(String name, Source source, String workspaceUrl, String zerobusEndpoint, String clientId,
                                @Nullable Secret clientSecret, UserAuth you) {
    /** Where a profile comes from; only SAVED profiles are written by the console. */
    public enum Source { SANDBOX, DATABRICKS_CFG, ENVIRONMENT, SAVED }

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        workspaceUrl = workspaceUrl == null ? "" : workspaceUrl.strip();
        zerobusEndpoint = zerobusEndpoint == null ? "" : zerobusEndpoint.strip();
        clientId = clientId == null ? "" : clientId.strip();
        you = you == null ? UserAuth.servicePrincipal() : you;
    }

    /** A profile whose service principal is "You" as well (the console's profiles before it knew two identities). */
    public ConnectionProfile(String name, Source source, String workspaceUrl, String zerobusEndpoint, String clientId,
                             @Nullable Secret clientSecret) {
        this(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, UserAuth.servicePrincipal());
    }

    public ConnectionProfile withSecret(@Nullable Secret secret) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, clientId, secret, you);
    }

    public ConnectionProfile withName(String newName, Source newSource) {
        return new ConnectionProfile(newName, newSource, workspaceUrl, zerobusEndpoint, clientId, clientSecret, you);
    }

    /** The same profile signing in as {@code value} for "You". */
    public ConnectionProfile withYou(UserAuth value) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, clientId, clientSecret, value);
    }

    /** The same profile ingesting as another service principal (e.g. the one set-up just created). */
    public ConnectionProfile withIngestAs(String newClientId, @Nullable Secret secret) {
        return new ConnectionProfile(name, source, workspaceUrl, zerobusEndpoint, newClientId, secret, you);
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

    public boolean hasSecret() {
        return clientSecret != null && !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "ConnectionProfile[" + name + " (" + source + "), " + workspaceUrl + ", " + zerobusEndpoint + ", " + clientId
                + ", secret " + (hasSecret() ? "set" : "not set") + ", you " + you + "]";
    }
}
