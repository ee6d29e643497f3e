package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.ServiceErrorCode;
import com.databricks.sdk.service.sql.State;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlStatementApiTest {
    private static final List<TableColumn> READINGS = List.of(
            new TableColumn("device_name", ColumnType.of(Kind.STRING), false),
            new TableColumn("temp", ColumnType.of(Kind.INT), true),
            new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true));

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();
    static WorkspaceClient client;

    @BeforeAll
    static void start() {
        client = SdkClients.granted(sandbox.workspace());
    }

    @Test
    void countsTheRowsAppendedToASeedTable() throws Exception {
        TableInfo table = sandbox.context().state().table("main.default.sensor_readings");
        long before = Long.parseLong(single(run("SELECT COUNT(*) FROM main.default.sensor_readings")));
        sandbox.context().tables().append(table.tableId(), table.schema(), List.of(
                new Object[] {"a", 20, 20, 0L}, new Object[] {"b", 21, 30, 0L}, new Object[] {"c", null, null, null})).get();

        StatementResponse response = run("select count(*) from `sensor_readings`;");

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(response.getManifest().getSchema().getColumns()).extracting(ColumnInfo::getName).containsExactly("count(1)");
        assertThat(single(response)).isEqualTo(Long.toString(before + 3));
    }

    @Test
    void filtersSortsAndLimitsWithStringValues() throws Exception {
        long t0 = micros(Instant.parse("2024-05-01T12:30:00.123Z"));
        TableInfo table = createTable("readings_where", READINGS, List.of(
                new Object[] {"a", 20, t0}, new Object[] {"b", 99, t0}, new Object[] {"a", 25, t0 + 1_000_000},
                new Object[] {"a", null, null}, new Object[] {"a", 22, t0 + 2_000_000}));

        StatementResponse response = run("SELECT device_name, `temp`, ts FROM " + table.name()
                + " WHERE device_name = 'a' ORDER BY temp DESC LIMIT 3");

        assertThat(response.getManifest().getSchema().getColumns()).extracting(ColumnInfo::getTypeText)
                .containsExactly("STRING", "INT", "TIMESTAMP");
        assertThat(response.getManifest().getTotalRowCount()).isEqualTo(3L);
        assertThat(rows(response.getResult())).containsExactly(
                List.of("a", "25", "2024-05-01T12:30:01.123Z"),
                List.of("a", "22", "2024-05-01T12:30:02.123Z"),
                List.of("a", "20", "2024-05-01T12:30:00.123Z"));
    }

    @Test
    void rendersEveryTypeAsDatabricksPrintsIt() throws Exception {
        TableInfo allTypes = sandbox.context().state().table("main.default.all_types");
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("x", 1);
        Object[] row = {7L, true, (byte) 1, (short) 2, 3, 4L, 1.5f, 2.25d, "text", "hi".getBytes(StandardCharsets.UTF_8),
                (int) LocalDate.parse("2024-05-01").toEpochDay(), micros(Instant.parse("2024-05-01T12:30:00Z")),
                micros(Instant.parse("2024-05-01T12:30:00.000123Z")), List.of(1, 2), map,
                new Object[] {"Main St", 12345, new Object[] {1.5d, -2.0d}}, List.<Object[]>of(new Object[] {"k1", 9L})};
        sandbox.context().tables().append(allTypes.tableId(), allTypes.schema(), List.<Object[]>of(row)).get();

        StatementResponse response = run("SELECT * FROM main.default.all_types WHERE id = 7");

        assertThat(rows(response.getResult())).containsExactly(List.of("7", "true", "1", "2", "3", "4", "1.5", "2.25",
                "text", "aGk=", "2024-05-01", "2024-05-01T12:30:00.000Z", "2024-05-01T12:30:00.000123", "[1,2]", "{\"x\":1}",
                "{\"street\":\"Main St\",\"zip\":12345,\"geo\":{\"lat\":1.5,\"lon\":-2.0}}", "[{\"k\":\"k1\",\"v\":9}]"));
    }

    @Test
    void fetchesAResultOfSeveralChunks() throws Exception {
        int total = StatementExecutor.CHUNK_ROWS + 5;
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < total; i++) rows.add(new Object[] {i});
        createTable("many_rows", List.of(new TableColumn("n", ColumnType.of(Kind.LONG), false)), rows);

        StatementResponse first = run("SELECT n FROM main.default.many_rows ORDER BY n");
        ResultData second = client.statementExecution().getStatementResultChunkN(first.getStatementId(),
                first.getResult().getNextChunkIndex());

        assertThat(first.getManifest().getTotalChunkCount()).isEqualTo(2L);
        assertThat(first.getManifest().getTotalRowCount()).isEqualTo((long) total);
        assertThat(first.getResult().getDataArray()).hasSize(StatementExecutor.CHUNK_ROWS);
        assertThat(second.getRowOffset()).isEqualTo((long) StatementExecutor.CHUNK_ROWS);
        assertThat(rows(second)).extracting(r -> r.get(0)).containsExactly("10000", "10001", "10002", "10003", "10004");
        assertThat(second.getNextChunkIndex()).isNull();
    }

    @Test
    void anUnsupportedStatementFailsWithWhatTheSandboxRuns() {
        StatementResponse response = run("DELETE FROM main.default.sensor_readings");

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(response.getStatus().getError().getErrorCode()).isEqualTo(ServiceErrorCode.BAD_REQUEST);
        assertThat(response.getStatus().getError().getMessage()).contains("Expected SELECT, found 'DELETE'")
                .contains("runs only SELECT * | col[, col...] FROM table");
    }

    @Test
    void anUnknownTableFailsAsTableOrViewNotFound() {
        StatementResponse response = run("SELECT * FROM main.default.nope");

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(response.getStatus().getError().getMessage()).startsWith("[TABLE_OR_VIEW_NOT_FOUND]").contains("`nope`");
    }

    @Test
    void externalLinksAreRefusedWithAClearMessage() {
        StatementResponse response = client.statementExecution().executeStatement(request("SELECT * FROM sensor_readings")
                .setDisposition(Disposition.EXTERNAL_LINKS));

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(response.getStatus().getError().getMessage()).contains("use disposition INLINE");
    }

    @Test
    void aPrincipalWithoutSelectGetsAFailedStatementNotAnHttpError() {
        WorkspaceClient noGrants = SdkClients.of(sandbox.workspace(), SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS));

        StatementResponse response = noGrants.statementExecution().executeStatement(request("SELECT * FROM sensor_readings"));

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(response.getStatus().getSqlState()).isEqualTo("42501");
        assertThat(response.getStatus().getError().getMessage()).isEqualTo("[INSUFFICIENT_PERMISSIONS] Insufficient privileges:"
                + " User does not have SELECT on Table 'main.default.sensor_readings'. SQLSTATE: 42501");
    }

    @Test
    void listsTheSandboxWarehousesAndStatementsCanBeReadBackAndCancelled() {
        List<EndpointInfo> warehouses = StreamSupport.stream(
                client.warehouses().list(new ListWarehousesRequest()).spliterator(), false).toList();
        StatementResponse response = run("SELECT COUNT(*) FROM sensor_readings");
        client.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(response.getStatementId()));

        StatementResponse again = client.statementExecution().getStatement(response.getStatementId());

        assertThat(warehouses).extracting(EndpointInfo::getId, EndpointInfo::getState).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SqlStatementApi.WAREHOUSE_ID, State.RUNNING),
                org.assertj.core.groups.Tuple.tuple(SqlWarehouses.CLASSIC_ID, State.STOPPED));
        assertThat(again.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(rows(again.getResult())).isEqualTo(rows(response.getResult()));
    }

    private static TableInfo createTable(String name, List<TableColumn> columns, List<Object[]> rows) throws Exception {
        TableInfo table = sandbox.context().state().createTable("main", "default", name, "MANAGED", "DELTA", columns, null,
                SandboxPrincipals.GRANTED, Map.of());
        sandbox.context().tables().create(table.tableId(), table.schema());
        sandbox.context().tables().append(table.tableId(), table.schema(), rows).get();
        return table;
    }

    private static ExecuteStatementRequest request(String sql) {
        return new ExecuteStatementRequest().setWarehouseId(SqlStatementApi.WAREHOUSE_ID).setStatement(sql)
                .setCatalog("main").setSchema("default");
    }

    private static StatementResponse run(String sql) {
        return client.statementExecution().executeStatement(request(sql));
    }

    private static String single(StatementResponse response) {
        return rows(response.getResult()).get(0).get(0);
    }

    private static List<List<String>> rows(ResultData data) {
        List<List<String>> rows = new ArrayList<>();
        for (Collection<String> row : data.getDataArray()) rows.add(new ArrayList<>(row));
        return rows;
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
