package dev.zerobus.console.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Verify's result belongs to the session it read (selecting another shows that one's, or none), and a refusal names its GRANT. */
class VerifySelectionTest {
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox sandbox = new UiSandbox();

    @Test
    void showsEachSessionsOwnResultAndNothingForOneNotVerified() {
        AppContext context = UiTestSupport.context(sandbox.workspace(), dir.resolve("config"));
        TableDetails table = StreamFixtures.table(context);
        var verify = new VerifyModel(context::reader, Runnable::run, Runnable::run);
        var first = new ActiveIngestion("first", table, Instant.now(), null, null, 0);
        var second = new ActiveIngestion("second", table, Instant.now(), null, null, 0);

        verify.select(first);
        verify.verify(first, context.activeProfile().get(), 0);
        String firstResult = verify.summaryProperty().get();
        assertThat(firstResult).contains("rows since the session began");
        assertThat(verify.columns()).contains("device_name");

        verify.select(second);
        assertThat(verify.summaryProperty().get()).startsWith("Verify reads the table back");
        assertThat(verify.rows()).isEmpty();
        assertThat(verify.columns()).isEmpty();

        verify.select(first);
        assertThat(verify.summaryProperty().get()).isEqualTo(firstResult);
        assertThat(verify.columns()).contains("device_name");
    }

    /**
     * Verify as a principal without SELECT: Databricks fails the statement with [INSUFFICIENT_PERMISSIONS] (HTTP 200,
     * state FAILED), and Verify says it is a permission problem and shows the GRANT that fixes it.
     */
    @Test
    void verifyWithoutSelectShowsTheGrantForThePrincipalItReadsAs() {
        AppContext context = UiTestSupport.context(sandbox.workspace(), dir.resolve("config"));
        TableDetails table = StreamFixtures.table(context);
        var endpoints = sandbox.workspace().endpoints();
        var noGrants = new ConnectionProfile("no-grants", ConnectionProfile.Source.SANDBOX, endpoints.workspaceUrl(),
                endpoints.zerobusEndpoint(), SandboxPrincipals.NO_GRANTS, Secret.of(sandbox.workspace().secretOf(SandboxPrincipals.NO_GRANTS)));
        var verify = new VerifyModel(p -> new TableReader(WorkspaceClients.create(p), "sandbox", TableReader.DEFAULT_TIMEOUT),
                Runnable::run, Runnable::run);
        var ingestion = new ActiveIngestion("denied", table, Instant.now(), null, null, 0);

        verify.select(ingestion);
        verify.verify(ingestion, noGrants, 0);

        assertThat(verify.summaryProperty().get()).isEqualTo("Verify failed.");
        assertThat(verify.problemProperty().get())
                .startsWith("Could not read table main.default.sensor_readings on SQL warehouse sandbox: permission denied.")
                .contains("[INSUFFICIENT_PERMISSIONS]")
                .endsWith("GRANT SELECT ON TABLE main.default.sensor_readings TO `no-grants-sp`");
    }
}
