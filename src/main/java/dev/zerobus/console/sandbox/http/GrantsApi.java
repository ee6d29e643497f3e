package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import dev.zerobus.console.sandbox.metadata.WorkspaceState.EffectivePrivilege;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Unity Catalog grants: {@code /permissions/{type}/{full_name}} (GET, PATCH) and
 * {@code /effective-permissions/{type}/{full_name}}. A principal may always read its own grants (as
 * {@code SHOW GRANTS `me` ON ...}); reading everyone's needs a privilege on the object.
 */
final class GrantsApi {
    private static final String OBJECT = "/(?<type>[^/]+)/(?<name>[^/]+)";

    private final UcAccess access;

    GrantsApi(UcAccess access) {
        this.access = access;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", UnityCatalogApi.BASE + "/permissions" + OBJECT, this::get),
                Route.of("PATCH", UnityCatalogApi.BASE + "/permissions" + OBJECT, this::update),
                Route.of("GET", UnityCatalogApi.BASE + "/effective-permissions" + OBJECT, this::effective));
    }

    private WorkspaceState state() {
        return access.state();
    }

    private void get(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        Securable securable = securable(request);
        String filter = request.query("principal");
        requireReadable(principal, securable, filter);
        request.respond(200, assignments(securable, filter));
    }

    private void update(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        Securable securable = securable(request);
        state().grants(securable);
        access.requireOwnership(principal, securable);
        JsonNode changes = request.json().path("changes");
        if (!changes.isArray()) throw ApiException.invalid("Field 'changes' must be a list of {principal, add, remove}.");
        for (JsonNode change : changes) {
            String grantee = UnityCatalogApi.requireText(change, "principal");
            state().updateGrants(securable, grantee, strings(change.path("add")), strings(change.path("remove")));
        }
        request.respond(200, assignments(securable, null));
    }

    private void effective(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        Securable securable = securable(request);
        String filter = request.query("principal");
        requireReadable(principal, securable, filter);
        Set<String> principals = new TreeSet<>();
        if (filter != null && !filter.isBlank()) {
            principals.add(filter);
        } else {
            for (Securable s = securable; s != null; s = s.parent()) {
                principals.addAll(state().grants(s).keySet());
                principals.add(access.owner(s));
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("privilege_assignments");
        for (String p : principals) {
            List<EffectivePrivilege> privileges = state().effectivePrivileges(p, securable);
            if (privileges.isEmpty()) continue;
            ArrayNode out = list.addObject().put("principal", p).putArray("privileges");
            for (EffectivePrivilege e : privileges) {
                ObjectNode node = out.addObject().put("privilege", e.privilege());
                if (e.inheritedFrom() != null) {
                    node.put("inherited_from_type", e.inheritedFrom().type().name())
                            .put("inherited_from_name", e.inheritedFrom().fullName());
                }
            }
        }
        request.respond(200, body);
    }

    /** USE CATALOG / USE SCHEMA on the parents, and, unless reading one's own grants, a privilege on the object. */
    private void requireReadable(String principal, Securable securable, String filter) {
        state().grants(securable);
        access.requireParents(principal, securable);
        if (principal.equals(filter) || access.holdsAny(principal, securable)) return;
        String privilege = switch (securable.type()) {
            case CATALOG -> "USE_CATALOG";
            case SCHEMA -> "USE_SCHEMA";
            case TABLE -> "SELECT";
        };
        throw UcAccess.denied(principal, privilege, securable);
    }

    private ObjectNode assignments(Securable securable, String filter) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("privilege_assignments");
        for (Map.Entry<String, Set<String>> e : state().grants(securable).entrySet()) {
            if (filter != null && !filter.isBlank() && !filter.equals(e.getKey())) continue;
            ArrayNode privileges = list.addObject().put("principal", e.getKey()).putArray("privileges");
            new TreeSet<>(e.getValue()).forEach(privileges::add);
        }
        return body;
    }

    private static Securable securable(HttpExchangeContext request) {
        return new Securable(Securable.Type.parse(request.path("type")), request.path("name"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
