package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.http.StatementResult.Chunk;
import dev.zerobus.console.sandbox.http.StatementResult.Column;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Statement Execution API subset ({@code /api/2.0/sql/statements}) and the one warehouse it runs on. Statements
 * run synchronously (they read one local table), so every answer is final: SUCCEEDED or FAILED, INLINE JSON_ARRAY.
 * A failed statement is HTTP 200 with {@code status.state=FAILED}, as on Databricks. Thread-safe.
 */
final class SqlStatementApi {
    static final String WAREHOUSE_ID = "sandbox";
    private static final String BASE = "/api/2.0/sql/statements";
    /** Results stay fetchable for the latest statements only; a sandbox is not a result cache. */
    private static final int KEPT_STATEMENTS = 100;

    private record Stored(String owner, StatementResult result) {}

    private final UcAccess access;
    private final StatementExecutor executor;
    private final Map<String, Stored> statements = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > KEPT_STATEMENTS;
        }
    };

    SqlStatementApi(UcAccess access, StatementExecutor executor) {
        this.access = access;
        this.executor = executor;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", "/api/2.0/sql/warehouses", this::listWarehouses),
                Route.of("GET", "/api/2.0/sql/warehouses/(?<id>[^/]+)", this::getWarehouse),
                Route.of("POST", BASE, this::execute),
                Route.of("GET", BASE + "/(?<id>[^/]+)", this::get),
                Route.of("GET", BASE + "/(?<id>[^/]+)/result/chunks/(?<chunk>\\d+)", this::chunk),
                Route.of("POST", BASE + "/(?<id>[^/]+)/cancel", this::cancel));
    }

    private void listWarehouses(HttpExchangeContext request) throws IOException {
        access.authenticate(request);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("warehouses").add(warehouse());
        request.respond(200, body);
    }

    private void getWarehouse(HttpExchangeContext request) throws IOException {
        access.authenticate(request);
        requireWarehouse(request.path("id"));
        request.respond(200, warehouse());
    }

    private static ObjectNode warehouse() {
        return JsonNodeFactory.instance.objectNode().put("id", WAREHOUSE_ID).put("name", "Sandbox warehouse")
                .put("state", "RUNNING").put("cluster_size", "2X-Small").put("warehouse_type", "PRO")
                .put("enable_serverless_compute", true).put("num_clusters", 1).put("min_num_clusters", 1)
                .put("max_num_clusters", 1).put("auto_stop_mins", 0).put("creator_name", SandboxPrincipals.ADMIN);
    }

    private static void requireWarehouse(String id) {
        if (!WAREHOUSE_ID.equals(id)) {
            throw ApiException.notFound("Warehouse '" + id + "' does not exist. The sandbox has one warehouse, id '"
                    + WAREHOUSE_ID + "' (GET /api/2.0/sql/warehouses).");
        }
    }

    private void execute(HttpExchangeContext request) throws IOException {
        String principal = access.authenticate(request);
        JsonNode body = request.json();
        String warehouse = UnityCatalogApi.text(body, "warehouse_id");
        if (warehouse == null || warehouse.isBlank()) throw ApiException.invalid("warehouse_id is required (the sandbox's is '" + WAREHOUSE_ID + "').");
        requireWarehouse(warehouse);
        String sql = UnityCatalogApi.requireText(body, "statement");
        StatementResult result = unsupportedOption(body);
        if (result == null) {
            result = executor.execute(principal, sql, UnityCatalogApi.text(body, "catalog"), UnityCatalogApi.text(body, "schema"),
                    body.path("row_limit").asLong(0));
        }
        String id = UUID.randomUUID().toString();
        synchronized (statements) {
            statements.put(id, new Stored(principal, result));
        }
        request.respond(200, response(id, result));
    }

    /** Options the sandbox does not serve become a FAILED statement that says what to send instead. */
    private static StatementResult unsupportedOption(JsonNode body) {
        String format = upper(UnityCatalogApi.text(body, "format"), "JSON_ARRAY");
        String disposition = upper(UnityCatalogApi.text(body, "disposition"), "INLINE");
        if (!format.equals("JSON_ARRAY")) {
            return new StatementResult.Failed("BAD_REQUEST", "format " + format
                    + " is not supported by the sandbox; use format JSON_ARRAY (the default).", null);
        }
        if (!disposition.equals("INLINE")) {
            return new StatementResult.Failed("BAD_REQUEST", "disposition " + disposition
                    + " is not supported by the sandbox; use disposition INLINE (the default): results are returned in the response.", null);
        }
        if (body.path("parameters").size() > 0) {
            return new StatementResult.Failed("BAD_REQUEST",
                    "Statement parameters are not supported by the sandbox; write the literal into the statement.", null);
        }
        return null;
    }

    private void get(HttpExchangeContext request) throws IOException {
        String principal = access.authenticate(request);
        String id = request.path("id");
        request.respond(200, response(id, stored(principal, id).result()));
    }

    private void chunk(HttpExchangeContext request) throws IOException {
        String principal = access.authenticate(request);
        String id = request.path("id");
        if (!(stored(principal, id).result() instanceof StatementResult.Succeeded ok)) {
            throw ApiException.invalid("Statement " + id + " did not succeed, so it has no result chunks.");
        }
        int index = Integer.parseInt(request.path("chunk"));
        if (index >= ok.chunks().size()) {
            throw ApiException.invalid("Chunk " + index + " does not exist: statement " + id + " has "
                    + ok.chunks().size() + " chunk(s), numbered from 0.");
        }
        request.respond(200, chunkJson(id, ok, index));
    }

    /** Statements finish before the execute call returns, so there is nothing left to cancel. */
    private void cancel(HttpExchangeContext request) throws IOException {
        String principal = access.authenticate(request);
        stored(principal, request.path("id"));
        request.respond(200, JsonNodeFactory.instance.objectNode());
    }

    private Stored stored(String principal, String id) {
        Stored stored;
        synchronized (statements) {
            stored = statements.get(id);
        }
        if (stored == null || !stored.owner().equals(principal)) {
            throw ApiException.notFound("Statement " + id + " does not exist (the sandbox keeps the last "
                    + KEPT_STATEMENTS + " statements, for the principal that ran them).");
        }
        return stored;
    }

    private static ObjectNode response(String id, StatementResult result) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("statement_id", id);
        ObjectNode status = body.putObject("status");
        switch (result) {
            case StatementResult.Failed failed -> {
                status.put("state", "FAILED");
                if (failed.sqlState() != null) status.put("sql_state", failed.sqlState());
                status.putObject("error").put("error_code", failed.errorCode()).put("message", failed.message());
            }
            case StatementResult.Succeeded ok -> {
                status.put("state", "SUCCEEDED");
                body.set("manifest", manifest(ok));
                body.set("result", chunkJson(id, ok, 0));
            }
        }
        return body;
    }

    private static ObjectNode manifest(StatementResult.Succeeded ok) {
        ObjectNode manifest = JsonNodeFactory.instance.objectNode().put("format", "JSON_ARRAY");
        ObjectNode schema = manifest.putObject("schema").put("column_count", ok.columns().size());
        ArrayNode columns = schema.putArray("columns");
        for (int i = 0; i < ok.columns().size(); i++) {
            Column c = ok.columns().get(i);
            ObjectNode node = columns.addObject().put("name", c.name()).put("type_text", c.typeText())
                    .put("type_name", c.typeName()).put("position", i);
            if (c.precision() > 0) node.put("type_precision", c.precision()).put("type_scale", c.scale());
        }
        ArrayNode chunks = manifest.putArray("chunks");
        long bytes = 0;
        for (int i = 0; i < ok.chunks().size(); i++) {
            Chunk chunk = ok.chunks().get(i);
            chunks.addObject().put("chunk_index", i).put("row_offset", chunk.rowOffset()).put("row_count", chunk.rows().size())
                    .put("byte_count", chunk.byteCount());
            bytes += chunk.byteCount();
        }
        return manifest.put("total_row_count", ok.totalRows()).put("total_chunk_count", ok.chunks().size())
                .put("total_byte_count", bytes).put("truncated", ok.truncated());
    }

    private static ObjectNode chunkJson(String id, StatementResult.Succeeded ok, int index) {
        Chunk chunk = ok.chunks().get(index);
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("chunk_index", index).put("row_offset", chunk.rowOffset())
                .put("row_count", chunk.rows().size()).put("byte_count", chunk.byteCount());
        ArrayNode data = node.putArray("data_array");
        for (List<String> row : chunk.rows()) {
            ArrayNode out = data.addArray();
            row.forEach(out::add);
        }
        if (index + 1 < ok.chunks().size()) {
            node.put("next_chunk_index", index + 1)
                    .put("next_chunk_internal_link", BASE + "/" + id + "/result/chunks/" + (index + 1));
        }
        return node;
    }

    private static String upper(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip().toUpperCase(Locale.ROOT);
    }
}
