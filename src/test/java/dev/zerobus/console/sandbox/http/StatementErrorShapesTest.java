package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ServiceErrorCode;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two kinds of error of the Statement Execution API, through databricks-sdk-java as the console calls it: an error
 * while running the statement is HTTP 200 with {@code status.state=FAILED}, a refused request is an HTTP 4xx that the
 * SDK throws (https://docs.databricks.com/api/workspace/statementexecution/executestatement).
 */
class StatementErrorShapesTest {
    private static final Duration POLL_LIMIT = Duration.ofSeconds(30);

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();
    static WorkspaceClient granted;
    static WorkspaceClient noGrants;

    @BeforeAll
    static void start() {
        granted = SdkClients.granted(sandbox.workspace());
        noGrants = SdkClients.of(sandbox.workspace(), SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
    }

    // ---- errors while running: HTTP 200, FAILED ----

    @Test
    void aSelectWithoutTheSelectPrivilegeFailsAsInsufficientPermissionsNotAnHttpError() {
        StatementResponse response = noGrants.statementExecution().executeStatement(request("SELECT * FROM sensor_readings"));

        assertFailed(response, "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have SELECT on Table"
                + " 'main.default.sensor_readings'. SQLSTATE: 42501", "42501");
    }

    @Test
    void aCountWithoutTheSelectPrivilegeFailsTheSameWhenPolled() throws Exception {
        StatementResponse pending = noGrants.statementExecution().executeStatement(request("SELECT COUNT(*) FROM sensor_readings")
                .setWaitTimeout("0s"));

        assertThat(pending.getStatus().getState()).isEqualTo(StatementState.PENDING);
        assertFailed(awaitTerminal(noGrants, pending.getStatementId()),
                "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have SELECT on Table"
                        + " 'main.default.sensor_readings'. SQLSTATE: 42501", "42501");
    }

    @Test
    void aMissingUseCatalogIsNamedBeforeSelect() {
        sandbox.context().state().updateGrants(dev.zerobus.console.sandbox.metadata.Securable.catalog("main"),
                SandboxPrincipals.ANALYST, java.util.List.of(), java.util.List.of("USE_CATALOG"));
        try {
            StatementResponse response = SdkClients.analyst(sandbox.workspace()).statementExecution()
                    .executeStatement(request("SELECT * FROM sensor_readings"));

            assertFailed(response, "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have USE CATALOG on"
                    + " Catalog 'main'. SQLSTATE: 42501", "42501");
        } finally {
            sandbox.context().state().updateGrants(dev.zerobus.console.sandbox.metadata.Securable.catalog("main"),
                    SandboxPrincipals.ANALYST, java.util.List.of("USE_CATALOG"), java.util.List.of());
        }
    }

    @Test
    void syntaxErrorsUnknownTablesAndColumnsAreFailedStatementsWithTheirSqlState() {
        assertFailed(run("SELEC * FROM sensor_readings"), "[PARSE_SYNTAX_ERROR] Expected SELECT, found 'SELEC'.", "42601");
        assertThat(run("SELEC * FROM sensor_readings").getStatus().getError().getMessage()).endsWith("SQLSTATE: 42601");
        assertFailed(run("SELECT * FROM main.default.nope"), "[TABLE_OR_VIEW_NOT_FOUND] The table or view"
                + " `main`.`default`.`nope` cannot be found.", "42P01");
        assertFailed(run("SELECT nope FROM sensor_readings"), "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or"
                + " function parameter with name `nope` cannot be resolved", "42703");
    }

    @Test
    void anInlineResultOver25MiBFailsTheStatement() throws Exception {
        var state = sandbox.context().state();
        var table = state.createTable("main", "default", "wide_rows", "MANAGED", "DELTA", java.util.List.of(
                new dev.zerobus.console.schema.TableColumn("text", dev.zerobus.console.schema.ColumnType.of(
                        dev.zerobus.console.schema.ColumnType.Kind.STRING), false)), null, SandboxPrincipals.GRANTED, java.util.Map.of());
        sandbox.context().tables().create(table.tableId(), table.schema());
        String kilobyte = "x".repeat(1024);
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 26 * 1024; i++) rows.add(new Object[] {kilobyte});
        sandbox.context().tables().append(table.tableId(), table.schema(), rows).get();

        StatementResponse all = run("SELECT * FROM wide_rows");
        StatementResponse limited = run("SELECT * FROM wide_rows LIMIT 10");

        assertThat(all.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(all.getStatus().getError().getMessage()).contains("more than the 26214400 bytes (25 MiB) allowed with"
                + " disposition INLINE");
        assertThat(limited.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(limited.getManifest().getTotalRowCount()).isEqualTo(10L);
    }

    // ---- refused requests: HTTP 4xx ----

    @Test
    void inlineResultsComeOnlyAsJsonArray() {
        assertThatThrownBy(() -> run(request("SELECT * FROM sensor_readings").setFormat(Format.CSV)))
                .isInstanceOf(InvalidParameterValue.class)
                .hasMessage("format CSV is supported only with disposition EXTERNAL_LINKS; with disposition INLINE use format JSON_ARRAY.");
        assertThatThrownBy(() -> run(request("SELECT * FROM sensor_readings").setFormat(Format.ARROW_STREAM)
                .setDisposition(Disposition.INLINE))).isInstanceOf(InvalidParameterValue.class)
                .hasMessageContaining("format ARROW_STREAM is supported only with disposition EXTERNAL_LINKS");
    }

    @Test
    void externalLinksAreAllowedByDatabricksSoTheSandboxFailsTheStatementInstead() {
        StatementResponse response = run(request("SELECT * FROM sensor_readings").setFormat(Format.CSV)
                .setDisposition(Disposition.EXTERNAL_LINKS));

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(response.getStatus().getError().getMessage()).contains("use disposition INLINE");
    }

    @Test
    void waitTimeoutIsZeroOrFiveToFiftySeconds() {
        for (String refused : new String[] {"4s", "51s", "10", "1m", "-5s"}) {
            assertThatThrownBy(() -> run(request("SELECT COUNT(*) FROM sensor_readings").setWaitTimeout(refused)))
                    .as(refused).isInstanceOf(InvalidParameterValue.class)
                    .hasMessage("wait_timeout '" + refused + "' is not valid: use 0s (asynchronous) or 5s to 50s.");
        }
        for (String allowed : new String[] {"5s", "50s"}) {
            assertThat(run(request("SELECT COUNT(*) FROM sensor_readings").setWaitTimeout(allowed)).getStatus().getState())
                    .as(allowed).isEqualTo(StatementState.SUCCEEDED);
        }
    }

    @Test
    void missingFieldsNegativeLimitsAndUnknownWarehousesAreRefusedRequests() {
        assertThatThrownBy(() -> run(new ExecuteStatementRequest().setStatement("SELECT COUNT(*) FROM sensor_readings")))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("warehouse_id is required");
        assertThatThrownBy(() -> run(new ExecuteStatementRequest().setWarehouseId(SqlStatementApi.WAREHOUSE_ID)))
                .isInstanceOf(InvalidParameterValue.class).hasMessage("Field 'statement' is required.");
        assertThatThrownBy(() -> run(request("SELECT COUNT(*) FROM sensor_readings").setRowLimit(-1L)))
                .isInstanceOf(InvalidParameterValue.class).hasMessage("row_limit must be a whole number of 0 or more, got -1.");
        assertThatThrownBy(() -> run(request("SELECT COUNT(*) FROM sensor_readings").setWarehouseId("nope")))
                .isInstanceOf(NotFound.class).hasMessageContaining("SQL warehouse 'nope' does not exist");
    }

    @Test
    void aBadTokenAndAMalformedBodyAreRefusedBeforeAnyStatementExists() throws Exception {
        WorkspaceClient badToken = SdkClients.withToken(sandbox.workspace(), "dapi-not-a-token");
        assertThatThrownBy(() -> badToken.statementExecution().executeStatement(request("SELECT COUNT(*) FROM sensor_readings")))
                .isInstanceOf(Unauthenticated.class);

        // The SDK cannot send a body that is not JSON, nor an on_wait_timeout outside its enum: plain HTTP does.
        String token = SdkClients.m2mToken(sandbox.workspace(), SandboxPrincipals.GRANTED);
        HttpResponse<String> malformed = post(token, "{\"warehouse_id\": \"sandbox\", \"statement\": ");
        HttpResponse<String> badOnTimeout = post(token, "{\"warehouse_id\":\"sandbox\",\"statement\":\"SELECT COUNT(*) FROM"
                + " main.default.sensor_readings\",\"on_wait_timeout\":\"WAIT\"}");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"error_code\":\"MALFORMED_REQUEST\"");
        assertThat(badOnTimeout.statusCode()).isEqualTo(400);
        assertThat(badOnTimeout.body()).contains("\"error_code\":\"INVALID_PARAMETER_VALUE\"")
                .contains("on_wait_timeout 'WAIT' is not valid: use CONTINUE or CANCEL.");
    }

    @Test
    void pollingAStatementNobodyRanOrAnotherPrincipalRanIsNotFound() {
        String mine = run("SELECT COUNT(*) FROM sensor_readings").getStatementId();

        assertThatThrownBy(() -> granted.statementExecution().getStatement("00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(NotFound.class).satisfies(e -> assertThat(((DatabricksError) e).getStatusCode()).isEqualTo(404));
        assertThatThrownBy(() -> granted.statementExecution().getStatementResultChunkN("no-such-statement", 0))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> noGrants.statementExecution().getStatement(mine)).isInstanceOf(NotFound.class);
        assertThat(granted.statementExecution().getStatement(mine).getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
    }

    private static HttpResponse<String> post(String token, String body) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(sandbox.workspace().endpoints().workspaceUrl() + "/api/2.0/sql/statements"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static StatementResponse awaitTerminal(WorkspaceClient client, String id) throws InterruptedException {
        long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
        while (true) {
            StatementResponse response = client.statementExecution().getStatement(id);
            StatementState state = response.getStatus().getState();
            if (state != StatementState.PENDING && state != StatementState.RUNNING) return response;
            if (System.nanoTime() > deadline) throw new AssertionError("Statement " + id + " still " + state + " after " + POLL_LIMIT);
            Thread.sleep(20);
        }
    }

    private static void assertFailed(StatementResponse response, String messageStart, String sqlState) {
        assertThat(response.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(response.getStatus().getError().getErrorCode()).isEqualTo(ServiceErrorCode.BAD_REQUEST);
        assertThat(response.getStatus().getError().getMessage()).startsWith(messageStart);
        assertThat(response.getStatus().getSqlState()).isEqualTo(sqlState);
        assertThat(response.getManifest()).isNull();
        assertThat(response.getResult()).isNull();
    }

    private static ExecuteStatementRequest request(String sql) {
        return new ExecuteStatementRequest().setWarehouseId(SqlStatementApi.WAREHOUSE_ID).setStatement(sql)
                .setCatalog("main").setSchema("default");
    }

    private static StatementResponse run(ExecuteStatementRequest request) {
        return granted.statementExecution().executeStatement(request);
    }

    private static StatementResponse run(String sql) {
        return run(request(sql));
    }
}
