package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 8: what matched and what did not is said; files that cannot be CSV are named before anything loads. */
class CsvHeaderChecksTest {
    private static final String TABLE = "main.default.sensor_readings";
    private final CliSandbox fixture = CliSandbox.get();
    @TempDir Path dir;

    private CliSandbox.Run ingest(Path file) {
        return fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", file.toString());
    }

    private static String problem(CliSandbox.Run run) {
        return run.err().substring(run.err().indexOf('\n') + 1);
    }

    @Test
    void aPartialHeaderSaysWhatMatchedAndWhatNot() throws Exception {
        Path csv = dir.resolve("partial.csv");
        Files.writeString(csv, "device_name,temperature,hum,time\nhdr-a,21,45,2024-05-01T12:30:00Z\n");
        long before = fixture.count(TABLE);

        var run = ingest(csv);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("Columns: 1 of 4 table columns matched file columns (device_name); no file column for "
                + "temp, humidity, ts (loaded as NULL); file columns not in the table (ignored): temperature, hum, time.\n");
        assertThat(fixture.count(TABLE)).isEqualTo(before + 1);
    }

    @Test
    void noMatchingColumnStopsBeforeLoading() throws Exception {
        Path csv = dir.resolve("none.csv");
        Files.writeString(csv, "temperature,hum,time\n21,45,2024-05-01T12:30:00Z\n");
        long before = fixture.count(TABLE);

        var run = ingest(csv);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problem(run)).isEqualTo("""
                Error: None of the file's columns (temperature, hum, time) matches a column of the table (device_name, temp, humidity, ts): nothing would be loaded.
                Fix: Check that this is the file for this table and that its first line is the header; rename the header's columns to the table's.
                """);
        assertThat(run.out()).isEmpty();
        assertThat(fixture.count(TABLE)).isEqualTo(before);
    }

    @Test
    void aDuplicateHeaderIsRefused() throws Exception {
        Path csv = dir.resolve("dup.csv");
        Files.writeString(csv, "device_name,temp,humidity,TEMP,ts\nd,1,2,3,2024-05-01T12:30:00Z\n");

        var run = ingest(csv);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problem(run)).isEqualTo("""
                Error: The header of dup.csv names column 'TEMP' twice (columns 2 and 4): one of the two values would be dropped.
                Fix: Rename or remove one of the two columns in the header.
                """);
    }

    @Test
    void emptyGzipAndBinaryFilesAreNamedAsSuch() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write("device_name,temp,humidity,ts\nd,1,2,2024-05-01T12:30:00Z\n".getBytes(StandardCharsets.UTF_8));
        }
        Path gzip = Files.write(dir.resolve("rows.csv"), bytes.toByteArray());
        Path binary = Files.write(dir.resolve("image.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

        var e = ingest(empty);
        var g = ingest(gzip);
        var b = ingest(binary);

        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(problem(e)).isEqualTo("Error: empty.csv is empty: it has no header line and no rows.\nFix: Check that this is the right file.\n");
        assertThat(g.exitCode()).isEqualTo(2);
        assertThat(problem(g)).isEqualTo("Error: rows.csv is gzip-compressed, not CSV text.\n"
                + "Fix: Decompress it first (gunzip rows.csv) and load the CSV file.\n");
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(problem(b)).isEqualTo("Error: image.csv is binary (a NUL byte at offset 4), not CSV text.\n"
                + "Fix: Load the CSV file itself; a UTF-16 file must be saved as UTF-8 first.\n");
    }

    @Test
    void anUnclosedQuoteIsNamedAndTheGoodRowsAfterItLand() throws Exception {
        Path csv = dir.resolve("stray-quote.csv");
        Files.writeString(csv, """
                device_name,temp,humidity,ts
                q-a,21,45,2024-05-01T12:30:00Z
                q-b,"22,46,2024-05-01T12:31:00Z
                q-c,23,47,2024-05-01T12:32:00Z
                q-d,24,48,2024-05-01T12:33:00Z
                """);
        long before = fixture.count(TABLE);

        var run = ingest(csv);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("Line 3, value q-b,\"22,46,2024-05-01T12:31:00Z: A quote opened on line 3 in column 2 (temp) is "
                + "never closed; the rest of the file would be read as one value. This line failed alone; reading went on at line 4. "
                + "Close the quote or escape it as \"\".\n");
        assertThat(run.out()).contains("\"acked\":3,").contains("\"failed\":1,");
        assertThat(fixture.count(TABLE)).isEqualTo(before + 3);
    }
}
