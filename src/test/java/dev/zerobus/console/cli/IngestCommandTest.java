package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    private static final String TABLE = "main.default.sensor_readings";
    private final CliSandbox fixture = CliSandbox.get();
    @TempDir Path dir;

    @Test
    void loadsTheGoodRowsReportsTheBadOneAndWritesItToTheFailedRowsFile() throws Exception {
        Path csv = dir.resolve("readings.csv");
        Files.writeString(csv, """
                device_name,temp,humidity,ts
                cli-a,21,45,2024-05-01T12:30:00Z
                cli-b,hot,46,2024-05-01T12:31:00Z
                cli-c,23,47,2024-05-01T12:32:00Z
                cli-d,24,,2024-05-01 12:33:00
                """);
        Path failed = dir.resolve("failed.csv");
        long before = fixture.count(TABLE);

        var run = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", csv.toString(), "--failed-rows", failed.toString(), "--time-zone", "Europe/Berlin");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(1);
        assertThat(run.out().strip().replaceAll("\"seconds\":[0-9.]+", "\"seconds\":S"))
                .isEqualTo("{\"read\":4,\"skipped\":0,\"sent\":3,\"acked\":3,\"failed\":1,\"retries\":0,\"rotations\":0,\"seconds\":S,\"cancelled\":false}");
        assertThat(run.err()).contains("Line 3, column temp, value 'hot': ")
                .contains("Failed rows written to " + failed)
                .containsPattern("read 4, sent 3, acked 3, failed 1, retries 0, rotations 0, \\d+ rows/s, done\n");
        assertThat(Files.readAllLines(failed)).hasSize(2).last().asString().startsWith("cli-b,hot,46,");
        assertThat(fixture.count(TABLE)).isEqualTo(before + 3);
    }

    @Test
    void loadsJsonLinesWithProtoRecordsAndExitsZero() throws Exception {
        Path jsonl = dir.resolve("readings.jsonl");
        Files.writeString(jsonl, """
                {"device_name":"json-a","temp":1,"humidity":2,"ts":1714566600000000}
                {"device_name":"json-b","temp":3,"humidity":4,"ts":"2024-05-01T12:30:00Z"}
                """);

        var run = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", jsonl.toString(), "--record-type", "proto", "--streams", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"read\":2,\"skipped\":0,\"sent\":2,\"acked\":2,\"failed\":0,\"retries\":0,");
    }

    @Test
    void stopsAtTheFirstBadRowWithOnErrorStopAndSavesAResumePoint() throws Exception {
        Path csv = dir.resolve("stop.csv");
        Files.writeString(csv, "device_name,temp,humidity,ts\nstop-a,1,2,2024-05-01\nstop-b,x,2,2024-05-01\nstop-c,1,2,2024-05-01\n");

        var run = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", csv.toString(), "--on-error", "stop");

        assertThat(run.exitCode()).isEqualTo(1);
        // The good row before the bad one lands; nothing after the bad one is sent, and the resume point says so.
        assertThat(run.out()).startsWith("{\"read\":2,\"skipped\":0,\"sent\":1,\"acked\":1,\"failed\":1,");
        assertThat(run.err()).contains("Line 3, column temp, value 'x': ");
        assertThat(dir.resolve("stop.csv.resume.json")).exists();
    }

    @Test
    void refusesAFileWhoseColumnsLeaveANotNullColumnEmpty() throws Exception {
        Path csv = dir.resolve("wrong.csv");
        Files.writeString(csv, "name,temp\nx,1\n");

        var run = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", csv.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Error: Column 'device_name' is NOT NULL but gets no value.\n");
    }
}
