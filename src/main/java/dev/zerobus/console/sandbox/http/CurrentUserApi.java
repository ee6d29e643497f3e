package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.auth.Principal;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/2.0/preview/scim/v2/Me}: the token's principal as SCIM
 * (https://docs.databricks.com/api/workspace/currentuser/me), whatever the token (PAT, OAuth U2M or M2M). A user
 * answers with its userName (e-mail) and {@code emails}; a service principal with its application id as
 * {@code userName}, which is also its grantee name in Unity Catalog. Workspace admins are in the {@code admins} group.
 */
final class CurrentUserApi {
    private final BearerAuth auth;

    CurrentUserApi(BearerAuth auth) {
        this.auth = auth;
    }

    List<Route> routes() {
        return List.of(Route.of("GET", "/api/2.0/preview/scim/v2/Me", this::me));
    }

    private void me(HttpExchangeContext request) throws IOException {
        Principal principal = auth.require(request).principal();
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("id", Long.toString(principal.id()))
                .put("userName", principal.clientId())
                .put("displayName", principal.displayName())
                .put("active", true);
        body.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        if (principal.isUser()) {
            body.putArray("emails").addObject().put("type", "work").put("value", principal.clientId()).put("primary", true);
        }
        ArrayNode groups = body.putArray("groups");
        if (principal.admin()) groups.addObject().put("display", "admins").put("type", "direct");
        request.respond(200, body);
    }
}
