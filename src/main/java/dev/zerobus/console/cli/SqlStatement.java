package dev.zerobus.console.cli;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.zerobus.console.workspace.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Runs any one statement through the SQL Statement Execution API (INLINE, JSON_ARRAY) and collects every result
 * chunk; the catalog package's runner only serves the reads it needs. A FAILED statement becomes a
 * {@link CliProblem} with the warehouse's own message (exit 1). Blocking; thread-safe over the thread-safe client.
 */
final class SqlStatement {
    /** The server holds the first response this long (the API allows 5..50 s), which saves most polls. */
    private static final String SERVER_WAIT = "10s";
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    /** Column names in result order, and rows of string values (null for SQL NULL). */
    record Result(List<String> columns, List<List<String>> rows) {}

    private final WorkspaceClient client;
    private final Duration timeout;

    SqlStatement(WorkspaceClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    Result execute(String warehouseId, String sql) throws InterruptedException {
        var request = new ExecuteStatementRequest().setWarehouseId(warehouseId).setStatement(sql)
                .setWaitTimeout(SERVER_WAIT).setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CONTINUE)
                .setDisposition(Disposition.INLINE).setFormat(Format.JSON_ARRAY);
        long deadline = System.nanoTime() + timeout.toNanos();
        StatementResponse response = client.statementExecution().executeStatement(request);
        while (state(response) == StatementState.PENDING || state(response) == StatementState.RUNNING) {
            if (System.nanoTime() > deadline) {
                client.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(response.getStatementId()));
                throw new CliProblem(new Problem("The statement did not finish within " + timeout.toSeconds() + " s and was cancelled.",
                        "The warehouse may be starting; try again, or pass a longer --timeout."), ExitCodes.FAILED);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
            response = client.statementExecution().getStatement(response.getStatementId());
        }
        return collect(response);
    }

    private Result collect(StatementResponse response) {
        StatementState state = state(response);
        if (state == StatementState.FAILED) {
            var error = response.getStatus().getError();
            String message = error == null || error.getMessage() == null ? "no message" : error.getMessage();
            String code = error == null || error.getErrorCode() == null ? "" : " (" + error.getErrorCode() + ")";
            throw new CliProblem(new Problem("The statement FAILED: " + message + code,
                    "Correct the statement; the message is the warehouse's own."), ExitCodes.FAILED);
        }
        if (state != StatementState.SUCCEEDED) {
            throw new CliProblem(new Problem("The statement ended as " + state + ".", "Run it again."), ExitCodes.FAILED);
        }
        List<String> columns = new ArrayList<>();
        var manifest = response.getManifest();
        if (manifest != null && manifest.getSchema() != null && manifest.getSchema().getColumns() != null) {
            for (ColumnInfo c : manifest.getSchema().getColumns()) columns.add(c.getName());
        }
        List<List<String>> rows = new ArrayList<>();
        ResultData chunk = response.getResult();
        if (chunk == null && manifest != null && manifest.getTotalChunkCount() != null && manifest.getTotalChunkCount() > 0) {
            chunk = client.statementExecution().getStatementResultChunkN(response.getStatementId(), 0L);
        }
        while (chunk != null) {
            if (chunk.getDataArray() != null) {
                for (Collection<String> row : chunk.getDataArray()) rows.add(new ArrayList<>(row));
            }
            Long next = chunk.getNextChunkIndex();
            chunk = next == null ? null : client.statementExecution().getStatementResultChunkN(response.getStatementId(), next);
        }
        return new Result(List.copyOf(columns), rows);
    }

    private static StatementState state(StatementResponse response) {
        return response.getStatus() == null ? null : response.getStatus().getState();
    }
}
