package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoCommandTest {
    private static final String SENSOR_READINGS_PROTO = """
            syntax = "proto2";

            // Table main.default.sensor_readings: 4 columns.
            message sensor_readings {
                required string device_name = 1;
                optional int32 temp = 2;
                optional int32 humidity = 3;
                optional int64 ts = 4;
            }
            """;
    private final CliSandbox fixture = CliSandbox.get();
    @TempDir Path dir;

    @Test
    void printsTheProtoOfTheQuickstartTable() {
        var run = fixture.run(new ProtoCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.sensor_readings");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(SENSOR_READINGS_PROTO);
        assertThat(run.err()).startsWith("Using profile 'granted' (from ~/.databrickscfg): "
                + fixture.sandbox.endpoints().workspaceUrl() + ", you: ~/.databrickscfg profile 'granted', ingest as sandbox-sp\n");
    }

    @Test
    void writesTheProtoToAFileWithOut() throws Exception {
        Path file = dir.resolve("sensor_readings.proto");

        var run = fixture.run(new ProtoCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.sensor_readings", "--out", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(SENSOR_READINGS_PROTO);
    }

    @Test
    void listsTheColumnsItCannotCarryAndExitsWith2() {
        fixture.sandbox.context().state().createTable("main", "default", "prices", "MANAGED", "DELTA", List.of(
                new TableColumn("sku", ColumnType.of(Kind.STRING), false),
                new TableColumn("price", new ColumnType.Decimal(10, 2), true)), null, SandboxPrincipals.GRANTED, Map.of());

        var run = fixture.run(new ProtoCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", "main.default.prices");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("required string sku = 1;").contains("    // Column 'price' (decimal(10,2)) skipped: ");
        assertThat(run.err().lines()).containsSubsequence(
                "Table main.default.prices cannot take PROTO streams; the schema above leaves out:",
                "  Column 'price' has type 'decimal(10,2)', which Zerobus PROTO streams cannot carry: DECIMAL has no protobuf "
                        + "mapping in any official generator yet (databricks/zerobus-sdk issue #49); use DOUBLE or STRING, or a JSON "
                        + "stream once supported",
                "Fix: ingest with --record-type json, or change these columns' types.");
    }

    @Test
    void explainsAMissingTableWithExitCode1() {
        var run = fixture.run(new ProtoCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.nope");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Error: ").contains("main.default.nope").contains("Fix: ").doesNotContain("\tat ");
    }

    @Test
    void showsTheStackTraceOnlyWithVerbose() {
        var run = fixture.run(new ProtoCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "main.default.nope", "--verbose");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("\tat dev.zerobus.console.");
    }

    @Test
    void anUnknownProfileIsAUsageProblem() {
        var run = fixture.run(new ProtoCommand(fixture.connection()), "--profile", "prod", "--table", "main.default.sensor_readings");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("""
                Error: There is no connection profile named 'prod'.
                Fix: Use one of: granted, no-grants, user, analyst.
                """);
    }
}
