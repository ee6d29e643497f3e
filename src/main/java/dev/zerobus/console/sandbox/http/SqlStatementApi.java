package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.http.StatementResult.Chunk;
import dev.zerobus.console.sandbox.http.StatementResult.Column;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Statement Execution API subset ({@code /api/2.0/sql/statements},
 * https://docs.databricks.com/api/workspace/statementexecution/executestatement). Statements on a RUNNING warehouse
 * run at once (they read one local table or change metadata), so the answer is final: SUCCEEDED or FAILED, INLINE
 * JSON_ARRAY. A statement sent to a stopped warehouse starts it and stays PENDING ("waiting for warehouse") until it
 * runs; the call waits up to {@code wait_timeout} (default 10s; "0s" or 5s..50s) and then, per {@code on_wait_timeout},
 * returns PENDING with the statement id (CONTINUE, the default) or cancels it (CANCEL, state CANCELED). "0s" always
 * answers at once with PENDING.
 *
 * <p>Two kinds of error, as the reference separates them: "If the SQL warehouse fails to execute the provided
 * statement, a 200 response is returned with status.state set to FAILED (in contrast to a failure when accepting the
 * request, which results in a non-200 response)" (same page). Request-level (HTTP 4xx, Databricks error body): bad
 * token (401), missing or unknown warehouse, missing statement, a {@code wait_timeout}, {@code on_wait_timeout},
 * {@code format} or {@code disposition} the reference does not allow, a negative limit. Everything that happens while
 * running (syntax, unknown table or column, missing privilege) is HTTP 200 with {@code status.state=FAILED},
 * {@code status.error} and {@code status.sql_state}. Thread-safe.
 */
final class SqlStatementApi {
    static final String WAREHOUSE_ID = SqlWarehouses.SERVERLESS_ID;
    private static final String BASE = "/api/2.0/sql/statements";
    /** Results stay fetchable for the latest statements only; a sandbox is not a result cache. */
    private static final int KEPT_STATEMENTS = 100;
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final Pattern WAIT_TIMEOUT = Pattern.compile("(\\d{1,3})s");
    private static final Set<String> FORMATS = Set.of("JSON_ARRAY", "ARROW_STREAM", "CSV");
    private static final Set<String> DISPOSITIONS = Set.of("INLINE", "EXTERNAL_LINKS");
    private static final Logger LOG = LoggerFactory.getLogger(SqlStatementApi.class);

    /** One statement: its result once known; CANCELED wins over a result that arrives later. */
    private static final class Stored {
        final String owner;
        volatile @Nullable StatementResult result;
        volatile boolean canceled;

        Stored(String owner) {
            this.owner = owner;
        }
    }

    private final UcAccess access;
    private final StatementExecutor executor;
    private final DdlExecutor ddl;
    private final SqlWarehouses warehouses;
    private final Map<String, Stored> statements = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > KEPT_STATEMENTS;
        }
    };

    SqlStatementApi(UcAccess access, StatementExecutor executor, DdlExecutor ddl, SqlWarehouses warehouses) {
        this.access = access;
        this.executor = executor;
        this.ddl = ddl;
        this.warehouses = warehouses;
    }

    List<Route> routes() {
        List<Route> routes = new ArrayList<>(warehouses.routes());
        routes.addAll(List.of(
                Route.of("POST", BASE, this::execute),
                Route.of("GET", BASE + "/(?<id>[^/]+)", this::get),
                Route.of("GET", BASE + "/(?<id>[^/]+)/result/chunks/(?<chunk>\\d+)", this::chunk),
                Route.of("POST", BASE + "/(?<id>[^/]+)/cancel", this::cancel)));
        return routes;
    }

    private void execute(HttpExchangeContext request) throws IOException {
        String principal = access.authenticate(request);
        JsonNode body = request.json();
        String warehouseId = UnityCatalogApi.text(body, "warehouse_id");
        if (warehouseId == null || warehouseId.isBlank()) {
            throw ApiException.invalid("warehouse_id is required (GET /api/2.0/sql/warehouses lists the sandbox's).");
        }
        SqlWarehouses.Warehouse warehouse = warehouses.require(warehouseId);
        String sql = UnityCatalogApi.requireText(body, "statement");
        Duration wait = waitTimeout(UnityCatalogApi.text(body, "wait_timeout"));
        String onTimeout = upper(UnityCatalogApi.text(body, "on_wait_timeout"), "CONTINUE");
        if (!onTimeout.equals("CONTINUE") && !onTimeout.equals("CANCEL")) {
            throw ApiException.invalid("on_wait_timeout '" + onTimeout + "' is not valid: use CONTINUE or CANCEL.");
        }
        checkResultOptions(body);
        String catalog = UnityCatalogApi.text(body, "catalog");
        String schema = UnityCatalogApi.text(body, "schema");
        long rowLimit = body.path("row_limit").asLong(0);
        StatementResult unsupported = unsupportedOption(body);
        String id = UUID.randomUUID().toString();
        Stored stored = new Stored(principal);
        synchronized (statements) {
            statements.put(id, stored);
        }
        if (warehouse.state() == SqlWarehouses.State.RUNNING && !wait.isZero()) {
            stored.result = unsupported != null ? unsupported : runAsFailure(principal, sql, catalog, schema, rowLimit);
        } else {
            CompletableFuture<StatementResult> done = warehouses.start(warehouse).thenApplyAsync(v -> {
                StatementResult result = stored.canceled ? null : unsupported != null ? unsupported
                        : runAsFailure(principal, sql, catalog, schema, rowLimit);
                synchronized (stored) {
                    if (!stored.canceled) stored.result = result;
                }
                return result;
            });
            if (wait.isZero()) {
                // "When set to 0s ... the call returns directly with PENDING state and a statement ID" (wait_timeout,
                // https://docs.databricks.com/api/workspace/statementexecution/executestatement), even if it already ran.
                request.respond(200, JsonNodeFactory.instance.objectNode().put("statement_id", id)
                        .set("status", JsonNodeFactory.instance.objectNode().put("state", "PENDING")));
                return;
            } else {
                try {
                    done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (onTimeout.equals("CANCEL")) stored.canceled = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    stored.result = new StatementResult.Failed("INTERNAL_ERROR", "The sandbox failed to run the statement: "
                            + e.getCause(), null);
                }
            }
        }
        request.respond(200, response(id, stored));
    }

    /** Runs the statement; every error it meets is the statement's (FAILED), none is an HTTP error. */
    private StatementResult run(String principal, String sql, @Nullable String catalog, @Nullable String schema, long rowLimit) {
        if (DdlStatement.handles(sql)) {
            DdlStatement statement;
            try {
                statement = DdlStatement.parse(sql);
            } catch (DdlStatement.SyntaxError e) {
                return new StatementResult.Failed("BAD_REQUEST", "[PARSE_SYNTAX_ERROR] " + e.getMessage() + " SQLSTATE: 42601", "42601");
            } catch (DdlStatement.UnknownType e) {
                return new StatementResult.Failed("BAD_REQUEST", "[UNSUPPORTED_DATATYPE] Unsupported data type \""
                        + e.getMessage().toUpperCase(Locale.ROOT) + "\". SQLSTATE: 0A000", "0A000");
            } catch (DdlStatement.NotSupported e) {
                return new StatementResult.Failed("BAD_REQUEST", e.getMessage(), e.sqlState);
            }
            return ddl.execute(principal, statement, catalog, schema);
        }
        return executor.execute(principal, sql, catalog, schema, rowLimit);
    }

    /**
     * Errors met while running never become HTTP errors (see the class comment): the executors return FAILED
     * results, and anything they throw still ends as the statement's INTERNAL_ERROR, never a 4xx or 5xx answer.
     */
    private StatementResult runAsFailure(String principal, String sql, @Nullable String catalog, @Nullable String schema, long rowLimit) {
        try {
            return run(principal, sql, catalog, schema, rowLimit);
        } catch (ApiException e) {
            return new StatementResult.Failed("BAD_REQUEST", e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.warn("Statement failed in the sandbox", e);
            return new StatementResult.Failed("INTERNAL_ERROR", "The sandbox failed to run the statement: " + e.getMessage(), "XX000");
        }
    }

    /**
     * {@code wait_timeout}: "The time in seconds the call will wait for the statement's result set as Ns, where N can
     * be set to 0 or to a value between 5 and 50" (default 10s;
     * https://docs.databricks.com/api/workspace/statementexecution/executestatement). Anything else ("4s", "51s",
     * "10", "1m") is refused in the request with 400 INVALID_PARAMETER_VALUE: the reference gives no error text, and
     * refusing is the stricter reading.
     */
    private static Duration waitTimeout(@Nullable String text) {
        if (text == null || text.isBlank()) return DEFAULT_WAIT;
        var m = WAIT_TIMEOUT.matcher(text.strip());
        if (m.matches()) {
            int seconds = Integer.parseInt(m.group(1));
            if (seconds == 0 || (seconds >= 5 && seconds <= 50)) return Duration.ofSeconds(seconds);
        }
        throw ApiException.invalid("wait_timeout '" + text + "' is not valid: use 0s (asynchronous) or 5s to 50s.");
    }

    /**
     * What the reference refuses in the request itself, as HTTP 400 INVALID_PARAMETER_VALUE: a {@code format} other
     * than JSON_ARRAY, ARROW_STREAM or CSV; a {@code disposition} other than INLINE or EXTERNAL_LINKS; ARROW_STREAM or
     * CSV with INLINE ("The formats ARROW_STREAM and CSV are supported only with EXTERNAL_LINKS disposition", the
     * {@code format} field of https://docs.databricks.com/api/workspace/statementexecution/executestatement). The
     * reference does not say how a negative {@code row_limit} or {@code byte_limit} is answered; the stricter reading
     * refuses it in the request too.
     */
    private static void checkResultOptions(JsonNode body) {
        String format = upper(UnityCatalogApi.text(body, "format"), "JSON_ARRAY");
        String disposition = upper(UnityCatalogApi.text(body, "disposition"), "INLINE");
        if (!FORMATS.contains(format)) {
            throw ApiException.invalid("format '" + format + "' is not valid: use JSON_ARRAY, ARROW_STREAM or CSV.");
        }
        if (!DISPOSITIONS.contains(disposition)) {
            throw ApiException.invalid("disposition '" + disposition + "' is not valid: use INLINE or EXTERNAL_LINKS.");
        }
        if (disposition.equals("INLINE") && !format.equals("JSON_ARRAY")) {
            throw ApiException.invalid("format " + format + " is supported only with disposition EXTERNAL_LINKS; with"
                    + " disposition INLINE use format JSON_ARRAY.");
        }
        for (String limit : List.of("row_limit", "byte_limit")) {
            JsonNode value = body.get(limit);
            if (value != null && !value.isNull() && (!value.canConvertToLong() || value.asLong() < 0)) {
                throw ApiException.invalid(limit + " must be a whole number of 0 or more, got " + value + ".");
            }
        }
    }

    /**
     * Options Databricks accepts but the sandbox does not serve (EXTERNAL_LINKS results, statement parameters) become
     * a FAILED statement that says what to send instead: a sandbox limit, not a Databricks refusal.
     */
    private static StatementResult unsupportedOption(JsonNode body) {
        String disposition = upper(UnityCatalogApi.text(body, "disposition"), "INLINE");
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
        request.respond(200, response(id, stored(principal, id)));
    }

    private void chunk(HttpExchangeContext request) throws IOException {
        String principal = access.authenticate(request);
        String id = request.path("id");
        Stored stored = stored(principal, id);
        if (stored.canceled || !(stored.result instanceof StatementResult.Succeeded ok)) {
            throw ApiException.invalid("Statement " + id + " did not succeed, so it has no result chunks.");
        }
        int index = Integer.parseInt(request.path("chunk"));
        if (index >= ok.chunks().size()) {
            throw ApiException.invalid("Chunk " + index + " does not exist: statement " + id + " has "
                    + ok.chunks().size() + " chunk(s), numbered from 0.");
        }
        request.respond(200, chunkJson(id, ok, index));
    }

    /** Cancels a statement still waiting for its warehouse; a finished one keeps its result. */
    private void cancel(HttpExchangeContext request) throws IOException {
        String principal = access.authenticate(request);
        Stored stored = stored(principal, request.path("id"));
        synchronized (stored) {
            if (stored.result == null) stored.canceled = true;
        }
        request.respond(200, JsonNodeFactory.instance.objectNode());
    }

    /**
     * A statement id the sandbox does not know is HTTP 404: "After at least 12 hours in terminal state, the statement
     * is removed from the warehouse and further calls will receive an HTTP 404 response"
     * (https://docs.databricks.com/api/workspace/statementexecution/getstatement). The reference says nothing of ids
     * never issued, or issued to another principal: the stricter reading answers those 404 as well.
     */
    private Stored stored(String principal, String id) {
        Stored stored;
        synchronized (statements) {
            stored = statements.get(id);
        }
        if (stored == null || !stored.owner.equals(principal)) {
            throw ApiException.notFound("Statement " + id + " does not exist (the sandbox keeps the last "
                    + KEPT_STATEMENTS + " statements, for the principal that ran them).");
        }
        return stored;
    }

    private static ObjectNode response(String id, Stored stored) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("statement_id", id);
        ObjectNode status = body.putObject("status");
        StatementResult result = stored.result;
        if (stored.canceled || result == null) {
            status.put("state", stored.canceled ? "CANCELED" : "PENDING");
            return body;
        }
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
