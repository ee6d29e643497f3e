package dev.zerobus.console.sandbox.auth;

import java.time.Instant;
import java.util.List;

/**
 * What an issued access token stands for, and how it was obtained ({@link Type}). The token string itself is never
 * logged; {@link #toString()} leaves it out.
 */
public record TokenGrant(String token, Principal principal, String scope, Instant expiresAt,
                         List<AuthorizationDetail> authorizationDetails, Type type) {
    /**
     * How the token was obtained. REST calls take all three. Zerobus takes OAuth tokens only ("Every Zerobus client
     * authenticates with a short-lived Databricks OAuth token",
     * https://learn.microsoft.com/azure/databricks/ingestion/zerobus-features), issued to a service principal with
     * the table in its authorization_details: a PAT carries no authorization details, so the gRPC side refuses it
     * already, and {@link #isOAuth()} lets it say why.
     */
    public enum Type {
        /** {@code client_credentials} at /oidc/v1/token (a service principal, OAuth M2M). */
        OAUTH_M2M,
        /** {@code authorization_code} or {@code refresh_token} at /oidc/v1/token (a user, OAuth U2M). */
        OAUTH_U2M,
        /** A personal access token ({@code dapi...}), minted by the sandbox for its users. */
        PERSONAL_ACCESS_TOKEN
    }

    public TokenGrant {
        authorizationDetails = List.copyOf(authorizationDetails);
    }

    public TokenGrant(String token, Principal principal, String scope, Instant expiresAt,
                      List<AuthorizationDetail> authorizationDetails) {
        this(token, principal, scope, expiresAt, authorizationDetails, Type.OAUTH_M2M);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** True for OAuth access tokens (M2M or U2M), false for personal access tokens. */
    public boolean isOAuth() {
        return type != Type.PERSONAL_ACCESS_TOKEN;
    }

    /** True when the token was requested with authorization details that allow {@code privilege} on the object. */
    public boolean allows(String objectType, String fullPath, String privilege) {
        return authorizationDetails.stream().anyMatch(d -> d.allows(objectType, fullPath, privilege));
    }

    @Override
    public String toString() {
        return "TokenGrant[principal=" + principal.clientId() + ", type=" + type + ", scope=" + scope + ", expiresAt="
                + expiresAt + ", details=" + authorizationDetails.size() + "]";
    }
}
