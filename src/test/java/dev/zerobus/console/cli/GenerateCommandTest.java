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

    /** Issue 12 item 11: the generator's own rows must all be ones the codec takes (9 of 20,000 failed before). */
    @Test
    void twentyThousandGeneratedAllTypesRowsAllLand() {
        String allTypes = "main.default.all_types";
        long before = fixture.count(allTypes);

        var run = fixture.run(new GenerateCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", allTypes,
                "--count", "20000", "--seed", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"read\":20000,\"skipped\":0,\"sent\":20000,\"acked\":20000,\"failed\":0,");
        assertThat(fixture.count(allTypes)).isEqualTo(before + 20_000);
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
