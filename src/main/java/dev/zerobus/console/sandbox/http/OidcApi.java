package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.FaultPlan;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.auth.Principal;
import dev.zerobus.console.sandbox.auth.AuthorizationDetail;
import dev.zerobus.console.sandbox.auth.TokenGrant;
import dev.zerobus.console.sandbox.auth.TokenService;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth for the sandbox, at the workspace endpoints Databricks documents
 * (https://docs.databricks.com/aws/en/dev-tools/auth/oauth-u2m, https://docs.databricks.com/aws/en/dev-tools/auth/oauth-m2m):
 * the discovery document, {@code /oidc/v1/authorize} (authorization code with PKCE S256, for U2M), and
 * {@code /oidc/v1/token} with {@code client_credentials} (service principals, M2M; plain {@code all-apis} or with the
 * Zerobus {@code authorization_details}), {@code authorization_code} and {@code refresh_token} (users, U2M). Token
 * errors follow RFC 6749 5.2 ({@code error}, {@code error_description}).
 * <p>
 * Consent: there is no browser sign-in page. The sandbox's "browser session" is its admin user, so a valid authorize
 * request is answered at once with a redirect carrying the code, as Databricks does for a signed-in user who consented
 * to {@code databricks-cli} before. {@code login_hint=analyst@localhost} (OpenID Connect Core 3.1.2.1) signs in as
 * another sandbox user instead. A test completes the consent with a plain HTTP GET that does not follow redirects.
 */
public final class OidcApi {
    private static final Logger LOG = LoggerFactory.getLogger(OidcApi.class);
    /**
     * The public OAuth client the Databricks CLI and SDKs use for U2M ({@code databricks-cli}, OAuthClientUtils in
     * databricks-sdk-java). Databricks registers it with loopback redirect URLs only; it has no secret.
     */
    public static final String PUBLIC_CLIENT = "databricks-cli";
    /** Scopes Databricks workspace OAuth knows (oauth-u2m page; openid/email/profile for ID tokens). */
    private static final Set<String> SCOPES = Set.of("all-apis", "offline_access", "sql", "openid", "email", "profile");

    private final TokenService tokens;
    private final FaultPlan faults;
    private final Supplier<String> baseUrl;

    public OidcApi(TokenService tokens, FaultPlan faults, Supplier<String> baseUrl) {
        this.tokens = tokens;
        this.faults = faults;
        this.baseUrl = baseUrl;
    }

    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/oidc/\\.well-known/oauth-authorization-server", this::discovery),
                Route.of("GET", "/oidc/\\.well-known/openid-configuration", this::discovery),
                Route.of("GET", "/oidc/v1/authorize", this::authorize),
                Route.of("POST", "/oidc/v1/token", this::token));
    }

    private void discovery(HttpExchangeContext request) throws IOException {
        String base = baseUrl.get() + "/oidc";
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("issuer", base)
                .put("authorization_endpoint", base + "/v1/authorize")
                .put("token_endpoint", base + "/v1/token");
        body.putArray("grant_types_supported").add("client_credentials").add("authorization_code").add("refresh_token");
        body.putArray("response_types_supported").add("code");
        body.putArray("code_challenge_methods_supported").add("S256");
        ArrayNode scopes = body.putArray("scopes_supported");
        new TreeSet<>(SCOPES).forEach(scopes::add);
        request.respond(200, body);
    }

    // ---- /oidc/v1/authorize ----

    /**
     * RFC 6749 4.1.1 with RFC 7636 (PKCE). A bad client_id or redirect_uri is answered here (400) and never redirected
     * to (RFC 6749 4.1.2.1); other errors go back to the redirect URI with {@code error} and {@code state}. PKCE is
     * required, and S256 only: the SDK always sends it, and "plain" is the weaker method (stricter reading; the
     * Databricks pages only show S256).
     */
    private void authorize(HttpExchangeContext request) throws IOException {
        String clientId = request.query("client_id");
        if (!PUBLIC_CLIENT.equals(clientId)) {
            oauthError(request, 400, "invalid_client", "Unknown OAuth client_id '" + clientId + "': the sandbox knows the "
                    + "public client '" + PUBLIC_CLIENT + "' (the Databricks CLI's and SDKs' default) only.");
            return;
        }
        String redirectUri = request.query("redirect_uri");
        if (!isLoopbackRedirect(redirectUri)) {
            oauthError(request, 400, "invalid_request", "redirect_uri '" + redirectUri + "' is not registered for '"
                    + PUBLIC_CLIENT + "': use http://localhost:PORT/... or http://127.0.0.1:PORT/... (a loopback callback).");
            return;
        }
        String state = request.query("state");
        String failure = authorizeFailure(request);
        if (failure != null) {
            int colon = failure.indexOf(':');
            redirect(request, redirectUri, Map.of("error", failure.substring(0, colon),
                    "error_description", failure.substring(colon + 1).strip()), state);
            return;
        }
        String hint = request.query("login_hint");
        Principal user = tokens.principal(hint == null || hint.isBlank() ? SandboxPrincipals.ADMIN : hint.strip())
                .filter(Principal::isUser).orElse(null);
        if (user == null) {
            redirect(request, redirectUri, Map.of("error", "access_denied", "error_description",
                    "login_hint '" + hint + "' is no sandbox user (" + SandboxPrincipals.ADMIN + ", "
                            + SandboxPrincipals.ANALYST + ")."), state);
            return;
        }
        String code = tokens.newAuthorizationCode(user, clientId, redirectUri, request.query("code_challenge"),
                request.query("scope")).orElse(null);
        if (code == null) {
            redirect(request, redirectUri, Map.of("error", "temporarily_unavailable", "error_description",
                    "Too many sign-ins are waiting to be completed. Try again in a minute."), state);
            return;
        }
        LOG.debug("Authorization code issued to {} for {}", user.clientId(), clientId);
        redirect(request, redirectUri, Map.of("code", code), state);
    }

    /** "error: description" for the first thing wrong with an authorize request, or null. */
    private static String authorizeFailure(HttpExchangeContext request) {
        if (!"code".equals(request.query("response_type"))) {
            return "unsupported_response_type: response_type must be 'code' (authorization code flow).";
        }
        String state = request.query("state");
        if (state == null || state.isBlank()) return "invalid_request: state is required (CSRF protection).";
        String challenge = request.query("code_challenge");
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            return "invalid_request: code_challenge is required: BASE64URL(SHA256(code_verifier)), 43 characters (PKCE, RFC 7636).";
        }
        if (!"S256".equals(request.query("code_challenge_method"))) {
            return "invalid_request: code_challenge_method must be S256.";
        }
        String scope = request.query("scope");
        if (scope == null || scope.isBlank()) return "invalid_scope: scope is required, e.g. 'all-apis offline_access'.";
        for (String s : scope.strip().split("\\s+")) {
            if (!SCOPES.contains(s)) return "invalid_scope: unknown scope '" + s + "'; known: " + new TreeSet<>(SCOPES) + ".";
        }
        return null;
    }

    static boolean isLoopbackRedirect(String uri) {
        if (uri == null) return false;
        try {
            URI parsed = new URI(uri);
            return "http".equals(parsed.getScheme()) && parsed.getPort() > 0 && parsed.getRawFragment() == null
                    && ("localhost".equals(parsed.getHost()) || "127.0.0.1".equals(parsed.getHost()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void redirect(HttpExchangeContext request, String redirectUri, Map<String, String> params, String state)
            throws IOException {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        Map<String, String> all = new LinkedHashMap<>(params);
        if (state != null) all.put("state", state);
        all.forEach((k, v) -> location.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        location.setLength(location.length() - 1);
        request.redirect(location.toString());
    }

    // ---- /oidc/v1/token ----

    private void token(HttpExchangeContext request) throws IOException {
        if (faults.takeTokenRejection()) {
            LOG.info("Rejecting a token request with 503 (fault injection)");
            oauthError(request, 503, "temporarily_unavailable", "Injected fault: the token endpoint is unavailable. Retry later.");
            return;
        }
        Map<String, List<String>> form = request.form();
        String grantType = first(form, "grant_type");
        if ("authorization_code".equals(grantType)) {
            authorizationCode(request, form);
            return;
        }
        if ("refresh_token".equals(grantType)) {
            refreshToken(request, form);
            return;
        }
        String[] credentials = clientCredentials(request, form);
        if (credentials == null) {
            oauthError(request, 401, "invalid_client",
                    "No client credentials: send HTTP Basic client_id:client_secret (or client_id and client_secret form fields).");
            return;
        }
        if (!"client_credentials".equals(grantType)) {
            oauthError(request, 400, "unsupported_grant_type", "grant_type '" + grantType + "' is not supported; the "
                    + "sandbox issues client_credentials, authorization_code and refresh_token tokens.");
            return;
        }
        TokenService.Authentication auth = tokens.authenticate(credentials[0], credentials[1]);
        switch (auth) {
            case TokenService.Authentication.UnknownClient u -> oauthError(request, 401, "invalid_client",
                    "Client authentication failed: unknown client_id '" + u.clientId()
                            + "'. Check the client id (application id) of the service principal (the sandbox knows "
                            + tokens.servicePrincipals().stream().map(p -> p.clientId()).sorted().toList() + ").");
            case TokenService.Authentication.WrongSecret w -> oauthError(request, 401, "invalid_client",
                    "Client authentication failed: wrong client secret for client_id '" + w.clientId()
                            + "' (or it expired). Copy the secret again (the sandbox mints new ones for its built-in "
                            + "principals at every start).");
            case TokenService.Authentication.NoSecret n -> oauthError(request, 401, "invalid_client",
                    "Client authentication failed: service principal '" + n.clientId() + "' has no OAuth secret. Create "
                            + "one (POST /api/2.0/accounts/servicePrincipals/{id}/credentials/secrets, as a workspace admin).");
            case TokenService.Authentication.Accepted accepted -> {
                List<AuthorizationDetail> details;
                try {
                    details = authorizationDetails(first(form, "authorization_details"));
                } catch (IllegalArgumentException e) {
                    oauthError(request, 400, "invalid_request", e.getMessage());
                    return;
                }
                String scope = first(form, "scope");
                TokenGrant grant = tokens.issue(accepted.principal(), scope == null ? "all-apis" : scope, details);
                LOG.debug("Issued a token to {} with {} authorization details", accepted.principal().clientId(), details.size());
                ObjectNode body = JsonNodeFactory.instance.objectNode()
                        .put("access_token", grant.token())
                        .put("token_type", "Bearer")
                        .put("expires_in", tokens.tokenLifetime().toSeconds())
                        .put("scope", grant.scope());
                request.respond(200, body);
            }
        }
    }

    /**
     * RFC 6749 4.1.3 with RFC 7636 4.5-4.6: the code is single-use and short-lived ({@link TokenService#CODE_LIFETIME}),
     * bound to the client and the redirect URI it was issued for, and needs the code_verifier of its challenge. Any
     * mismatch is {@code invalid_grant} (RFC 6749 5.2). Authorization details are ignored for this grant, as
     * Databricks documents (https://docs.databricks.com/aws/en/dev-tools/auth/oauth-authorization-details).
     */
    private void authorizationCode(HttpExchangeContext request, Map<String, List<String>> form) throws IOException {
        String clientId = first(form, "client_id");
        if (!PUBLIC_CLIENT.equals(clientId)) {
            oauthError(request, 401, "invalid_client", "client_id '" + clientId + "' is not an OAuth client of the sandbox; "
                    + "user sign-in uses the public client '" + PUBLIC_CLIENT + "'.");
            return;
        }
        var pending = tokens.redeemCode(first(form, "code")).orElse(null);
        if (pending == null) {
            oauthError(request, 400, "invalid_grant", "The authorization code is unknown or was already used: codes are "
                    + "single-use. Sign in again.");
            return;
        }
        String problem = null;
        if (!tokens.now().isBefore(pending.expiresAt())) {
            problem = "The authorization code expired at " + pending.expiresAt() + " (codes live "
                    + TokenService.CODE_LIFETIME.toSeconds() + " s). Sign in again.";
        } else if (!pending.clientId().equals(clientId)) {
            problem = "The authorization code was issued to another client.";
        } else if (!pending.redirectUri().equals(first(form, "redirect_uri"))) {
            problem = "redirect_uri does not match the one of the authorize request.";
        } else if (!TokenService.verifierMatches(first(form, "code_verifier"), pending.codeChallenge())) {
            problem = "code_verifier is missing or does not match the code_challenge (PKCE S256).";
        }
        if (problem != null) {
            oauthError(request, 400, "invalid_grant", problem);
            return;
        }
        respondUserTokens(request, tokens.issueUserTokens(pending.user(), clientId, pending.scope()));
    }

    /**
     * RFC 6749 6. A refresh token belongs to the client it was issued to; a public client may omit its client_id
     * (databricks-sdk-java does, after a browser sign-in). Each refresh token is single-use and the answer carries a
     * new one (rotation): Databricks does not document reuse, so the stricter reading.
     */
    private void refreshToken(HttpExchangeContext request, Map<String, List<String>> form) throws IOException {
        var refresh = tokens.redeemRefreshToken(first(form, "refresh_token")).orElse(null);
        if (refresh == null) {
            oauthError(request, 400, "invalid_grant", "The refresh token is unknown or was already used (they are "
                    + "single-use, and do not survive a sandbox restart). Sign in again.");
            return;
        }
        String clientId = first(form, "client_id");
        if (clientId != null && !clientId.equals(refresh.clientId())) {
            oauthError(request, 400, "invalid_grant", "The refresh token was issued to another client.");
            return;
        }
        respondUserTokens(request, tokens.issueUserTokens(refresh.user(), refresh.clientId(), refresh.scope()));
    }

    private void respondUserTokens(HttpExchangeContext request, TokenService.UserTokens issued) throws IOException {
        LOG.debug("Issued a U2M token to {}", issued.access().principal().clientId());
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("access_token", issued.access().token())
                .put("token_type", "Bearer")
                .put("expires_in", tokens.tokenLifetime().toSeconds())
                .put("scope", issued.access().scope());
        if (issued.refreshToken() != null) body.put("refresh_token", issued.refreshToken());
        request.respond(200, body);
    }

    private static String[] clientCredentials(HttpExchangeContext request, Map<String, List<String>> form) {
        String header = request.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) return null;
            // RFC 6749 2.3.1: both parts are form-urlencoded before Basic encoding.
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        }
        String id = first(form, "client_id");
        return id == null ? null : new String[] {id, first(form, "client_secret")};
    }

    static List<AuthorizationDetail> authorizationDetails(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        JsonNode node;
        try {
            node = HttpExchangeContext.JSON.readTree(raw);
        } catch (IOException e) {
            throw new IllegalArgumentException("authorization_details is not valid JSON: " + e.getMessage());
        }
        if (!node.isArray()) throw new IllegalArgumentException("authorization_details must be a JSON list.");
        List<AuthorizationDetail> details = new ArrayList<>();
        for (JsonNode d : node) {
            List<String> privileges = new ArrayList<>();
            d.path("privileges").forEach(p -> privileges.add(p.asText()));
            details.add(new AuthorizationDetail(d.path("type").asText(), d.path("object_type").asText(),
                    d.path("object_full_path").asText(), privileges));
        }
        return details;
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> values = form.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static void oauthError(HttpExchangeContext request, int status, String error, String description) throws IOException {
        request.respond(status, JsonNodeFactory.instance.objectNode().put("error", error).put("error_description", description));
    }
}
