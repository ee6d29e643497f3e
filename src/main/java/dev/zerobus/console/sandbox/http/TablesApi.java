package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.delta.DeltaTableStore;
import dev.zerobus.console.sandbox.metadata.Catalogs.SchemaInfo;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.metadata.MetadataException;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Unity Catalog tables: list (paged), get, create, delete, exists. Managed Delta tables get a real Delta table. */
final class TablesApi {
    /** The page size when the client sends no {@code max_results} or 0, as UC's "server default". */
    static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;
    private static final String BASE = UnityCatalogApi.BASE + "/tables";

    private final UcAccess access;
    private final UcJson json;
    private final DeltaTableStore store;

    TablesApi(UcAccess access, UcJson json, DeltaTableStore store) {
        this.access = access;
        this.json = json;
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, this::list),
                Route.of("POST", BASE, this::create),
                Route.of("GET", BASE + "/(?<name>[^/]+)", this::get),
                Route.of("DELETE", BASE + "/(?<name>[^/]+)", this::delete),
                Route.of("GET", BASE + "/(?<name>[^/]+)/exists", this::exists));
    }

    private WorkspaceState state() {
        return access.state();
    }

    private void list(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        String catalog = request.query("catalog_name");
        String schema = request.query("schema_name");
        if (catalog == null || catalog.isBlank() || schema == null || schema.isBlank()) {
            throw ApiException.invalid("catalog_name and schema_name are both required to list tables.");
        }
        SchemaInfo info = state().schema(catalog + "." + schema);
        access.require(principal, Securable.catalog(info.catalogName()), "USE_CATALOG");
        access.require(principal, Securable.schema(info.fullName()), "USE_SCHEMA");
        int pageSize = pageSize(request.query("max_results"));
        String after = decodeToken(request.query("page_token"));
        List<TableInfo> remaining = state().tables(info.catalogName(), info.name()).stream()
                .filter(t -> after == null || t.name().compareTo(after) > 0).toList();
        List<TableInfo> page = remaining.subList(0, Math.min(pageSize, remaining.size()));
        boolean withColumns = !Boolean.parseBoolean(request.query("omit_columns"));
        boolean withProperties = !Boolean.parseBoolean(request.query("omit_properties"));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode tables = body.putArray("tables");
        page.forEach(t -> tables.add(json.table(t, withColumns, withProperties)));
        if (remaining.size() > page.size()) body.put("next_page_token", encodeToken(page.getLast().name()));
        request.respond(200, body);
    }

    private void get(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        TableInfo table = state().table(threePartName(request.path("name")));
        access.requireTable(principal, table, null);
        request.respond(200, json.table(table, true, true));
    }

    private void exists(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        String fullName = threePartName(request.path("name"));
        String schemaName = fullName.substring(0, fullName.lastIndexOf('.'));
        boolean exists = false;
        if (schemaExists(schemaName)) {
            access.requireParents(principal, Securable.table(fullName));
            exists = state().findTable(fullName).isPresent();
        }
        request.respond(200, JsonNodeFactory.instance.objectNode().put("table_exists", exists));
    }

    private boolean schemaExists(String fullName) {
        try {
            state().schema(fullName);
            return true;
        } catch (MetadataException e) {
            return false;
        }
    }

    /**
     * {@code POST /tables}: the reference (https://docs.databricks.com/api/workspace/tables/create) says the call
     * "only supports creating external Delta tables. Only TABLE_TYPE=EXTERNAL and DATA_SOURCE_FORMAT=DELTA are
     * supported", so a MANAGED (or non-Delta) table is a 400 INVALID_PARAMETER_VALUE; managed tables are created with
     * CREATE TABLE on a SQL warehouse. An EXTERNAL Delta table needs a storage_location inside an external location,
     * and the sandbox has none, so it is refused too (the stricter reading: nothing is created).
     */
    private void create(HttpExchangeContext request) throws IOException {
        access.begin(request);
        JsonNode body = request.json();
        String tableType = upper(UnityCatalogApi.text(body, "table_type"), "");
        String format = upper(UnityCatalogApi.text(body, "data_source_format"), "");
        if (!tableType.equals("EXTERNAL") || !format.equals("DELTA")) {
            throw ApiException.invalid("This API only supports creating external Delta tables: only table_type EXTERNAL and"
                    + " data_source_format DELTA are supported (got table_type " + (tableType.isEmpty() ? "unset" : tableType)
                    + ", data_source_format " + (format.isEmpty() ? "unset" : format) + "). Create a managed table with SQL"
                    + " on a warehouse instead: CREATE TABLE catalog.schema.table (col TYPE, ...) through POST /api/2.0/sql/statements.");
        }
        String location = UnityCatalogApi.text(body, "storage_location");
        throw ApiException.invalid("storage_location " + (location == null || location.isBlank() ? "is required for an external"
                + " table" : "'" + location + "' is not inside an external location") + ", and the sandbox has no external"
                + " locations: it cannot create external tables. Create a managed table with CREATE TABLE through"
                + " POST /api/2.0/sql/statements.");
    }

    private void delete(HttpExchangeContext request) throws IOException {
        String principal = access.begin(request);
        TableInfo table = state().table(threePartName(request.path("name")));
        access.requireOwnership(principal, Securable.table(table.fullName()));
        state().deleteTable(table.fullName());
        if (table.isManagedDelta()) store.delete(table.tableId());
        request.respond(200, JsonNodeFactory.instance.objectNode());
    }

    private static int pageSize(String maxResults) {
        if (maxResults == null || maxResults.isBlank()) return DEFAULT_PAGE_SIZE;
        int value;
        try {
            value = Integer.parseInt(maxResults.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid("max_results '" + maxResults + "' is not a number.");
        }
        if (value < 0) throw ApiException.invalid("max_results must be 0 (server default) or positive, got " + value + ".");
        return value == 0 ? DEFAULT_PAGE_SIZE : Math.min(value, MAX_PAGE_SIZE);
    }

    /** Page tokens are opaque to clients: the name of the last table of the previous page. */
    private static String encodeToken(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        if (token == null || token.isBlank()) return null;
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("page_token '" + token + "' was not issued by this sandbox; start again without it.");
        }
    }

    static String threePartName(String fullName) {
        if (fullName.split("\\.", -1).length != 3) {
            throw ApiException.invalid("Table name '" + fullName + "' must be a full name: catalog.schema.table.");
        }
        return fullName;
    }

    private static String upper(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip().toUpperCase(Locale.ROOT);
    }
}
