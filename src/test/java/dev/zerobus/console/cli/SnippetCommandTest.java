package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetCommandTest {
    private final CliSandbox fixture = CliSandbox.get();

    @Test
    void writesAPythonProducerThatReadsTheSecretFromTheEnvironment() {
        var run = fixture.run(new SnippetCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.sensor_readings", "--lang", "python");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("main.default.sensor_readings").contains("DATABRICKS_CLIENT_SECRET")
                .contains(fixture.sandbox.endpoints().zerobusEndpoint());
        assertThat(run.err()).endsWith("Save it as producer.py.\n");
    }

    @Test
    void writesATypeScriptProtoProducerForTs() {
        var run = fixture.run(new SnippetCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.sensor_readings", "--lang", "ts", "--record-type", "proto");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("main.default.sensor_readings").contains("DATABRICKS_CLIENT_SECRET");
        assertThat(run.err()).endsWith("Save it as producer.ts.\n");
    }

    @Test
    void rejectsAnUnknownLanguageAsAUsageProblem() {
        var run = fixture.run(new SnippetCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.sensor_readings", "--lang", "cobol");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'cobol' is not one of python, java, go, ts, rust");
    }
}
