package dev.zerobus.console.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LoadJobTest {
    private static final String TABLE = "main.default.sensor_readings";
    private static final RetryPolicy FAST = new RetryPolicy(8, Duration.ofMillis(20), Duration.ofMillis(200));
    @TempDir Path dir;
    @RegisterExtension final SandboxExtension sandbox = new SandboxExtension();
    TableSchema schema;

    @BeforeEach
    void start() {
        schema = sandbox.context().state().table(TABLE).schema();
    }

    private ResumePoint.Target target() {
        var p = sandbox.profile();
        return new ResumePoint.Target(p.sdkWorkspaceUrl(), p.sdkEndpointUrl(), TABLE, sandbox.context().state().table(TABLE).tableId());
    }

    private LoadJob job(Path file, LoadOptions options) throws Exception {
        var sourceOptions = SourceOptions.csv();
        RecordSource source = RecordSource.open(file, sourceOptions);
        var mapping = ColumnMapping.auto(schema, source.columns());
        return new LoadJob(sandbox.profile(), RecordCodec.forTable(schema, options.codec()), source, sourceOptions, mapping, options);
    }

    private List<Object[]> rows() {
        var table = sandbox.context().state().table(TABLE);
        return sandbox.context().tables().read(table.tableId(), table.schema(), -1);
    }

    private Map<String, Object[]> rowsByDevice() {
        Map<String, Object[]> byDevice = new HashMap<>();
        rows().forEach(r -> byDevice.put((String) r[0], r));
        return byDevice;
    }

    @Test
    void loadsGoodRowsWithExactValuesAndReportsBadRowsByLine() throws Exception {
        Path csv = dir.resolve("readings.csv");
        Files.writeString(csv, """
                device_name,temp,humidity,ts
                "Sensor, North",21,45,2024-05-01T12:30:00Z
                "multi
                line",22,,2024-05-01 12:30:00.123456
                Капля 💧,23,50,1714566600000000
                ,24,50,2024-05-01T12:30:00Z
                bad-temp,hot,50,2024-05-01T12:30:00Z
                late,25,50,2024-13-01 10:00
                ok-last,26,51,2024-05-01
                """, StandardCharsets.UTF_8);
        Path failed = dir.resolve("readings.failed.csv");

        LoadResult result = job(csv, LoadOptions.defaults(RecordFormat.JSON).withFailedRowsFile(failed).withRetry(FAST)).run();

        assertThat(result.toJson()).startsWith("{\"read\":7,\"skipped\":0,\"sent\":4,\"acked\":4,\"failed\":3,\"retries\":0,");
        assertThat(result.errors()).extracting(e -> e.line() + " " + e.column() + " " + e.value()).containsExactly(
                "6 device_name null", "7 temp 'hot'", "8 ts '2024-13-01 10:00'");
        assertThat(result.errors().get(0).reason()).contains("device_name");
        assertThat(result.errors().get(2).reason()).contains("is not a timestamp");
        Map<String, Object[]> landed = rowsByDevice();
        assertThat(landed).containsOnlyKeys("Sensor, North", "multi\nline", "Капля 💧", "ok-last");
        assertThat(landed.get("Sensor, North")).containsExactly("Sensor, North", 21, 45, 1_714_566_600_000_000L);
        assertThat(landed.get("multi\nline")).containsExactly("multi\nline", 22, null, 1_714_566_600_123_456L);
        assertThat(landed.get("Капля 💧")).containsExactly("Капля 💧", 23, 50, 1_714_566_600_000_000L);
        assertThat(landed.get("ok-last")).containsExactly("ok-last", 26, 51, 1_714_521_600_000_000L);

        // Fix the failed rows in place and load them again: the _error columns are ignored on the way back in.
        String fixed = Files.readString(failed).replace(",hot,", ",27,").replace("2024-13-01 10:00", "2024-12-01 10:00")
                .replace("\r\n,24,", "\r\nfixed,24,");
        Files.writeString(failed, fixed);
        LoadResult retry = job(failed, LoadOptions.defaults(RecordFormat.PROTO).withRetry(FAST)).run();
        assertThat(retry.acked()).isEqualTo(3);
        assertThat(retry.failed()).isZero();
        assertThat(rowsByDevice()).containsKeys("fixed", "bad-temp", "late").hasSize(7);
        assertThat(rowsByDevice().get("bad-temp")[1]).isEqualTo(27);
    }

    private static Path bigCsv(Path file, int rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("device_name,temp,humidity,ts\n");
            for (int i = 0; i < rows; i++) {
                w.write("dev-" + i + "," + (i % 40) + "," + (i % 100) + "," + (1_714_566_600_000_000L + i) + "\n");
            }
        }
        return file;
    }

    @Test
    void landsEveryOneOfAMillionRowsThroughDroppedStreamsWithBoundedHeap() throws Exception {
        Path csv = bigCsv(dir.resolve("million.csv"), 1_000_000);
        sandbox.faults().closeStreamsAfter(100_000);
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed(); // what other tests in this JVM still hold
        AtomicLong peak = new AtomicLong(baseline);
        // The live set, not garbage: collect, then read. Other tests share this JVM, so raw "used" says little.
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        LoadResult result;
        try {
            result = job(csv, LoadOptions.defaults(RecordFormat.PROTO).withStreams(2).withRetry(FAST)).run();
        } finally {
            sampler.interrupt();
        }
        sandbox.faults().reset();
        assertThat(result.read()).isEqualTo(1_000_000);
        assertThat(result.acked()).isEqualTo(1_000_000);
        assertThat(result.failed()).isZero();
        // Each of the 2 streams carries 500,000 rows and is ended ("Stream timeout reached", 6002) after every 100,000 it
        // receives: at least 4 planned rotations each, none of them a retry.
        assertThat(result.rotations()).isGreaterThanOrEqualTo(8);
        assertThat(result.retries()).isZero();
        assertThat(result.durable().watermark()).isEqualTo(1_000_000);
        List<Object[]> rows = rows();
        Set<String> devices = new HashSet<>(rows.size() * 2);
        rows.forEach(r -> devices.add((String) r[0]));
        assertThat(devices).hasSize(1_000_000);
        assertThat(rows.size()).isGreaterThanOrEqualTo(1_000_000);
        // The sandbox shares this JVM (up to 200,000 records per stream pending commit); the load keeps a few batches
        // per stream and the SDK's window. Reading the whole table back afterwards is not part of the load.
        long growth = peak.get() - baseline;
        System.out.printf("live heap during the 1,000,000-row load: baseline %d MB, peak %d MB, growth %d MB%n",
                baseline >> 20, peak.get() >> 20, growth >> 20);
        assertThat(growth).as("live heap growth bytes").isLessThan(256L * 1024 * 1024);
    }

    @Test
    void resumesACancelledLoadWithoutResendingAckedRows() throws Exception {
        Path csv = bigCsv(dir.resolve("resume.csv"), 200_000);
        LoadJob first = job(csv, LoadOptions.defaults(RecordFormat.JSON).withStreams(2).withRate(100_000).withRetry(FAST));
        Thread canceller = Thread.ofPlatform().start(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (first.progress().acked() < 40_000 && System.nanoTime() < deadline) Thread.onSpinWait();
            first.cancel();
        });
        LoadResult cancelled = first.run();
        canceller.join();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.acked()).isBetween(40_000L, 199_999L);
        assertThat(rows()).hasSize((int) cancelled.acked());

        Path resumeFile = ResumePoint.defaultFile(csv);
        ResumePoint.of(csv, target(), cancelled.durable()).save(resumeFile);
        AckedRanges durable = ResumePoint.load(resumeFile, csv, target()).orElseThrow().ranges();
        LoadResult resumed = job(csv, LoadOptions.defaults(RecordFormat.JSON).withStreams(2).withAlreadyDurable(durable).withRetry(FAST)).run();

        assertThat(resumed.skipped()).isEqualTo(cancelled.acked());
        assertThat(resumed.acked()).isEqualTo(200_000 - cancelled.acked());
        List<Object[]> rows = rows();
        assertThat(rows).hasSize(200_000);
        assertThat(rows.stream().map(r -> (String) r[0]).distinct().count()).isEqualTo(200_000);
        assertThat(Arrays.asList(resumed.durable().watermark())).containsExactly(200_000L);
    }

    /** Issue 12: an endpoint with nothing behind it failed after its retries and the summary said "cancelled":true. */
    @Test
    void aStreamThatFailsAfterItsRetriesIsReportedAsFailedNotCancelled() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var p = sandbox.profile();
        var nothingThere = new dev.zerobus.console.workspace.ConnectionProfile(p.name(), p.source(), p.workspaceUrl(),
                "http://127.0.0.1:" + closed, p.clientId(), p.clientSecret());
        Path csv = Files.writeString(dir.resolve("few.csv"), "device_name,temp,humidity,ts\na,1,2,1714566600000000\n");
        var options = LoadOptions.defaults(RecordFormat.JSON).withRetry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50)));
        var sourceOptions = SourceOptions.csv();
        RecordSource source = RecordSource.open(csv, sourceOptions);
        var job = new LoadJob(nothingThere, RecordCodec.forTable(schema, options.codec()), source, sourceOptions,
                ColumnMapping.auto(schema, source.columns()), options);

        LoadResult result = job.run();

        assertThat(result.streamFailure()).isNotNull();
        assertThat(result.streamFailure().problem().message()).startsWith("Gave up after 2 retries");
        assertThat(result.cancelled()).isFalse();
        assertThat(result.retries()).as("the retries of a stream that never opened count too").isEqualTo(2);
        assertThat(result.outcome()).isEqualTo("failed");
        assertThat(result.toJson()).contains("\"cancelled\":false").endsWith("\"outcome\":\"failed\"}");
        assertThat(job.progress().stopped()).isFalse();
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void codecOptionsDefaultToEmptyCellsAsNull() {
        assertThat(LoadOptions.defaults(RecordFormat.JSON).codec()).isEqualTo(CodecOptions.forCsv());
    }
}
