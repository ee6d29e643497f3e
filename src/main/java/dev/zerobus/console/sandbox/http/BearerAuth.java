package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.sandbox.auth.TokenGrant;
import dev.zerobus.console.sandbox.auth.TokenService;

/** Checks the bearer token of a REST call and says exactly what is wrong with it. */
public final class BearerAuth {
    private final TokenService tokens;

    public BearerAuth(TokenService tokens) {
        this.tokens = tokens;
    }

    /** The grant behind the request's token, or an HTTP 401 in Databricks' shape. */
    public TokenGrant require(HttpExchangeContext request) {
        return switch (tokens.lookup(request.header("Authorization"))) {
            case TokenService.Lookup.Valid v -> v.grant();
            case TokenService.Lookup.Missing m -> throw ApiException.unauthenticated(
                    "No access token: send 'Authorization: Bearer <token>' (get one from /oidc/v1/token with the client credentials).");
            case TokenService.Lookup.Unknown u -> throw ApiException.unauthenticated(
                    "Invalid access token: the sandbox did not issue it (tokens do not survive a sandbox restart). Request a new token.");
            case TokenService.Lookup.Expired e -> throw ApiException.unauthenticated(
                    "Access token expired at " + e.expiredAt() + ". Request a new token.");
        };
    }
}
