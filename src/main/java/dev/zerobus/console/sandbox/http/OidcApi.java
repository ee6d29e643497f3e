package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.FaultPlan;
import dev.zerobus.console.sandbox.auth.AuthorizationDetail;
import dev.zerobus.console.sandbox.auth.TokenGrant;
import dev.zerobus.console.sandbox.auth.TokenService;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth for the sandbox: the discovery document databricks-sdk-java reads for M2M, and the client-credentials
 * token endpoint both the SDK and the Zerobus SDKs call (plain {@code all-apis}, or with the Zerobus
 * {@code authorization_details}). Errors follow RFC 6749 ({@code error}, {@code error_description}).
 */
public final class OidcApi {
    private static final Logger LOG = LoggerFactory.getLogger(OidcApi.class);

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
                Route.of("POST", "/oidc/v1/token", this::token));
    }

    private void discovery(HttpExchangeContext request) throws IOException {
        String base = baseUrl.get() + "/oidc";
        request.respond(200, JsonNodeFactory.instance.objectNode()
                .put("issuer", base)
                .put("authorization_endpoint", base + "/v1/authorize")
                .put("token_endpoint", base + "/v1/token")
                .set("grant_types_supported", JsonNodeFactory.instance.arrayNode().add("client_credentials")));
    }

    private void token(HttpExchangeContext request) throws IOException {
        if (faults.takeTokenRejection()) {
            LOG.info("Rejecting a token request with 503 (fault injection)");
            oauthError(request, 503, "temporarily_unavailable", "Injected fault: the token endpoint is unavailable. Retry later.");
            return;
        }
        Map<String, List<String>> form = request.form();
        String[] credentials = clientCredentials(request, form);
        if (credentials == null) {
            oauthError(request, 401, "invalid_client",
                    "No client credentials: send HTTP Basic client_id:client_secret (or client_id and client_secret form fields).");
            return;
        }
        String grantType = first(form, "grant_type");
        if (!"client_credentials".equals(grantType)) {
            oauthError(request, 400, "unsupported_grant_type",
                    "grant_type '" + grantType + "' is not supported; the sandbox issues client_credentials tokens only.");
            return;
        }
        TokenService.Authentication auth = tokens.authenticate(credentials[0], credentials[1]);
        switch (auth) {
            case TokenService.Authentication.UnknownClient u -> oauthError(request, 401, "invalid_client",
                    "Client authentication failed: unknown client_id '" + u.clientId()
                            + "'. Check the client id of the service principal (the sandbox knows "
                            + tokens.principals().stream().map(p -> p.clientId()).sorted().toList() + ").");
            case TokenService.Authentication.WrongSecret w -> oauthError(request, 401, "invalid_client",
                    "Client authentication failed: wrong client secret for client_id '" + w.clientId()
                            + "'. Copy the secret again (the sandbox mints a new one at every start).");
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
