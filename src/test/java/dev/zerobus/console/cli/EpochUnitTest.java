package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 7: epoch numbers in another unit than the configured one are refused by line and value, or converted with --epoch-unit. */
class EpochUnitTest {
    private static final String TABLE = "main.default.sensor_readings";
    private final CliSandbox fixture = CliSandbox.get();
    @TempDir Path dir;

    @Test
    void secondsMillisAndNanosAreRefusedWhereMicrosAreExpected() throws Exception {
        Path jsonl = dir.resolve("epochs.jsonl");
        Files.writeString(jsonl, """
                {"device_name":"ep-us","temp":1,"humidity":2,"ts":1714566600000000}
                {"device_name":"ep-s","temp":1,"humidity":2,"ts":1714566600}
                {"device_name":"ep-ms","temp":1,"humidity":2,"ts":"1714566600000"}
                {"device_name":"ep-ns","temp":1,"humidity":2,"ts":1714566600000000000}
                """);
        long before = fixture.count(TABLE);

        var run = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", jsonl.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("{\"read\":4,\"skipped\":0,\"sent\":1,\"acked\":1,\"failed\":3,");
        assertThat(run.err())
                .contains("Line 2, column ts, value 1714566600: ts: 1714566600 looks like epoch seconds (2024-05-01T12:30:00Z) but bare numbers "
                        + "are read as epoch micros here (1970-01-01T00:28:34.566600Z): set the epoch unit to seconds (--epoch-unit s)")
                .contains("Line 3, column ts, value '1714566600000': ts: '1714566600000' looks like epoch millis (2024-05-01T12:30:00Z)")
                .contains("Line 4, column ts, value 1714566600000000000: ts: 1714566600000000000 looks like epoch nanos (2024-05-01T12:30:00Z) "
                        + "but bare numbers are read as epoch micros here (+56302-");
        assertThat(fixture.count(TABLE)).isEqualTo(before + 1);
    }

    @Test
    void epochUnitSecondsConvertsAndRefusesMicros() throws Exception {
        Path csv = dir.resolve("seconds.csv");
        Files.writeString(csv, "device_name,temp,humidity,ts\nep-sec,1,2,1714566600\nep-sec-us,1,2,1714566600000000\n");

        var run = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", csv.toString(), "--epoch-unit", "s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Line 3, column ts, value '1714566600000000': ts: '1714566600000000' looks like epoch micros "
                + "(2024-05-01T12:30:00Z) but bare numbers are read as epoch seconds here (beyond the year 9999): set the epoch unit to micros (--epoch-unit us)");
        var rows = fixture.run(new SqlCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "SELECT ts FROM " + TABLE + " WHERE device_name = 'ep-sec'");
        assertThat(rows.exitCode()).as(rows.err()).isZero();
        assertThat(rows.out()).contains("2024-05-01");
    }
}
