package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenerateCommandTest {
    private static final String TABLE = "main.default.sensor_readings";
    private final CliSandbox fixture = CliSandbox.get();

    @Test
    void generatesAThousandRecordsThatAllLand() {
        long before = fixture.count(TABLE);

        var run = fixture.run(new GenerateCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--count", "1000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"read\":1000,\"skipped\":0,\"sent\":1000,\"acked\":1000,\"failed\":0,\"retries\":0,");
        assertThat(fixture.count(TABLE)).isEqualTo(before + 1000);
    }

    @Test
    void generatesEveryTypeAsProtoAtARate() {
        var run = fixture.run(new GenerateCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.all_types", "--count", "30", "--rate", "20", "--record-type", "proto");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"acked\":30,");
        assertThat(run.err()).containsPattern("read \\d+, sent \\d+, acked \\d+, failed 0, retries 0, rotations \\d+, \\d+ rows/s, ETA ");
    }
}
