package dev.zerobus.console.sandbox;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;

/**
 * Runs set-up SQL on a sandbox through the official SDK as {@code sandbox-sp}, the way tables are made on Databricks
 * (POST /api/2.1/unity-catalog/tables refuses managed tables): for tests that need a table of their own.
 */
public final class SandboxSql {
    private SandboxSql() {}

    /** Runs the statement on the running warehouse; throws with the warehouse's message unless it SUCCEEDED. */
    public static StatementResponse run(SandboxWorkspace sandbox, String sql) {
        var endpoints = sandbox.endpoints();
        var client = new WorkspaceClient(new DatabricksConfig().setHost(endpoints.workspaceUrl())
                .setClientId(endpoints.clientId()).setClientSecret(endpoints.clientSecret()));
        StatementResponse response = client.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId("sandbox").setStatement(sql));
        if (response.getStatus().getState() != StatementState.SUCCEEDED) {
            throw new IllegalStateException(sql + " -> " + response.getStatus().getState() + ": "
                    + (response.getStatus().getError() == null ? "" : response.getStatus().getError().getMessage()));
        }
        return response;
    }
}
