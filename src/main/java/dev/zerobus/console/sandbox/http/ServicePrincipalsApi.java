package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.auth.Principal;
import dev.zerobus.console.sandbox.auth.TokenService;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SCIM service principals of the workspace, at the paths databricks-sdk-java's ServicePrincipalsAPI calls
 * ({@code /api/2.0/preview/scim/v2/ServicePrincipals[/{id}]}; https://docs.databricks.com/api/workspace/serviceprincipals):
 * list (with {@code filter}, {@code startIndex}, {@code count}), get, create, patch (displayName), delete.
 * <ul>
 * <li>Reading is open to every workspace principal, as the SCIM list is on Databricks; creating, changing and deleting
 * need a workspace admin (workspace admins manage a workspace's service principals,
 * https://docs.databricks.com/aws/en/admin/users-groups/manage-service-principals).</li>
 * <li>Create needs a {@code displayName}; the application id is a new UUID (an {@code applicationId} in the request is
 * refused: on AWS and GCP Databricks generates it). Display names may hold spaces — the Databricks CLI reference
 * creates "My Service Principal" (https://docs.databricks.com/aws/en/dev-tools/cli/reference/service-principals-commands)
 * — but not control characters, and at most 255 characters. The docs do not say whether two service principals may
 * share a display name; the sandbox refuses it (409), the stricter reading, so that a name picks one principal.</li>
 * <li>Errors have the SCIM shape Databricks answers with:
 * {@code {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"...","status":"403"}}.</li>
 * </ul>
 * The built-in principals (sandbox-sp, no-grants-sp) are listed but cannot be deleted or renamed: the sandbox needs
 * them. Created ones persist in the data dir (principals.json).
 */
final class ServicePrincipalsApi {
    static final String BASE = "/api/2.0/preview/scim/v2/ServicePrincipals";
    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal";
    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final int MAX_NAME = 255;
    /** {@code attribute op "value"}: the filter forms the console and the SDK examples use. */
    private static final Pattern FILTER = Pattern.compile("\\s*(\\w+)\\s+(eq|co|sw)\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*",
            Pattern.CASE_INSENSITIVE);

    private final BearerAuth auth;
    private final TokenService tokens;

    ServicePrincipalsApi(BearerAuth auth) {
        this.auth = auth;
        this.tokens = auth.tokens();
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, this::list),
                Route.of("POST", BASE, this::create),
                Route.of("GET", BASE + "/(?<id>[^/]+)", this::get),
                Route.of("PATCH", BASE + "/(?<id>[^/]+)", this::patch),
                Route.of("DELETE", BASE + "/(?<id>[^/]+)", this::delete));
    }

    private void list(HttpExchangeContext request) throws IOException {
        if (!authenticated(request)) return;
        Predicate<Principal> filter;
        try {
            filter = filter(request.query("filter"));
        } catch (IllegalArgumentException e) {
            scimError(request, 400, e.getMessage(), "invalidFilter");
            return;
        }
        long start = Math.max(1, number(request.query("startIndex"), 1));
        long count = Math.max(0, number(request.query("count"), 10_000));
        List<Principal> matching = tokens.servicePrincipals().stream().filter(filter).toList();
        List<Principal> page = matching.stream().skip(start - 1).limit(count).toList();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        body.put("totalResults", matching.size()).put("startIndex", start).put("itemsPerPage", page.size());
        ArrayNode resources = body.putArray("Resources");
        page.forEach(p -> resources.add(json(p)));
        request.respond(200, body);
    }

    private void get(HttpExchangeContext request) throws IOException {
        if (!authenticated(request)) return;
        Principal principal = find(request);
        if (principal == null) return;
        request.respond(200, json(principal));
    }

    private void create(HttpExchangeContext request) throws IOException {
        if (!admin(request, "add service principals")) return;
        JsonNode body = request.json();
        if (body.hasNonNull("applicationId")) {
            scimError(request, 400, "applicationId is generated by the workspace: leave it out.", "invalidValue");
            return;
        }
        String name = body.path("displayName").asText(null);
        String problem = nameProblem(name);
        if (problem != null) {
            scimError(request, 400, problem, "invalidValue");
            return;
        }
        String displayName = name.strip();
        synchronized (tokens) {
            if (taken(displayName, null)) {
                scimError(request, 409, "A service principal named '" + displayName + "' already exists. Pick it, or "
                        + "choose another name.", "uniqueness");
                return;
            }
            request.respond(201, json(tokens.createServicePrincipal(displayName)));
        }
    }

    /** SCIM PATCH (RFC 7644 3.5.2) with {@code replace} of {@code displayName}, the one change the console makes. */
    private void patch(HttpExchangeContext request) throws IOException {
        Principal principal = changeable(request, "change", "changed");
        if (principal == null) return;
        JsonNode body = request.json();
        JsonNode operations = body.path("Operations");
        if (!operations.isArray() || operations.isEmpty()) {
            scimError(request, 400, "Send {\"schemas\":[\"" + PATCH_SCHEMA + "\"],\"Operations\":[{\"op\":\"replace\","
                    + "\"path\":\"displayName\",\"value\":\"new name\"}]}.", "invalidSyntax");
            return;
        }
        String newName = null;
        for (JsonNode op : operations) {
            if (!"replace".equalsIgnoreCase(op.path("op").asText()) || !"displayName".equals(op.path("path").asText())) {
                scimError(request, 400, "The sandbox supports only {\"op\":\"replace\",\"path\":\"displayName\"}, not "
                        + op + ".", "invalidPath");
                return;
            }
            newName = op.path("value").asText(null);
        }
        String problem = nameProblem(newName);
        if (problem != null) {
            scimError(request, 400, problem, "invalidValue");
            return;
        }
        synchronized (tokens) {
            if (taken(newName.strip(), principal)) {
                scimError(request, 409, "A service principal named '" + newName.strip() + "' already exists.", "uniqueness");
                return;
            }
            tokens.rename(principal, newName.strip());
        }
        request.respond(204, "application/json", new byte[0]);
    }

    private void delete(HttpExchangeContext request) throws IOException {
        Principal principal = changeable(request, "delete", "deleted");
        if (principal == null) return;
        tokens.deleteServicePrincipal(principal);
        request.respond(204, "application/json", new byte[0]);
    }

    /**
     * The principal a PATCH or DELETE names, when the caller is an admin and it is not built into the sandbox; null
     * once the SCIM error is sent ({@code verb} "change", {@code done} "changed" name the action in the messages).
     */
    private Principal changeable(HttpExchangeContext request, String verb, String done) throws IOException {
        if (!admin(request, verb + " service principals")) return null;
        Principal principal = find(request);
        if (principal == null) return null;
        if (tokens.isBuiltIn(principal)) {
            scimError(request, 400, "'" + principal.clientId() + "' is built into the sandbox and cannot be " + done + ".", "mutability");
            return null;
        }
        return principal;
    }

    private boolean authenticated(HttpExchangeContext request) throws IOException {
        try {
            auth.require(request);
            return true;
        } catch (ApiException e) {
            scimError(request, e.status(), e.getMessage(), null);
            return false;
        }
    }

    private boolean admin(HttpExchangeContext request, String what) throws IOException {
        try {
            auth.requireAdmin(request, what);
            return true;
        } catch (ApiException e) {
            scimError(request, e.status(), e.getMessage(), null);
            return false;
        }
    }

    private Principal find(HttpExchangeContext request) throws IOException {
        String id = request.path("id");
        Principal principal = null;
        try {
            principal = tokens.principalById(Long.parseLong(id)).filter(p -> !p.isUser()).orElse(null);
        } catch (NumberFormatException ignored) {
            // not an id the workspace issued
        }
        if (principal == null) scimError(request, 404, "Service principal with id " + id + " not found.", null);
        return principal;
    }

    private boolean taken(String displayName, Principal except) {
        return tokens.servicePrincipals().stream()
                .anyMatch(p -> p.displayName().equalsIgnoreCase(displayName) && (except == null || p.id() != except.id()));
    }

    static String nameProblem(String name) {
        if (name == null || name.isBlank()) return "displayName is required, e.g. \"zerobus-ingest\".";
        if (name.strip().length() > MAX_NAME) return "displayName is longer than " + MAX_NAME + " characters.";
        if (name.chars().anyMatch(Character::isISOControl)) return "displayName must not contain control characters.";
        return null;
    }

    static Predicate<Principal> filter(String filter) {
        if (filter == null || filter.isBlank()) return p -> true;
        Matcher m = FILTER.matcher(filter);
        if (!m.matches()) {
            throw new IllegalArgumentException("Filter '" + filter + "' is not supported by the sandbox: use "
                    + "displayName|applicationId|id eq|co|sw \"value\", e.g. displayName eq \"zerobus-ingest\".");
        }
        String attribute = m.group(1).toLowerCase(Locale.ROOT);
        String op = m.group(2).toLowerCase(Locale.ROOT);
        String value = m.group(3).replaceAll("\\\\(.)", "$1").toLowerCase(Locale.ROOT);
        Function<Principal, String> field = switch (attribute) {
            case "displayname" -> Principal::displayName;
            case "applicationid" -> Principal::clientId;
            case "id" -> p -> Long.toString(p.id());
            default -> throw new IllegalArgumentException("Filter attribute '" + m.group(1) + "' is not supported: use "
                    + "displayName, applicationId or id.");
        };
        // SCIM string comparisons are case-insensitive unless the attribute says otherwise (RFC 7644 3.4.2.2).
        return p -> {
            String actual = field.apply(p).toLowerCase(Locale.ROOT);
            return switch (op) {
                case "eq" -> actual.equals(value);
                case "co" -> actual.contains(value);
                default -> actual.startsWith(value);
            };
        };
    }

    static ObjectNode json(Principal p) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("id", Long.toString(p.id()))
                .put("applicationId", p.clientId())
                .put("displayName", p.displayName())
                .put("active", true);
        node.putArray("schemas").add(SCHEMA);
        return node;
    }

    private static long number(String value, long fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("'" + value + "' is not a number.");
        }
    }

    static void scimError(HttpExchangeContext request, int status, String detail, String scimType) throws IOException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("detail", detail).put("status", Integer.toString(status));
        if (scimType != null) body.put("scimType", scimType);
        request.respond(status, body);
    }
}
