package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.ingest.ResumePoint;
import dev.zerobus.console.sandbox.metadata.Securable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
                .isEqualTo("{\"read\":4,\"skipped\":0,\"sent\":3,\"acked\":3,\"failed\":1,\"retries\":0,\"rotations\":0,\"seconds\":S,\"cancelled\":false,\"resent\":0,\"outcome\":\"rows_failed\"}");
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

    // ---- issue 12: resume identity, output paths, record size ----------------------------------------------------

    private IngestCommand ingest() {
        return new IngestCommand(fixture.connection());
    }

    private Path csv(String name, String prefix, int rows) throws Exception {
        StringBuilder text = new StringBuilder("device_name,temp,humidity,ts\n");
        for (int i = 0; i < rows; i++) text.append(prefix).append(i).append(",1,2,2024-05-01T12:30:00Z\n");
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** Rows of {@code table} whose device_name starts with {@code prefix}, by device name, counted. */
    private Map<String, Long> landed(String table, String prefix) {
        var state = fixture.sandbox.context().state().table(table);
        return fixture.sandbox.context().tables().read(state.tableId(), state.schema(), -1).stream().map(r -> (String) r[0])
                .filter(d -> d != null && d.startsWith(prefix))
                .collect(Collectors.groupingBy(d -> d, Collectors.counting()));
    }

    @Test
    void resumeRefusesAPointSavedAgainstAnotherWorkspace() throws Exception {
        Path file = csv("elsewhere.csv", "elsewhere-", 10);
        // What a load stopped against another sandbox left: 6 rows durable there.
        Files.writeString(ResumePoint.defaultFile(file), String.format("""
                {"source":"%s","sourceSize":%d,"sourceModifiedMillis":%d,"workspaceUrl":"http://127.0.0.1:1",
                 "zerobusEndpoint":"http://127.0.0.1:2","table":"%s","tableId":"0000","durable":[[0,6]]}""",
                file, Files.size(file), Files.getLastModifiedTime(file).toMillis(), TABLE));

        var run = fixture.run(ingest(), "--profile", CliSandbox.GRANTED, "--table", TABLE, "--file", file.toString(), "--resume");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("was saved against workspace http://127.0.0.1:1 (Zerobus endpoint http://127.0.0.1:2)")
                .contains("its 6 durable rows are in that workspace").contains("Fix: Run with the profile of that workspace");
        assertThat(run.out()).isEmpty();
        assertThat(landed(TABLE, "elsewhere-")).isEmpty();
    }

    @Test
    void resumeRefusesATableThatWasDroppedAndRecreated() throws Exception {
        String table = "main.default.resume_recreated";
        var state = fixture.sandbox.context().state();
        var columns = state.table(TABLE).schema().columns();
        state.createTable("main", "default", "resume_recreated", "MANAGED", "DELTA", columns, null, "sandbox-admin", Map.of());
        state.updateGrants(Securable.table(table), fixture.sandbox.endpoints().clientId(),
                List.of("SELECT", "MODIFY"), List.of());
        Path file = dir.resolve("recreate.csv");
        Files.writeString(file, "device_name,temp,humidity,ts\nre-a,1,2,2024-05-01\nre-b,x,2,2024-05-01\nre-c,1,2,2024-05-01\n");
        var first = fixture.run(ingest(), "--profile", CliSandbox.GRANTED, "--table", table, "--file", file.toString(), "--on-error", "stop");
        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(ResumePoint.defaultFile(file)).exists();

        state.deleteTable(table);
        state.createTable("main", "default", "resume_recreated", "MANAGED", "DELTA", columns, null, "sandbox-admin", Map.of());
        state.updateGrants(Securable.table(table), fixture.sandbox.endpoints().clientId(),
                List.of("SELECT", "MODIFY"), List.of());
        var resumed = fixture.run(ingest(), "--profile", CliSandbox.GRANTED, "--table", table, "--file", file.toString(), "--resume");

        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(resumed.err()).contains("Table " + table + " was dropped and re-created since the resume point")
                .contains("Fix: Load the whole file again without --resume");
        assertThat(resumed.out()).as("nothing was loaded into the new table").isEmpty();
    }

    @Test
    void refusesAFailedRowsPathThatIsTheInputFileByRealPath() throws Exception {
        Path file = csv("source.csv", "same-", 5);
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, file);
        String before = Files.readString(file);
        // Through a symlink, and as ./source.csv even with --overwrite: the input is never an output.
        for (String[] failed : new String[][] {{link.toString()}, {dir.resolve(".").resolve("source.csv").toString(), "--overwrite"}}) {
            var args = new ArrayList<>(List.of("--profile", CliSandbox.GRANTED, "--table", TABLE, "--file",
                    file.toString(), "--failed-rows"));
            args.addAll(List.of(failed));
            var run = fixture.run(ingest(), args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("is the file being loaded").contains("writing it would erase the data");
        }
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(landed(TABLE, "same-")).isEmpty();
    }

    @Test
    void neverOverwritesAnExistingFailedRowsFileWithoutOverwrite() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "device_name,temp,humidity,ts\nkeep-a,1,2,2024-05-01\nkeep-b,x,2,2024-05-01\n");
        Path failed = dir.resolve("earlier-failures.csv");
        Files.writeString(failed, "rows from an earlier run\n");

        var refused = fixture.run(ingest(), "--profile", CliSandbox.GRANTED, "--table", TABLE, "--file", file.toString(),
                "--failed-rows", failed.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("The failed-rows file " + failed + " already exists").contains("--overwrite");
        assertThat(Files.readString(failed)).isEqualTo("rows from an earlier run\n");
        assertThat(landed(TABLE, "keep-")).isEmpty();

        var replaced = fixture.run(ingest(), "--profile", CliSandbox.GRANTED, "--table", TABLE, "--file", file.toString(),
                "--failed-rows", failed.toString(), "--overwrite");
        assertThat(replaced.exitCode()).isEqualTo(1);
        assertThat(Files.readAllLines(failed)).hasSize(2).last().asString().startsWith("keep-b,x,2,");
    }

    @Test
    void aRecordOverTenMegabytesFailsAloneByLineAndTheRestLandAndResume() throws Exception {
        Path file = dir.resolve("big.csv");
        try (var w = Files.newBufferedWriter(file)) {
            w.write("device_name,temp,humidity,ts\n");
            for (int i = 0; i < 300; i++) {
                String name = i == 150 ? "big-" + "x".repeat(11 * 1024 * 1024) : "big-" + i;
                w.write(name + "," + i + ",2,2024-05-01T12:30:00Z\n");
            }
        }
        Path failed = dir.resolve("big.failed.csv");

        // Stop at the big record: the 150 rows before it land, the resume point says so.
        var first = fixture.run(ingest(), "--profile", CliSandbox.GRANTED, "--table", TABLE, "--file", file.toString(),
                "--on-error", "stop", "--failed-rows", failed.toString());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(first.err()).contains("Line 152: The record is ").contains("(10 MB) per message");
        assertThat(first.out()).startsWith("{\"read\":151,\"skipped\":0,\"sent\":150,\"acked\":150,\"failed\":1,");
        assertThat(Files.readAllLines(failed)).hasSize(2);
        assertThat(Files.readAllLines(failed).get(1)).startsWith("big-xxx").contains(",152,");

        // Resume skipping bad rows: the rest lands, the big one is reported again, nothing twice.
        var resumed = fixture.run(ingest(), "--profile", CliSandbox.GRANTED, "--table", TABLE, "--file", file.toString(),
                "--resume", "--failed-rows", failed.toString(), "--overwrite");
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(1);
        assertThat(resumed.out()).startsWith("{\"read\":300,\"skipped\":150,\"sent\":149,\"acked\":149,\"failed\":1,");
        var landed = landed(TABLE, "big-");
        assertThat(landed).hasSize(299).doesNotContainKey("big-150");
        assertThat(landed.values()).containsOnly(1L);
    }
}
