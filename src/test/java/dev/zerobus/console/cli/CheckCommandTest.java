package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckCommandTest {
    private final CliSandbox fixture = CliSandbox.get();

    @Test
    void passesEveryStepWithTheGrantedPrincipal() {
        var run = fixture.run(new CheckCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.sensor_readings");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        var e = fixture.sandbox.endpoints();
        assertThat(run.out().lines().limit(5)).containsExactly(
                "Zerobus connection check for table main.default.sensor_readings",
                "  workspace: " + e.workspaceUrl(),
                "  endpoint:  " + e.zerobusEndpoint(),
                "  you:       ~/.databrickscfg profile 'granted'",
                "  ingest as: sandbox-sp (secret not shown)");
        assertThat(run.out().lines().filter(l -> l.startsWith("["))).hasSize(7).allMatch(l -> l.startsWith("[PASSED   ] "));
        assertThat(run.out()).containsPattern("\\[PASSED   ] Open and close a stream without records \\(\\d+ ms\\)\n"
                + "    Opened and closed a JSON stream\n");
    }

    @Test
    void failsAtTheGrantsStepWithTheGrantToRunForAPrincipalWithoutGrants() {
        var run = fixture.run(new CheckCommand(fixture.connection()), "--profile", CliSandbox.NO_GRANTS,
                "--table", "main.default.sensor_readings");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("\\[FAILED   ] Check the principal's grants on the table \\(\\d+ ms\\)\n")
                .contains("    Cause: Service principal 'no-grants-sp' lacks SELECT and MODIFY on the table itself.")
                .contains("    Run:   GRANT SELECT, MODIFY ON TABLE main.default.sensor_readings TO `no-grants-sp`;\n")
                .contains("[SKIPPED  ] Open and close a stream without records (0 ms)\n");
    }
}
