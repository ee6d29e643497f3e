package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionOptionsTest {
    private final CliSandbox fixture = CliSandbox.get();
    @TempDir Path sandboxData;

    @Test
    void usesTheEnvironmentWhenNoProfileIsNamed() {
        var e = fixture.sandbox.endpoints();
        var env = Map.of("DATABRICKS_HOST", e.workspaceUrl(), "ZEROBUS_ENDPOINT", e.zerobusEndpoint(),
                "DATABRICKS_CLIENT_ID", e.clientId(), "DATABRICKS_CLIENT_SECRET", e.clientSecret());

        var run = fixture.run(new TablesCommand(fixture.connection(env)));

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("Using profile 'environment' (from the environment): " + e.workspaceUrl() + ", you: The ingest service principal, ingest as sandbox-sp\n");
        assertThat(run.out()).contains("main");
    }

    @Test
    void databricksTokenInTheEnvironmentIsYouAndNeedsNoServicePrincipalToBrowse() {
        var e = fixture.sandbox.endpoints();
        var env = Map.of("DATABRICKS_HOST", e.workspaceUrl(), "DATABRICKS_TOKEN", e.userToken());

        var run = fixture.run(new SqlCommand(fixture.connection(env)), "SELECT COUNT(*) FROM main.default.sensor_readings");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("Using profile 'environment' (from the environment): " + e.workspaceUrl() + ", you: Personal access token\n");
        var ingest = fixture.run(new GenerateCommand(fixture.connection(env)), "--table", "main.default.sensor_readings", "--count", "1");
        assertThat(ingest.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ingest.err()).contains("has no service principal to ingest as");
    }

    @Test
    void startsASandboxWhenNoWorkspaceIsConfiguredAndClosesItAfterwards() {
        var run = fixture.run(new TablesCommand(fixture.connection()), "--sandbox-data", sandboxData.toString(),
                "--catalog", "main", "--schema", "default");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err().lines()).first().isEqualTo("Using the local sandbox (no workspace configured), data in "
                + sandboxData.toAbsolutePath() + "…");
        assertThat(run.out()).contains("sensor_readings");
        assertThat(sandboxData.resolve("workspace.json")).exists();
    }

    @Test
    void aProfileAndTheSandboxTogetherAreAUsageProblem() {
        var run = fixture.run(new TablesCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--sandbox");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                Error: --profile and --sandbox/--sandbox-data both name a connection.
                Fix: Pass only one of them.
                """);
    }

    @Test
    void anUnknownDatabricksConfigProfileIsRefusedLikeAnUnknownProfileOptionNotReplacedByTheSandbox() {
        var byOption = fixture.run(new TablesCommand(fixture.connection()), "--profile", "nope");
        var byEnvironment = fixture.run(new TablesCommand(fixture.connection(Map.of("DATABRICKS_CONFIG_PROFILE", "nope"))));

        assertThat(byOption.exitCode()).isEqualTo(2);
        assertThat(byOption.err()).isEqualTo("""
                Error: There is no connection profile named 'nope'.
                Fix: Use one of: granted, no-grants, user, analyst.
                """);
        assertThat(byEnvironment.exitCode()).isEqualTo(2);
        assertThat(byEnvironment.out()).isEmpty();
        assertThat(byEnvironment.err()).isEqualTo("""
                Error: There is no connection profile named 'nope' (DATABRICKS_CONFIG_PROFILE).
                Fix: Use one of: granted, no-grants, user, analyst, or unset DATABRICKS_CONFIG_PROFILE.
                """);
        // a known name in the variable is used; --profile wins over it
        var known = fixture.run(new TablesCommand(fixture.connection(Map.of("DATABRICKS_CONFIG_PROFILE", CliSandbox.GRANTED))));
        assertThat(known.exitCode()).as(known.err()).isZero();
        assertThat(known.err()).startsWith("Using profile 'granted' (from ~/.databrickscfg)");
        var overridden = fixture.run(new TablesCommand(fixture.connection(Map.of("DATABRICKS_CONFIG_PROFILE", "nope"))),
                "--profile", CliSandbox.GRANTED);
        assertThat(overridden.exitCode()).as(overridden.err()).isZero();
    }
}
