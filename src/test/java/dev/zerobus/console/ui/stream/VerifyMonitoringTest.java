package dev.zerobus.console.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.catalog.ZerobusSystemTables;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify's monitoring queries: the SQL shown for a table, and what running them on the sandbox says. */
class VerifyMonitoringTest {
    @TempDir Path dir;

    @Test
    void theQueriesNameTheTableAndUseTheDocumentedColumns() {
        var queries = ZerobusSystemTables.forTable("main.default.sensor_readings");
        assertThat(queries).hasSize(2);
        assertThat(queries.get(0).sql()).isEqualTo("""
                SELECT stream_id, event_time, opened_time, closed_time, protocol, data_format, errors
                FROM system.lakeflow.zerobus_stream
                WHERE table_name = 'main.default.sensor_readings'
                ORDER BY event_time DESC
                LIMIT 100""");
        assertThat(queries.get(1).sql()).startsWith("SELECT *\nFROM system.lakeflow.zerobus_ingest\nWHERE stream_id IN (SELECT stream_id "
                + "FROM system.lakeflow.zerobus_stream WHERE table_name = 'main.default.sensor_readings')");
        assertThat(queries.get(0).title()).contains("Beta");
        assertThat(ZerobusSystemTables.explain("[PERMISSION_DENIED] User does not have USE SCHEMA on system.lakeflow"))
                .contains("USE and SELECT on the system schemas");
    }

    @Test
    void onTheSandboxEachQueryShowsTheWarehousesErrorAndWhatItMeans() {
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir))) {
            var e = sandbox.endpoints();
            var profile = new ConnectionProfile("sandbox", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(),
                    e.clientId(), Secret.of(e.clientSecret()));
            var model = new VerifyModel(p -> new TableReader(WorkspaceClients.create(p)), Runnable::run, Runnable::run);
            model.showMonitoring("main.default.sensor_readings");
            assertThat(model.monitoring()).hasSize(2);

            model.runMonitoring(model.monitoring().get(0), null, profile);
            assertThat(model.monitorRunningProperty().get()).isFalse();
            assertThat(model.monitorProblemProperty().get()).containsIgnoringCase("zerobus_stream");
            assertThat(model.monitorSummaryProperty().get()).startsWith("The query did not run: The system table is not there. "
                    + "The local sandbox has no system.lakeflow schema");
            assertThat(model.monitorRows()).isEmpty();

            model.runMonitoring(model.monitoring().get(1), null, profile);
            assertThat(model.monitorSummaryProperty().get()).startsWith("The query did not run: The ");
            assertThat(model.monitorProblemProperty().get()).isNotEmpty();
            System.out.println("sandbox answers: " + model.monitorProblemProperty().get() + " => " + model.monitorSummaryProperty().get());
        }
    }
}
