package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.metadata.Catalogs.CatalogInfo;
import dev.zerobus.console.sandbox.metadata.Catalogs.SchemaInfo;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import java.io.IOException;
import java.util.List;

/**
 * Unity Catalog catalogs and schemas ({@code /api/2.1/unity-catalog/catalogs}, {@code /schemas}). Lists answer in
 * one page: a sandbox holds a handful of catalogs and schemas.
 */
final class UnityCatalogApi {
    static final String BASE = "/api/2.1/unity-catalog";

    private final UcAccess access;
    private final UcJson json;

    UnityCatalogApi(UcAccess access, UcJson json) {
        this.access = access;
        this.json = json;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", BASE + "/catalogs", this::listCatalogs),
                Route.of("POST", BASE + "/catalogs", this::createCatalog),
                Route.of("GET", BASE + "/catalogs/(?<name>[^/]+)", this::getCatalog),
                Route.of("DELETE", BASE + "/catalogs/(?<name>[^/]+)", this::deleteCatalog),
                Route.of("GET", BASE + "/schemas", this::listSchemas),
                Route.of("POST", BASE + "/schemas", this::createSchema),
                Route.of("GET", BASE + "/schemas/(?<name>[^/]+)", this::getSchema),
                Route.of("DELETE", BASE + "/schemas/(?<name>[^/]+)", this::deleteSchema));
    }

    private WorkspaceState state() {
        return access.state();
    }

    /**
     * "If the caller is the metastore admin, all catalogs will be retrieved. Otherwise, only catalogs owned by the
     * caller (or for which the caller has the USE_CATALOG privilege)" (https://docs.databricks.com/api/workspace/catalogs/list).
     */
    private void listCatalogs(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        boolean metastoreAdmin = access.isMetastoreAdmin(principal);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode catalogs = body.putArray("catalogs");
        for (CatalogInfo c : state().catalogs()) {
            if (metastoreAdmin || access.holdsAny(principal, Securable.catalog(c.name()))) catalogs.add(json.catalog(c));
        }
        request.respond(200, body);
    }

    private void getCatalog(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        CatalogInfo catalog = state().catalog(request.path("name"));
        Securable securable = Securable.catalog(catalog.name());
        if (!access.holdsAny(principal, securable)) throw UcAccess.denied(principal, "USE_CATALOG", securable);
        request.respond(200, json.catalog(catalog));
    }

    /**
     * "Creates a new catalog instance in the parent metastore if the caller is a metastore admin or has the
     * CREATE_CATALOG privilege" (https://docs.databricks.com/api/workspace/catalogs/create). The sandbox's metastore
     * admin is {@code sandbox-admin@localhost}; it keeps no grants on the metastore, so nobody else holds
     * CREATE CATALOG. The creator owns the catalog.
     */
    private void createCatalog(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        if (!access.isMetastoreAdmin(principal)) {
            throw ApiException.permissionDenied("User '" + principal + "' does not have CREATE CATALOG on the metastore "
                    + "(only a metastore admin or a holder of CREATE CATALOG may create catalogs). Fix: ask a metastore "
                    + "admin (" + SandboxPrincipals.ADMIN + " in the sandbox) to create it, or "
                    + "to GRANT CREATE CATALOG ON METASTORE TO `" + principal + "`.");
        }
        JsonNode body = request.json();
        CatalogInfo created = state().createCatalog(requireText(body, "name"), text(body, "comment"), principal);
        request.respond(200, json.catalog(created));
    }

    private void deleteCatalog(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        CatalogInfo catalog = state().catalog(request.path("name"));
        access.requireOwnership(principal, Securable.catalog(catalog.name()));
        state().deleteCatalog(catalog.name(), Boolean.parseBoolean(request.query("force")));
        request.respond(200, JsonNodeFactory.instance.objectNode());
    }

    private void listSchemas(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        String catalogName = request.query("catalog_name");
        if (catalogName == null || catalogName.isBlank()) throw ApiException.invalid("catalog_name is required to list schemas.");
        CatalogInfo catalog = state().catalog(catalogName);
        access.require(principal, Securable.catalog(catalog.name()), "USE_CATALOG");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode schemas = body.putArray("schemas");
        state().schemas(catalog.name()).forEach(s -> schemas.add(json.schema(s)));
        request.respond(200, body);
    }

    private void getSchema(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        SchemaInfo schema = state().schema(twoPartName(request.path("name")));
        access.require(principal, Securable.catalog(schema.catalogName()), "USE_CATALOG");
        request.respond(200, json.schema(schema));
    }

    private void createSchema(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        JsonNode body = request.json();
        CatalogInfo catalog = state().catalog(requireText(body, "catalog_name"));
        Securable securable = Securable.catalog(catalog.name());
        access.require(principal, securable, "USE_CATALOG");
        access.require(principal, securable, "CREATE_SCHEMA");
        SchemaInfo created = state().createSchema(catalog.name(), requireText(body, "name"), text(body, "comment"), principal);
        request.respond(200, json.schema(created));
    }

    private void deleteSchema(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        SchemaInfo schema = state().schema(twoPartName(request.path("name")));
        access.requireOwnership(principal, Securable.schema(schema.fullName()));
        state().deleteSchema(schema.fullName(), Boolean.parseBoolean(request.query("force")));
        request.respond(200, JsonNodeFactory.instance.objectNode());
    }

    static String twoPartName(String fullName) {
        if (fullName.split("\\.", -1).length != 2) {
            throw ApiException.invalid("Schema name '" + fullName + "' must be a full name: catalog.schema.");
        }
        return fullName;
    }

    static String requireText(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) throw ApiException.invalid("Field '" + field + "' is required.");
        return value;
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
