package dev.zerobus.console.sandbox.http;

import static dev.zerobus.console.sandbox.http.SqlDdlTest.rows;
import static dev.zerobus.console.sandbox.http.SqlDdlTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.service.catalog.ColumnInfo;
import com.databricks.sdk.service.sql.ServiceErrorCode;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE ... ADD COLUMNS touches two files: the Delta log (the source of truth, committed first) and the
 * catalog file workspace.json. A crash between the two, injected with {@code FaultPlan.crashAfterSchemaCommits}, must
 * leave a table whose catalog columns and Delta schema agree after a restart. CREATE TABLE (catalog first) interrupted
 * before its Delta commit gets its empty Delta table at the next start.
 */
class AlterTableCrashTest {
    @TempDir Path dataDir;

    @Test
    void aCrashAfterTheDeltaCommitLeavesTheAlteredSchemaAfterARestart() throws Exception {
        String tableId;
        try (var first = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            var client = SdkClients.granted(first);
            run(client, "CREATE TABLE crashed (id INT NOT NULL)");
            var info = first.context().state().table("main.default.crashed");
            tableId = info.tableId();
            first.context().tables().append(tableId, info.schema(), List.<Object[]>of(new Object[] {1})).get();
            first.faults().crashAfterSchemaCommits(1);

            StatementResponse alter = run(client, "ALTER TABLE crashed ADD COLUMNS (note STRING COMMENT 'why', code VARCHAR(5))");

            assertThat(alter.getStatus().getState()).isEqualTo(StatementState.FAILED);
            assertThat(alter.getStatus().getError().getErrorCode()).isEqualTo(ServiceErrorCode.INTERNAL_ERROR);
            assertThat(alter.getStatus().getError().getMessage()).contains("Injected crash after the Delta commit");
            // The two halves disagree now, as after a real crash: Delta has the columns, the catalog file has not.
            assertThat(names(first.context().tables().columns(tableId).orElseThrow())).containsExactly("id", "note", "code");
            assertThat(Files.readString(dataDir.resolve("workspace.json"))).doesNotContain("\"note\"");
        }

        try (var second = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            var client = SdkClients.granted(second);
            var info = second.context().state().table("main.default.crashed");

            assertThat(info.columns()).containsExactly(new TableColumn("id", ColumnType.of(ColumnType.Kind.INT), false),
                    // The Delta log keeps neither the comment nor the VARCHAR length: STRING, as Delta stores it.
                    new TableColumn("note", ColumnType.of(ColumnType.Kind.STRING), true),
                    new TableColumn("code", ColumnType.of(ColumnType.Kind.STRING), true));
            assertThat(names(second.context().tables().columns(tableId).orElseThrow())).isEqualTo(names(info.columns()));
            assertThat(Files.readString(dataDir.resolve("workspace.json"))).contains("\"note\"");
            assertThat(client.tables().get("main.default.crashed").getColumns()).extracting(ColumnInfo::getName)
                    .containsExactly("id", "note", "code");
            second.context().tables().append(tableId, info.schema(), List.<Object[]>of(new Object[] {2, "added", "c"})).get();
            assertThat(rows(run(client, "SELECT * FROM crashed ORDER BY id"))).containsExactly(
                    Arrays.asList("1", null, null), List.of("2", "added", "c"));
            // The table takes further changes: catalog and Delta agree again.
            assertThat(run(client, "ALTER TABLE crashed ADD COLUMNS (later INT)").getStatus().getState())
                    .isEqualTo(StatementState.SUCCEEDED);
            assertThat(names(second.context().tables().columns(tableId).orElseThrow())).containsExactly("id", "note", "code", "later");
        }
    }

    @Test
    void catalogColumnsTheDeltaLogNeverCommittedAreDroppedAtStart() throws Exception {
        String tableId;
        try (var first = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            run(SdkClients.granted(first), "CREATE TABLE ahead (id INT NOT NULL, note STRING COMMENT 'kept')");
            var info = first.context().state().table("main.default.ahead");
            tableId = info.tableId();
            // The order before Delta became the source of truth: catalog file first, then a crash before the commit.
            first.context().state().replaceColumns(info.fullName(), List.of(info.columns().get(0), info.columns().get(1),
                    new TableColumn("ghost", ColumnType.of(ColumnType.Kind.LONG), true)));
        }

        try (var second = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            var info = second.context().state().table("main.default.ahead");

            assertThat(info.columns()).containsExactly(new TableColumn("id", ColumnType.of(ColumnType.Kind.INT), false),
                    new TableColumn("note", ColumnType.of(ColumnType.Kind.STRING), true, "kept"));
            assertThat(names(second.context().tables().columns(tableId).orElseThrow())).containsExactly("id", "note");
            assertThat(run(SdkClients.granted(second), "ALTER TABLE ahead ADD COLUMNS (ghost BIGINT)").getStatus().getState())
                    .isEqualTo(StatementState.SUCCEEDED);
        }
    }

    @Test
    void aManagedTableWithoutADeltaLogGetsAnEmptyOneAtStart() throws Exception {
        try (var first = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            // CREATE TABLE's first half only, as a crash before its Delta commit leaves it.
            first.context().state().createTable("main", "default", "half_made", "MANAGED", "DELTA",
                    List.of(new TableColumn("id", ColumnType.of(ColumnType.Kind.INT), false)), null,
                    dev.zerobus.console.sandbox.SandboxPrincipals.GRANTED, java.util.Map.of());
        }

        try (var second = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            var info = second.context().state().table("main.default.half_made");

            assertThat(second.context().tables().columns(info.tableId()).map(AlterTableCrashTest::names)).contains(List.of("id"));
            assertThat(rows(run(SdkClients.granted(second), "SELECT COUNT(*) FROM half_made"))).containsExactly(List.of("0"));
        }
    }

    private static List<String> names(List<TableColumn> columns) {
        return columns.stream().map(TableColumn::name).toList();
    }
}
