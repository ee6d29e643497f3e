package dev.zerobus.console.catalog;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import com.databricks.sdk.service.sql.State;
import dev.zerobus.console.schema.TableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * "Did it land?": reads a table back through a SQL warehouse (the SQL Statement Execution API only). Every call
 * blocks on HTTP; run it off the FX thread. Thread-safe: the chosen warehouse is picked once and then reused.
 */
public final class TableReader {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final WorkspaceClient client;
    private final StatementRunner runner;
    private volatile @Nullable String warehouseId;

    /** Uses the first RUNNING warehouse, else the first one listed (a serverless one then starts on demand). */
    public TableReader(WorkspaceClient client) {
        this(client, null, DEFAULT_TIMEOUT);
    }

    /** {@code timeout} bounds each statement, including the time a stopped warehouse needs to start. */
    public TableReader(WorkspaceClient client, @Nullable String warehouseId, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.runner = new StatementRunner(client, timeout);
        this.warehouseId = warehouseId == null || warehouseId.isBlank() ? null : warehouseId.strip();
    }

    public String warehouseId() {
        String chosen = warehouseId;
        if (chosen != null) return chosen;
        List<EndpointInfo> warehouses = new ArrayList<>();
        try {
            client.warehouses().list(new ListWarehousesRequest()).forEach(warehouses::add);
        } catch (RuntimeException e) {
            throw SdkErrors.translate(e, "list the SQL warehouses");
        }
        chosen = warehouses.stream().filter(w -> w.getState() == State.RUNNING).findFirst()
                .or(() -> warehouses.stream().findFirst()).map(EndpointInfo::getId)
                .orElseThrow(() -> new CatalogException(CatalogProblems.noWarehouse()));
        warehouseId = chosen;
        return chosen;
    }

    public long count(String fullName) {
        return count(fullName, Cancellation.none());
    }

    public long count(String fullName, Cancellation cancellation) {
        TableName name = TableName.parse(fullName);
        StatementRunner.Result result = run("SELECT COUNT(*) FROM " + name.quoted(), name, cancellation);
        if (result.rows().isEmpty() || result.rows().getFirst().isEmpty() || result.rows().getFirst().getFirst() == null) {
            throw new CatalogException(CatalogProblems.unexpected("count the rows of " + name.fullName(), null));
        }
        return Long.parseLong(result.rows().getFirst().getFirst());
    }

    public List<Map<String, @Nullable String>> lastRows(TableSchema schema, int n, @Nullable String orderByColumn) {
        return lastRows(schema, n, orderByColumn, Cancellation.none());
    }

    /**
     * Up to {@code n} rows, newest first by {@code orderByColumn} (descending); without it, in whatever order the
     * warehouse returns them. Each row maps column name to the warehouse's string rendering, or null for NULL.
     */
    public List<Map<String, @Nullable String>> lastRows(TableSchema schema, int n, @Nullable String orderByColumn,
                                                         Cancellation cancellation) {
        if (n < 1) throw new IllegalArgumentException("n must be at least 1, got " + n);
        TableName name = TableName.parse(schema.fullName());
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(name.quoted());
        if (orderByColumn != null) {
            if (schema.column(orderByColumn).isEmpty()) {
                throw new CatalogException(CatalogProblems.unknownColumn(name.fullName(), orderByColumn));
            }
            sql.append(" ORDER BY ").append(TableName.quote(orderByColumn)).append(" DESC");
        }
        sql.append(" LIMIT ").append(n);
        StatementRunner.Result result = run(sql.toString(), name, cancellation);
        List<Map<String, @Nullable String>> rows = new ArrayList<>(result.rows().size());
        for (List<String> values : result.rows()) {
            Map<String, @Nullable String> row = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size() && i < values.size(); i++) row.put(result.columns().get(i), values.get(i));
            rows.add(Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableList(rows);
    }

    /**
     * Runs any read-only statement on the warehouse (the system-table queries of Verify); errors say what was read. A
     * missing privilege is a FAILED statement on Databricks (never an HTTP 403): it says so, with the GRANT.
     */
    public StatementRunner.Result query(String sql, String what, Cancellation cancellation) {
        String warehouse = warehouseId();
        try {
            return runner.run(warehouse, sql, cancellation);
        } catch (CancellationException e) {
            throw e;
        } catch (StatementFailedException e) {
            if (!e.isPermissionDenied()) throw e;
            throw new CatalogException(CatalogProblems.permissionDenied("read " + what + " on SQL warehouse " + warehouse,
                    e.serverMessage(), e.problem().copyableFix(), e));
        } catch (RuntimeException e) {
            throw SdkErrors.translate(e, "read " + what + " on SQL warehouse " + warehouse);
        }
    }

    private StatementRunner.Result run(String sql, TableName table, Cancellation cancellation) {
        return query(sql, "table " + table.fullName(), cancellation);
    }
}
