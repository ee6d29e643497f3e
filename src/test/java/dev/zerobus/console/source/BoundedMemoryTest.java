package dev.zerobus.console.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads ~200 MB files while sampling the used heap after GC hints (memory must stay flat, whatever the file size),
 * then reads each again in a child JVM limited to a 32 MB heap. Tagged slow (about 30 s with file generation); it
 * still runs with the default test selection.
 */
@Tag("slow")
class BoundedMemoryTest {
    private static final long TARGET_BYTES = 200L * 1024 * 1024;
    private static final long HEAP_BOUND = 64L * 1024 * 1024;
    private static final int SAMPLE_EVERY = 250_000;
    private static final int SMALL_HEAP_MB = 32;

    @TempDir Path dir;

    @Test
    void readsA200MegabyteCsvInBoundedHeap() throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,device_id,temperature,note,ts\n");
            for (long i = 0, written = 0; written < TARGET_BYTES; i++) {
                String line = i + ",device-" + (i % 50) + "," + (i % 400) / 10.0 + ",\"quoted, with comma\",2026-05-01T12:00:00Z\n";
                out.write(line);
                written += line.length();
            }
        }

        assertBoundedRead(file, SourceOptions.csv(), 5);
    }

    @Test
    void readsA200MegabyteJsonLinesFileInBoundedHeap() throws IOException {
        Path file = dir.resolve("big.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0, written = 0; written < TARGET_BYTES; i++) {
                String line = "{\"id\":" + i + ",\"device_id\":\"device-" + (i % 50) + "\",\"temperature\":" + (i % 400) / 10.0
                        + ",\"tags\":[\"a\",\"b\"],\"ts\":\"2026-05-01T12:00:00Z\"}\n";
                out.write(line);
                written += line.length();
            }
        }

        assertBoundedRead(file, SourceOptions.jsonLines(), 5);
    }

    @Test
    void readsA200MegabyteJsonArrayInBoundedHeap() throws IOException {
        Path file = dir.resolve("big.json");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (long i = 0, written = 0; written < TARGET_BYTES; i++) {
                String element = (i == 0 ? "" : ",\n") + "  {\"id\": " + i + ", \"device_id\": \"device-" + (i % 50)
                        + "\", \"temperature\": " + (i % 400) / 10.0 + ", \"tags\": [\"a\", \"b\"], \"ts\": \"2026-05-01T12:00:00Z\"}";
                out.write(element);
                written += element.length();
            }
            out.write("\n]\n");
        }

        assertBoundedRead(file, SourceOptions.jsonArray(), 5);
    }

    private static void assertBoundedRead(Path file, SourceOptions options, int columns) throws IOException {
        long baseline = usedHeapAfterGc();
        long peak = 0;
        long rows = 0;
        long start = System.nanoTime();
        try (RecordSource source = RecordSource.open(file, options)) {
            for (SourceRow row; (row = source.next()) != null; ) {
                assertThat(row).isNotInstanceOf(SourceRow.Failed.class);
                if (++rows % SAMPLE_EVERY == 0) peak = Math.max(peak, usedHeapAfterGc() - baseline);
            }
            assertThat(source.bytesRead()).isEqualTo(source.totalBytes());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double megabytes = Files.size(file) / (1024.0 * 1024.0);
        System.out.printf(Locale.ROOT, "%s: %d rows, %.0f MB in %.2f s = %.0f rows/s, %.1f MB/s (with GC samples); peak heap above baseline %.1f MB%n",
                options.format(), rows, megabytes, seconds, rows / seconds, megabytes / seconds, peak / (1024.0 * 1024.0));
        assertThat(rows).isGreaterThan(1_000_000);
        assertThat(peak).isLessThan(HEAP_BOUND);
        assertThat(readInSmallHeap(file, options.format())).isEqualTo(rows + " 0");
    }

    /** The same read in a fresh JVM capped at 32 MB of heap: it would die of OutOfMemoryError if memory grew. */
    private static String readInSmallHeap(Path file, SourceFormat format) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx" + SMALL_HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
                ReadWholeFile.class.getName(), file.toString(), format.name()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output.lines().reduce((first, last) -> last).orElse("");
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
