package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.ColumnInfo;
import com.databricks.sdk.service.catalog.GetGrantRequest;
import com.databricks.sdk.service.catalog.PermissionsChange;
import com.databricks.sdk.service.catalog.Privilege;
import com.databricks.sdk.service.catalog.PrivilegeAssignment;
import com.databricks.sdk.service.catalog.TableInfo;
import com.databricks.sdk.service.catalog.TableType;
import com.databricks.sdk.service.catalog.UpdatePermissions;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ServiceErrorCode;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE TABLE, ALTER TABLE ADD COLUMNS, DROP TABLE, GRANT, REVOKE and SHOW GRANTS through the official SDK's
 * StatementExecutionAPI, as {@code sandbox-sp} (USE CATALOG, USE SCHEMA, CREATE TABLE on main.default; owns what it
 * creates, not the seed tables) and {@code no-grants-sp} (USE CATALOG and USE SCHEMA only).
 */
class SqlDdlTest {
    @TempDir static Path dataDir;
    static SandboxWorkspace sandbox;
    static WorkspaceClient granted;
    static WorkspaceClient noGrants;

    @BeforeAll
    static void start() {
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir));
        granted = SdkClients.granted(sandbox);
        noGrants = SdkClients.of(sandbox, SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void createTableMakesAManagedDeltaTableOwnedByTheCallerWithEveryType() {
        StatementResponse response = run(granted, """
                CREATE TABLE IF NOT EXISTS main.default.`trial_types` (
                  id BIGINT NOT NULL COMMENT 'row id',
                  flag BOOLEAN, tiny TINYINT, small SMALLINT, n INT, f FLOAT, d DOUBLE, s STRING, v VARCHAR(10),
                  bin BINARY, day DATE, ts TIMESTAMP, local TIMESTAMP_NTZ, price DECIMAL(10, 2),
                  tags ARRAY<STRING>, props MAP<STRING, INT>,
                  address STRUCT<street: STRING, zip INT NOT NULL, geo: STRUCT<lat: DOUBLE, lon: DOUBLE>>
                ) USING DELTA COMMENT 'made by SQL';""");

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        TableInfo table = granted.tables().get("main.default.trial_types");
        assertThat(table.getTableType()).isEqualTo(TableType.MANAGED);
        assertThat(table.getOwner()).isEqualTo(SandboxPrincipals.GRANTED);
        assertThat(table.getComment()).isEqualTo("made by SQL");
        assertThat(table.getColumns()).extracting(ColumnInfo::getTypeText).containsExactly("bigint", "boolean", "tinyint",
                "smallint", "int", "float", "double", "string", "varchar(10)", "binary", "date", "timestamp",
                "timestamp_ntz", "decimal(10,2)", "array<string>", "map<string,int>",
                "struct<street:string,zip:int not null,geo:struct<lat:double,lon:double>>");
        assertThat(table.getColumns().iterator().next()).satisfies(c -> {
            assertThat(c.getNullable()).isFalse();
            assertThat(c.getComment()).isEqualTo("row id");
        });
        var info = sandbox.context().state().table("main.default.trial_types");
        assertThat(Files.isDirectory(dataDir.resolve("tables").resolve(info.tableId()).resolve("_delta_log"))).isTrue();
        assertThat(sandbox.context().tables().count(info.tableId())).isZero();
        assertThat(names(granted.tables().list("main", "default"))).contains("trial_types");
    }

    @Test
    void createTableRefusesANameThatIsTakenUnlessIfNotExists() {
        assertThat(run(granted, "CREATE TABLE IF NOT EXISTS sensor_readings (x INT)").getStatus().getState())
                .isEqualTo(StatementState.SUCCEEDED);

        StatementResponse response = run(granted, "CREATE TABLE sensor_readings (x INT)");

        assertFailed(response, "[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view `main`.`default`.`sensor_readings`"
                + " because it already exists.", "42P07");
        assertThat(granted.tables().get("main.default.sensor_readings").getColumns()).hasSize(4);
    }

    @Test
    void createTableNeedsCreateTableOnTheSchema() {
        StatementResponse response = run(noGrants, "CREATE TABLE main.default.not_mine (x INT)");

        assertFailed(response, "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have CREATE TABLE on Schema"
                + " 'main.default'. SQLSTATE: 42501", "42501");
        assertThat(sandbox.context().state().findTable("main.default.not_mine")).isEmpty();
    }

    @Test
    void createTableErrorsAreDatabricksErrorConditions() {
        assertFailed(run(granted, "CREATE TABLE main.nope.t (x INT)"), "[SCHEMA_NOT_FOUND] The schema `main`.`nope` cannot be found.",
                "42704");
        assertFailed(run(granted, "CREATE TABLE t_bad (x INT,)"), "[PARSE_SYNTAX_ERROR] Syntax error at or near ')'.", "42601");
        assertFailed(run(granted, "CREATE TABLE t_bad x INT"), "[PARSE_SYNTAX_ERROR] Syntax error at or near 'x'.", "42601");
        assertFailed(run(granted, "CREATE TABLE t_bad (x FOO)"), "[UNSUPPORTED_DATATYPE] Unsupported data type \"FOO\".", "0A000");
        assertFailed(run(granted, "CREATE TABLE t_bad (x INT, X STRING)"), "[COLUMN_ALREADY_EXISTS] The column `X` already exists.",
                "42711");
        assertFailed(run(granted, "CREATE TABLE t_bad (`a b` INT)"), "[DELTA_INVALID_CHARACTERS_IN_COLUMN_NAMES]", "42K05");
        assertThat(sandbox.context().state().findTable("main.default.t_bad")).isEmpty();
    }

    @Test
    void externalTablesAreRefusedForTheSandboxHasNoExternalLocations() {
        StatementResponse withLocation = run(granted, "CREATE TABLE ext_t (x INT) LOCATION 's3://bucket/path'");
        StatementResponse external = run(granted, "CREATE EXTERNAL TABLE ext_t (x INT) LOCATION 's3://bucket/path'");

        assertFailed(withLocation, "the sandbox has no external locations", "0A000");
        assertThat(external.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(external.getStatus().getError().getMessage()).contains("no external locations");
        assertThat(sandbox.context().state().findTable("main.default.ext_t")).isEmpty();
    }

    @Test
    void alterTableAddColumnsChangesTheCatalogAndTheDeltaTable() throws Exception {
        run(granted, "CREATE TABLE evolving (id INT NOT NULL)");
        var before = sandbox.context().state().table("main.default.evolving");
        sandbox.context().tables().append(before.tableId(), before.schema(), List.<Object[]>of(new Object[] {1})).get();

        StatementResponse response = run(granted, "ALTER TABLE main.default.evolving ADD COLUMNS (note STRING COMMENT 'why',"
                + " score DOUBLE)");

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(granted.tables().get("main.default.evolving").getColumns())
                .extracting(ColumnInfo::getName, ColumnInfo::getTypeText, ColumnInfo::getNullable)
                .containsExactly(tuple("id", "int", false),
                        tuple("note", "string", true),
                        tuple("score", "double", true));
        var after = sandbox.context().state().table("main.default.evolving");
        sandbox.context().tables().append(after.tableId(), after.schema(), List.<Object[]>of(new Object[] {2, "n", 1.5})).get();
        assertThat(rows(run(granted, "SELECT * FROM evolving ORDER BY id"))).containsExactly(
                Arrays.asList("1", null, null), List.of("2", "n", "1.5"));
        assertThat(run(granted, "ALTER TABLE evolving ADD COLUMN flag BOOLEAN").getStatus().getState())
                .isEqualTo(StatementState.SUCCEEDED);
        assertThat(sandbox.context().state().table("main.default.evolving").columns()).hasSize(4);
    }

    @Test
    void alterTableRefusesNotNullDuplicatesAndCallersWithoutModify() {
        run(granted, "CREATE TABLE strict_alter (id INT)");

        assertFailed(run(granted, "ALTER TABLE strict_alter ADD COLUMNS (must INT NOT NULL)"),
                "[DELTA_OPERATION_NOT_ALLOWED] Operation not allowed: `NOT NULL in ALTER TABLE ADD COLUMNS` is not supported"
                        + " for Delta tables", "0AKDC");
        assertFailed(run(granted, "ALTER TABLE strict_alter ADD COLUMNS (ID STRING)"),
                "[FIELD_ALREADY_EXISTS] Cannot add column, because `ID` already exists", "42710");
        assertFailed(run(noGrants, "ALTER TABLE main.default.strict_alter ADD COLUMNS (x INT)"),
                "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have MODIFY on Table 'main.default.strict_alter'.",
                "42501");
        assertFailed(run(granted, "ALTER TABLE nope ADD COLUMNS (x INT)"),
                "[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`default`.`nope` cannot be found.", "42P01");
        assertThat(sandbox.context().state().table("main.default.strict_alter").columns()).hasSize(1);
    }

    @Test
    void dropTableNeedsOwnershipOrManageAndRemovesTheData() {
        run(granted, "CREATE TABLE to_drop (id INT)");
        var info = sandbox.context().state().table("main.default.to_drop");

        assertFailed(run(noGrants, "DROP TABLE main.default.to_drop"),
                "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User is not an owner of Table 'main.default.to_drop'", "42501");
        assertFailed(run(granted, "DROP TABLE sensor_readings"), "[INSUFFICIENT_PERMISSIONS]", "42501");
        assertThat(run(granted, "DROP TABLE to_drop").getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);

        assertThat(names(granted.tables().list("main", "default"))).doesNotContain("to_drop").contains("sensor_readings");
        assertThat(Files.exists(dataDir.resolve("tables").resolve(info.tableId()))).isFalse();
        assertThat(run(granted, "DROP TABLE IF EXISTS to_drop").getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertFailed(run(granted, "DROP TABLE to_drop"), "[TABLE_OR_VIEW_NOT_FOUND]", "42P01");
    }

    @Test
    void grantAndRevokeShareTheGrantsOfThePermissionsApi() {
        run(granted, "CREATE TABLE shared_t (id INT)");

        StatementResponse grant = run(granted, "GRANT SELECT, MODIFY ON TABLE main.default.shared_t TO `no-grants-sp`");

        assertThat(grant.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(privileges("main.default.shared_t", SandboxPrincipals.NO_GRANTS)).containsExactlyInAnyOrder(Privilege.SELECT,
                Privilege.MODIFY);
        granted.grants().update(new UpdatePermissions().setSecurableType("table").setFullName("main.default.shared_t")
                .setChanges(List.of(new PermissionsChange().setPrincipal(SandboxPrincipals.NO_GRANTS).setAdd(List.of(Privilege.APPLY_TAG)))));
        assertThat(rows(run(granted, "SHOW GRANTS `no-grants-sp` ON TABLE main.default.shared_t"))).containsExactly(
                List.of("no-grants-sp", "APPLY TAG", "TABLE", "main.default.shared_t"),
                List.of("no-grants-sp", "MODIFY", "TABLE", "main.default.shared_t"),
                List.of("no-grants-sp", "SELECT", "TABLE", "main.default.shared_t"),
                List.of("no-grants-sp", "USE SCHEMA", "SCHEMA", "main.default"),
                List.of("no-grants-sp", "USE CATALOG", "CATALOG", "main"));

        assertThat(run(granted, "REVOKE MODIFY, APPLY TAG ON main.default.shared_t FROM `no-grants-sp`").getStatus().getState())
                .isEqualTo(StatementState.SUCCEEDED);
        assertThat(privileges("main.default.shared_t", SandboxPrincipals.NO_GRANTS)).containsExactly(Privilege.SELECT);
    }

    @Test
    void showGrantsListsEveryPrincipalWithTheColumnsDatabricksUses() {
        run(granted, "CREATE TABLE shown_t (id INT)");
        run(granted, "GRANT SELECT ON TABLE shown_t TO `no-grants-sp`");
        StatementResponse response = run(granted, "SHOW GRANTS ON TABLE main.default.shown_t");

        assertThat(response.getManifest().getSchema().getColumns())
                .extracting(com.databricks.sdk.service.sql.ColumnInfo::getName)
                .containsExactly("Principal", "ActionType", "ObjectType", "ObjectKey");
        assertThat(rows(response)).contains(List.of("no-grants-sp", "SELECT", "TABLE", "main.default.shown_t"),
                List.of("sandbox-sp", "CREATE TABLE", "SCHEMA", "main.default"),
                List.of("no-grants-sp", "USE CATALOG", "CATALOG", "main"));
        // A grantee of SELECT is not an owner and holds no MANAGE: it sees its own grants only (security-show-grant).
        assertFailed(run(noGrants, "SHOW GRANTS ON TABLE main.default.shown_t"), "[INSUFFICIENT_PERMISSIONS] Insufficient"
                + " privileges: User does not have MANAGE on Table 'main.default.shown_t'", "42501");
        assertFailed(run(granted, "SHOW GRANTS ON TABLE main.default.sensor_readings"), "[INSUFFICIENT_PERMISSIONS]", "42501");
        assertThat(rows(run(noGrants, "SHOW GRANTS `no-grants-sp` ON TABLE main.default.sensor_readings")))
                .containsExactly(List.of("no-grants-sp", "USE SCHEMA", "SCHEMA", "main.default"),
                        List.of("no-grants-sp", "USE CATALOG", "CATALOG", "main"));
    }

    @Test
    void grantRefusesUnknownPrincipalsNonOwnersAndPrivilegesThatDoNotApply() {
        run(granted, "CREATE TABLE guarded (id INT)");

        assertFailed(run(granted, "GRANT SELECT ON TABLE guarded TO `nobody@example.com`"),
                "[PRINCIPAL_DOES_NOT_EXIST] Could not find principal with name nobody@example.com.", "42704");
        assertFailed(run(granted, "GRANT SELECT ON TABLE main.default.sensor_readings TO `no-grants-sp`"),
                "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have MANAGE on Table"
                        + " 'main.default.sensor_readings'.", "42501");
        assertFailed(run(noGrants, "GRANT SELECT ON TABLE main.default.guarded TO `no-grants-sp`"),
                "[INSUFFICIENT_PERMISSIONS]", "42501");
        assertFailed(run(granted, "GRANT USE CATALOG ON TABLE guarded TO `no-grants-sp`"),
                "Privilege USE CATALOG is not applicable to TABLE", "22023");
        assertFailed(run(granted, "GRANT SELECT ON CATALOG nowhere TO `no-grants-sp`"),
                "[NO_SUCH_CATALOG_EXCEPTION] Catalog 'nowhere' was not found.", "42704");
        assertFailed(run(granted, "GRANT SELECT TABLE guarded TO `no-grants-sp`"), "[PARSE_SYNTAX_ERROR]", "42601");
        assertThat(privileges("main.default.guarded", SandboxPrincipals.NO_GRANTS)).isEmpty();
        assertThat(privileges("main.default.sensor_readings", SandboxPrincipals.NO_GRANTS)).isEmpty();
    }

    @Test
    void anOwnerGrantsOnItsSchemaAndTheGranteeMayThenCreateTables() {
        var state = sandbox.context().state();
        state.createSchema("main", "team", null, SandboxPrincipals.GRANTED);

        assertThat(run(granted, "GRANT USE SCHEMA, CREATE TABLE ON SCHEMA main.team TO `no-grants-sp`").getStatus().getState())
                .isEqualTo(StatementState.SUCCEEDED);
        StatementResponse created = run(noGrants, "CREATE TABLE main.team.theirs (id INT)");

        assertThat(created.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        assertThat(state.table("main.team.theirs").owner()).isEqualTo(SandboxPrincipals.NO_GRANTS);
    }

    @Test
    void aCreatedAndAlteredTableSurvivesARestart(@TempDir Path otherDir) throws Exception {
        try (var first = SandboxWorkspace.start(SandboxOptions.defaults(otherDir))) {
            var client = SdkClients.granted(first);
            run(client, "CREATE TABLE kept (id INT NOT NULL)");
            var info = first.context().state().table("main.default.kept");
            first.context().tables().append(info.tableId(), info.schema(), List.<Object[]>of(new Object[] {1})).get();
            run(client, "ALTER TABLE kept ADD COLUMNS (note STRING)");
        }
        try (var second = SandboxWorkspace.start(SandboxOptions.defaults(otherDir))) {
            var client = SdkClients.granted(second);
            assertThat(client.tables().get("main.default.kept").getColumns()).extracting(ColumnInfo::getName)
                    .containsExactly("id", "note");
            assertThat(rows(run(client, "SELECT * FROM kept"))).containsExactly(Arrays.asList("1", null));
        }
    }

    // ---- helpers ----

    static StatementResponse run(WorkspaceClient client, String sql) {
        return client.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId(SqlStatementApi.WAREHOUSE_ID).setStatement(sql).setCatalog("main").setSchema("default"));
    }

    static void assertFailed(StatementResponse response, String messagePart, String sqlState) {
        assertThat(response.getStatus().getState()).isEqualTo(StatementState.FAILED);
        assertThat(response.getStatus().getError().getErrorCode()).isEqualTo(ServiceErrorCode.BAD_REQUEST);
        assertThat(response.getStatus().getError().getMessage()).contains(messagePart).contains("SQLSTATE: " + sqlState);
        assertThat(response.getStatus().getSqlState()).isEqualTo(sqlState);
    }

    static List<List<String>> rows(StatementResponse response) {
        assertThat(response.getStatus().getState()).isEqualTo(StatementState.SUCCEEDED);
        List<List<String>> rows = new ArrayList<>();
        Collection<Collection<String>> data = response.getResult().getDataArray();
        if (data != null) for (Collection<String> row : data) rows.add(new ArrayList<>(row));
        return rows;
    }

    private static Collection<Privilege> privileges(String table, String principal) {
        var assignments = granted.grants().get(new GetGrantRequest().setSecurableType("table").setFullName(table))
                .getPrivilegeAssignments();
        if (assignments == null) return List.of();
        return assignments.stream().filter(a -> principal.equals(a.getPrincipal())).findFirst()
                .map(PrivilegeAssignment::getPrivileges).orElse(List.of());
    }

    private static List<String> names(Iterable<TableInfo> tables) {
        return StreamSupport.stream(tables.spliterator(), false).map(TableInfo::getName).toList();
    }
}
