package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.auth.Principal;
import dev.zerobus.console.sandbox.auth.TokenGrant;
import dev.zerobus.console.sandbox.auth.TokenService;

/**
 * Checks the bearer token of a REST call and says exactly what is wrong with it. OAuth access tokens (M2M and U2M)
 * and personal access tokens authenticate REST calls alike, as on Databricks
 * (https://docs.databricks.com/aws/en/dev-tools/auth/pat: "Authorization: Bearer &lt;token&gt;").
 */
public final class BearerAuth {
    private final TokenService tokens;

    public BearerAuth(TokenService tokens) {
        this.tokens = tokens;
    }

    TokenService tokens() {
        return tokens;
    }

    /** The grant behind the request's token, or an HTTP 401 in Databricks' shape. */
    public TokenGrant require(HttpExchangeContext request) {
        return switch (tokens.lookup(request.header("Authorization"))) {
            case TokenService.Lookup.Valid v -> v.grant();
            case TokenService.Lookup.Missing m -> throw ApiException.unauthenticated(
                    "No access token: send 'Authorization: Bearer <token>' with a personal access token or an OAuth "
                            + "access token (from /oidc/v1/token).");
            case TokenService.Lookup.Unknown u -> throw ApiException.unauthenticated(
                    "Invalid access token: the sandbox did not issue it (tokens do not survive a sandbox restart; the "
                            + "sandbox prints its users' new personal access tokens at each start). Request a new token.");
            case TokenService.Lookup.Expired e -> throw ApiException.unauthenticated(
                    "Access token expired at " + e.expiredAt() + ". Request a new token.");
        };
    }

    /**
     * The grant of a workspace admin, else 401 (no or bad token) or 403 PERMISSION_DENIED. Workspace admins manage
     * identities (https://docs.databricks.com/aws/en/admin/users-groups/manage-service-principals); the sandbox has
     * one, {@link SandboxPrincipals#ADMIN}.
     */
    public TokenGrant requireAdmin(HttpExchangeContext request, String what) {
        TokenGrant grant = require(request);
        if (!grant.principal().admin()) {
            throw ApiException.permissionDenied("'" + grant.principal().clientId() + "' is not a workspace admin: only "
                    + "an admin may " + what + ". Use the admin user's token (" + SandboxPrincipals.ADMIN
                    + ", 'userToken' in the sandbox's JSON line).");
        }
        return grant;
    }

    /** True if {@code name} is a principal that is a workspace and metastore admin. */
    boolean isAdmin(String name) {
        return tokens.principal(name).map(Principal::admin).orElse(false);
    }
}
