package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.auth.ClientSecret;
import dev.zerobus.console.sandbox.auth.Principal;
import dev.zerobus.console.sandbox.auth.TokenService;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * OAuth secrets of service principals, through the workspace-level proxy databricks-sdk-java's
 * ServicePrincipalSecretsProxyAPI calls: {@code /api/2.0/accounts/servicePrincipals/{id}/credentials/secrets[/{secretId}]}
 * with the SCIM id of the principal (https://docs.databricks.com/api/workspace/serviceprincipalsecretsproxy).
 * <ul>
 * <li>Workspace admins only (403 PERMISSION_DENIED otherwise), as for managing service principals.</li>
 * <li>Create returns the secret once; list shows {@code id}, {@code secret_hash}, times and status, never the value.</li>
 * <li>{@code lifetime} is "the lifetime of the secret in seconds" (e.g. {@code "31536000s"}); "if this parameter is
 * not provided, the secret will have a default lifetime of 730 days (63072000s)"
 * (https://docs.databricks.com/api/workspace/serviceprincipalsecretsproxy/create); the sandbox also refuses more.
 * The reference states no limit on the number of secrets; the sandbox allows five per principal (stricter reading) and
 * refuses a sixth with 400 RESOURCE_LIMIT_EXCEEDED.</li>
 * </ul>
 * A new secret works at once at {@code /oidc/v1/token} (client_credentials), so for Zerobus too. Created principals'
 * secrets persist across restarts as salted hashes; the built-in principals get new secrets at every start.
 */
final class ServicePrincipalSecretsApi {
    private static final String BASE = "/api/2.0/accounts/servicePrincipals/(?<id>[^/]+)/credentials/secrets";

    private final BearerAuth auth;
    private final TokenService tokens;

    ServicePrincipalSecretsApi(BearerAuth auth) {
        this.auth = auth;
        this.tokens = auth.tokens();
    }

    List<Route> routes() {
        return List.of(
                Route.of("POST", BASE, this::create),
                Route.of("GET", BASE, this::list),
                Route.of("DELETE", BASE + "/(?<secret>[^/]+)", this::delete));
    }

    private void create(HttpExchangeContext request) throws IOException {
        auth.requireAdmin(request, "create OAuth secrets for service principals");
        Principal principal = principal(request);
        JsonNode body = request.json();
        Duration lifetime = lifetime(body.get("lifetime"));
        TokenService.NewSecret created;
        try {
            created = tokens.createSecret(principal, lifetime);
        } catch (IllegalStateException e) {
            throw new ApiException(400, "RESOURCE_LIMIT_EXCEEDED", e.getMessage());
        }
        ObjectNode node = info(created.info()).put("secret", created.value());
        request.respond(200, node);
    }

    private void list(HttpExchangeContext request) throws IOException {
        auth.requireAdmin(request, "list the OAuth secrets of service principals");
        Principal principal = principal(request);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("secrets");
        tokens.secrets(principal).forEach(s -> list.add(info(s)));
        request.respond(200, body);
    }

    private void delete(HttpExchangeContext request) throws IOException {
        auth.requireAdmin(request, "delete OAuth secrets of service principals");
        Principal principal = principal(request);
        String secretId = request.path("secret");
        if (!tokens.deleteSecret(principal, secretId)) {
            throw ApiException.notFound("Service principal " + principal.id() + " has no secret with id '" + secretId + "'.");
        }
        request.respond(200, JsonNodeFactory.instance.objectNode());
    }

    private Principal principal(HttpExchangeContext request) {
        String id = request.path("id");
        try {
            return tokens.principalById(Long.parseLong(id)).filter(p -> !p.isUser()).orElseThrow(() ->
                    ApiException.notFound("Service principal " + id + " does not exist in this workspace. Use the "
                            + "service principal's SCIM id (the 'id' field of /api/2.0/preview/scim/v2/ServicePrincipals), "
                            + "not its application id."));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("Service principal id '" + id + "' must be the numeric SCIM id (the 'id' field of "
                    + "/api/2.0/preview/scim/v2/ServicePrincipals), not the application id.");
        }
    }

    /** {@code "3600s"} or a bare number of seconds; absent: 730 days. */
    static Duration lifetime(JsonNode node) {
        if (node == null || node.isNull()) return TokenService.MAX_SECRET_LIFETIME;
        String text = node.asText().strip();
        String digits = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
        long seconds;
        try {
            seconds = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("lifetime '" + text + "' must be a number of seconds, e.g. \"3600s\".");
        }
        if (seconds <= 0 || seconds > TokenService.MAX_SECRET_LIFETIME.toSeconds()) {
            throw ApiException.invalid("lifetime must be between 1s and " + TokenService.MAX_SECRET_LIFETIME.toSeconds()
                    + "s (730 days), got " + text + ".");
        }
        return Duration.ofSeconds(seconds);
    }

    private ObjectNode info(ClientSecret s) {
        return JsonNodeFactory.instance.objectNode()
                .put("id", s.id())
                .put("secret_hash", s.shortHash())
                .put("create_time", s.createTime().toString())
                .put("update_time", s.createTime().toString())
                .put("expire_time", s.expireTime().toString())
                .put("status", s.isExpired(tokens.now()) ? "EXPIRED" : "ACTIVE");
    }
}
