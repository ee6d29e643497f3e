package dev.zerobus.console.catalog;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one statement through the SQL Statement Execution API (INLINE, JSON_ARRAY) and collects every chunk of its
 * result. A statement still PENDING or RUNNING after the server-side wait is polled until {@code timeout}, then
 * cancelled on the warehouse. Thread-safe (stateless over the thread-safe client).
 */
public final class StatementRunner {
    private static final Logger LOG = LoggerFactory.getLogger(StatementRunner.class);
    /** The server holds the first response up to this long (the API allows 5..50 s), which saves most polls. */
    private static final String SERVER_WAIT = "10s";
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    /** Column names in result order, and rows of string values (null for SQL NULL). */
    public record Result(List<String> columns, List<List<String>> rows) {}

    private final WorkspaceClient client;
    private final Duration timeout;

    public StatementRunner(WorkspaceClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** Runs any statement; a FAILED one throws a {@link CatalogException} carrying the warehouse's own message. */
    public Result run(String warehouseId, String sql, Cancellation cancellation) {
        var request = new ExecuteStatementRequest().setWarehouseId(warehouseId).setStatement(sql)
                .setWaitTimeout(SERVER_WAIT).setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CONTINUE)
                .setDisposition(Disposition.INLINE).setFormat(Format.JSON_ARRAY);
        long deadline = System.nanoTime() + timeout.toNanos();
        StatementResponse response = cancellation.call(() -> client.statementExecution().executeStatement(request));
        String id = response.getStatementId();
        try {
            while (isActive(response)) {
                if (System.nanoTime() > deadline) {
                    cancelQuietly(id);
                    throw new CatalogException(CatalogProblems.statementTimedOut(sql, timeout));
                }
                cancellation.pause(POLL_INTERVAL);
                response = cancellation.call(() -> client.statementExecution().getStatement(id));
            }
            return collect(sql, response, cancellation);
        } catch (CancellationException e) {
            cancelQuietly(id);
            throw e;
        }
    }

    private Result collect(String sql, StatementResponse response, Cancellation cancellation) {
        StatementState state = response.getStatus() == null ? null : response.getStatus().getState();
        if (state == StatementState.FAILED) {
            var error = response.getStatus().getError();
            String message = error == null || error.getMessage() == null ? "no message" : error.getMessage();
            String code = error == null || error.getErrorCode() == null ? null : error.getErrorCode().name();
            var failed = new StatementFailedException(CatalogProblems.statementFailed(sql, code, message), sql, code, message);
            if (!failed.isPermissionDenied()) throw failed;
            // Databricks answers a missing privilege as a FAILED statement, "[INSUFFICIENT_PERMISSIONS] Insufficient
            // privileges: User does not have SELECT on Table 'a.b.c'.", naming no principal: the GRANT names the caller.
            String grant = SdkErrors.grantFor(message, currentPrincipal());
            throw new StatementFailedException(CatalogProblems.statementDenied(sql, message, grant), sql, code, message);
        }
        if (state != StatementState.SUCCEEDED) throw new CatalogException(CatalogProblems.statementEnded(sql, String.valueOf(state)));
        List<String> columns = new ArrayList<>();
        if (response.getManifest() != null && response.getManifest().getSchema() != null
                && response.getManifest().getSchema().getColumns() != null) {
            for (ColumnInfo c : response.getManifest().getSchema().getColumns()) columns.add(c.getName());
        }
        List<List<String>> rows = new ArrayList<>();
        ResultData chunk = response.getResult();
        Long chunkCount = response.getManifest() == null ? null : response.getManifest().getTotalChunkCount();
        if (chunk == null && chunkCount != null && chunkCount > 0) chunk = fetch(response.getStatementId(), 0, cancellation);
        while (chunk != null) {
            addRows(rows, chunk.getDataArray());
            Long next = chunk.getNextChunkIndex();
            chunk = next == null ? null : fetch(response.getStatementId(), next, cancellation);
        }
        return new Result(List.copyOf(columns), rows);
    }

    private ResultData fetch(String statementId, long chunkIndex, Cancellation cancellation) {
        return cancellation.call(() -> client.statementExecution().getStatementResultChunkN(statementId, chunkIndex));
    }

    private static void addRows(List<List<String>> rows, Collection<Collection<String>> data) {
        if (data == null) return;
        for (Collection<String> row : data) rows.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }

    private static boolean isActive(StatementResponse response) {
        StatementState state = response.getStatus() == null ? null : response.getStatus().getState();
        return state == StatementState.PENDING || state == StatementState.RUNNING;
    }

    /** The caller's user name (a service principal's application id), or null when it cannot be read. */
    private @Nullable String currentPrincipal() {
        try {
            return client.currentUser().me(new MeRequest()).getUserName();
        } catch (RuntimeException e) {
            LOG.debug("Could not read the current user for a GRANT", e);
            return null;
        }
    }

    /** Frees the warehouse from a statement nobody will read; failing to is not worth a second error. */
    private void cancelQuietly(String statementId) {
        try {
            client.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(statementId));
        } catch (RuntimeException e) {
            LOG.debug("Could not cancel statement {}", statementId, e);
        }
    }
}
