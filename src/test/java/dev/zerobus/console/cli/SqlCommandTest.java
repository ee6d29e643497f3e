package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import org.junit.jupiter.api.Test;

class SqlCommandTest {
    private final CliSandbox fixture = CliSandbox.get();

    private long count() {
        var e = fixture.sandbox.endpoints();
        var profile = new ConnectionProfile("t", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(),
                SandboxPrincipals.GRANTED, Secret.of(e.clientSecret()));
        return new TableReader(WorkspaceClients.create(profile)).count("main.default.sensor_readings");
    }

    @Test
    void printsTheRowCountOfATable() {
        long expected = count();

        var run = fixture.run(new SqlCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "SELECT COUNT(*) FROM main.default.sensor_readings");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(4).element(2).isEqualTo(String.valueOf(expected));
        assertThat(run.out().lines()).last().isEqualTo("(1 row)");
    }

    @Test
    void printsTheWarehousesMessageForAFailedStatement() {
        var run = fixture.run(new SqlCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "DELETE FROM main.default.sensor_readings");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Error: The statement FAILED: ").contains("The sandbox's SQL warehouse runs only SELECT");
    }
}
