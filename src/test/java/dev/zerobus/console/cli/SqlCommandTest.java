package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlCommandTest {
    private final CliSandbox fixture = CliSandbox.get();

    @Test
    void printsTheRowCountOfATable() {
        long expected = fixture.count("main.default.sensor_readings");

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
