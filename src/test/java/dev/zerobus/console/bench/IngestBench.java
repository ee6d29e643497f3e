package dev.zerobus.console.bench;

import com.databricks.zerobus.AckCallback;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusJsonStream;
import com.databricks.zerobus.ZerobusProtoStream;
import com.databricks.zerobus.ZerobusSdk;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.sandbox.SandboxProcess;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The official Java SDK ingesting into the sandbox (a separate JVM, as users run it), durable and null sink,
 * JSON and proto, single and batch calls, 1 and 4 streams, ~100 B and ~1 KB records. Prints one line per run
 * and summary lines. Run through {@code bench/ingest [--quick]}.
 */
public final class IngestBench {
    static final String TABLE = "main.default.sensor_readings";
    static final TableSchema SCHEMA = new TableSchema(TABLE, List.of(
            new TableColumn("device_name", ColumnType.of(Kind.STRING), false),
            new TableColumn("temp", ColumnType.of(Kind.INT), true),
            new TableColumn("humidity", ColumnType.of(Kind.INT), true),
            new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true)));
    static final int BATCH = 1000;

    record Config(String sink, String format, boolean batch, int streams, int recordBytes) {
        String label() {
            return String.format(Locale.ROOT, "%-7s %-5s %-6s %d stream%s %5s", sink, format, batch ? "batch" : "single", streams,
                    streams == 1 ? " " : "s", recordBytes >= 1000 ? "1KB" : "100B");
        }
    }

    record Result(Config config, double recordsPerSecond, double megabytesPerSecond, long p50Micros, long p99Micros) {}

    private final boolean quick;
    private final double warmupSeconds;
    private final double windowSeconds;
    private final Map<Integer, List<String>> jsonRecords = new LinkedHashMap<>();
    private final Map<Integer, List<byte[]>> protoRecords = new LinkedHashMap<>();
    private final DescriptorProto descriptor = ProtoSchemaMapper.map(SCHEMA).descriptor();

    IngestBench(boolean quick) throws Exception {
        this.quick = quick;
        this.warmupSeconds = quick ? 0.25 : 3;
        this.windowSeconds = quick ? 1.0 : 10;
        Descriptors.Descriptor message = Descriptors.FileDescriptor.buildFrom(FileDescriptorProto.newBuilder()
                .setName("bench.proto").setSyntax("proto2").addMessageType(descriptor).build(), new Descriptors.FileDescriptor[0])
                .findMessageTypeByName(descriptor.getName());
        for (int size : new int[] {100, 1000}) {
            List<String> json = new ArrayList<>();
            List<byte[]> proto = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String device = device(i, size - 70);
                int temp = 15 + i % 20;
                int humidity = 30 + i % 60;
                long ts = 1_714_566_600_000_000L + i * 1_000_000L;
                json.add("{\"device_name\":\"" + device + "\",\"temp\":" + temp + ",\"humidity\":" + humidity + ",\"ts\":" + ts + "}");
                proto.add(DynamicMessage.newBuilder(message)
                        .setField(message.findFieldByName("device_name"), device)
                        .setField(message.findFieldByName("temp"), temp)
                        .setField(message.findFieldByName("humidity"), humidity)
                        .setField(message.findFieldByName("ts"), ts).build().toByteArray());
            }
            jsonRecords.put(size, json);
            protoRecords.put(size, proto);
        }
    }

    static String device(int i, int length) {
        String base = String.format(Locale.ROOT, "sensor-%06d-", i);
        return (base + "x".repeat(Math.max(0, length - base.length()))).substring(0, Math.max(base.length(), length));
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        if (Arrays.asList(args).contains("--service-like-only")) {
            new IngestBench(quick).printServiceLike();
        } else {
            new IngestBench(quick).run();
        }
        System.exit(0);
    }

    void run() throws Exception {
        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "# bench/ingest%s: Zerobus Java SDK 1.0.1 -> sandbox (separate JVM) on %d cores; warm-up %.2f s, window %.1f s%n",
                quick ? " --quick" : "", Runtime.getRuntime().availableProcessors(), warmupSeconds, windowSeconds);
        System.out.printf(Locale.ROOT, "%-36s %12s %9s %9s %9s%n", "run", "records/s", "MB/s", "p50 ms", "p99 ms");
        List<Result> results = new ArrayList<>();
        Map<String, Long> peaks = new LinkedHashMap<>();
        double pacedP50 = 0;
        double pacedP99 = 0;
        int pipelineRows = quick ? 1_000_000 : 3_000_000; // quick: 1 M rows keeps the whole run near 3 minutes
        PipelineBench pipeline = null;
        for (String sink : List.of("durable", "none")) {
            Path data = Files.createTempDirectory("bench-sandbox-");
            try (var sandbox = SandboxProcess.start(data, "--durability", sink)) {
                stats(sandbox, true);
                try (var sdk = new ZerobusSdk(sandbox.endpoint("zerobusEndpoint"), sandbox.endpoint("workspaceUrl"))) {
                    for (String format : List.of("json", "proto")) {
                        for (boolean batch : new boolean[] {false, true}) {
                            for (int streams : new int[] {1, 4}) {
                                for (int size : new int[] {100, 1000}) {
                                    var result = measure(sdk, sandbox, new Config(sink, format, batch, streams, size));
                                    results.add(result);
                                    System.out.printf(Locale.ROOT, "%-36s %12.0f %9.1f %9.1f %9.1f%n", result.config().label(),
                                            result.recordsPerSecond(), result.megabytesPerSecond(),
                                            result.p50Micros() / 1000.0, result.p99Micros() / 1000.0);
                                }
                            }
                        }
                    }
                    if (sink.equals("none")) {
                        Path dir = Files.createTempDirectory("bench-pipeline-");
                        pipeline = new PipelineBench(SCHEMA, sandbox, sdk, pipelineRows, dir);
                        System.out.printf(Locale.ROOT, "# one CSV file (%d rows, %.0f MB) -> null sink, %d records/request, window %d requests:"
                                + " sdk-limit = SDK with pre-encoded rows, raw-loop = read+map+encode+SDK on one thread, LoadJob = service layer%n",
                                pipelineRows, pipeline.csvBytes() / 1e6, PipelineBench.RECORDS_PER_REQUEST, PipelineBench.MAX_INFLIGHT_REQUESTS);
                        try {
                            pipeline.runAll(quick ? 1 : 2);
                        } finally {
                            deleteTree(dir);
                        }
                    }
                    if (sink.equals("durable")) {
                        long[] paced = paced(sdk, sandbox, 15_000, quick ? 3 : 10);
                        pacedP50 = paced[0] / 1000.0;
                        pacedP99 = paced[1] / 1000.0;
                        System.out.printf(Locale.ROOT, "%-36s %12d %9s %9.1f %9.1f%n", "durable json single 1 stream paced", 15_000, "",
                                pacedP50, pacedP99);
                    }
                }
                peaks.put(sink, stats(sandbox, false));
                sandbox.terminate();
            }
        }
        double durable = rate(results, "durable");
        double none = rate(results, "none");
        System.out.printf(Locale.ROOT, "sandbox_peak_heap_mb durable=%.0f none=%.0f%n", peaks.get("durable") / 1e6, peaks.get("none") / 1e6);
        System.out.printf(Locale.ROOT, "durable_per_stream_records_per_s=%.0f (proto batch, 1 stream, 100 B)%n",
                find(results, new Config("durable", "proto", true, 1, 100)).recordsPerSecond());
        System.out.printf(Locale.ROOT, "paced_15000_single_json_ack_p50_ms=%.1f p99_ms=%.1f%n", pacedP50, pacedP99);
        for (var format : List.of(RecordFormat.JSON, RecordFormat.PROTO)) {
            for (int streams : new int[] {1, 4}) {
                double a = pipeline.find("sdk-limit", format, streams).recordsPerSecond();
                double b = pipeline.find("raw-loop", format, streams).recordsPerSecond();
                double c = pipeline.find("LoadJob", format, streams).recordsPerSecond();
                System.out.printf(Locale.ROOT, "pipeline %s %d stream%s (best of runs): service_vs_raw=%.2f service_vs_limit=%.2f raw_vs_limit=%.2f"
                        + " (records/s sdk-limit %s, raw-loop %s, LoadJob %s)%n",
                        format.name().toLowerCase(Locale.ROOT), streams, streams == 1 ? "" : "s", c / b, c / a, b / a,
                        pipeline.range("sdk-limit", format, streams), pipeline.range("raw-loop", format, streams),
                        pipeline.range("LoadJob", format, streams));
            }
        }
        printServiceLike();
        System.out.printf(Locale.ROOT, "elapsed_s=%.0f%n", (System.nanoTime() - started) / 1e9);
        System.out.printf(Locale.ROOT, "durable_vs_null_ratio=%.2f%n", durable / none);
        var proto = RecordFormat.PROTO;
        double service = pipeline.find("LoadJob", proto, 4).recordsPerSecond();
        System.out.printf(Locale.ROOT, "service_vs_raw_ratio=%.2f%n", service / pipeline.find("raw-loop", proto, 4).recordsPerSecond());
        System.out.printf(Locale.ROOT, "service_vs_limit_ratio=%.2f%n", service / pipeline.find("sdk-limit", proto, 4).recordsPerSecond());
    }

    /** Batch, 4 streams, ~100 B: JSON and proto together. */
    private static double rate(List<Result> results, String sink) {
        return find(results, new Config(sink, "json", true, 4, 100)).recordsPerSecond()
                + find(results, new Config(sink, "proto", true, 4, 100)).recordsPerSecond();
    }

    private static Result find(List<Result> results, Config config) {
        return results.stream().filter(r -> r.config().equals(config)).findFirst().orElseThrow();
    }

    private static long stats(SandboxProcess sandbox, boolean reset) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.endpoint("workspaceUrl") + "/sandbox/admin/stats" + (reset ? "?reset=true" : "")))
                        .header("Authorization", "Bearer " + sandbox.endpoint("userToken")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).path("heapPeakBytes").asLong();
    }

    /** Latency samples: (offset, send time) queued by the sender, completed by the SDK's ACK callback thread. */
    private static final class LatencyProbe implements AckCallback {
        final ConcurrentLinkedQueue<long[]> pending = new ConcurrentLinkedQueue<>();
        final List<Long> latencies;

        LatencyProbe(List<Long> latencies) { this.latencies = latencies; }

        void sent(long offset) { pending.add(new long[] {offset, System.nanoTime()}); }

        @Override
        public void onAck(long offset) {
            long now = System.nanoTime();
            long[] head;
            while ((head = pending.peek()) != null && head[0] <= offset) {
                pending.poll();
                synchronized (latencies) { latencies.add((now - head[1]) / 1000); }
            }
        }

        @Override
        public void onError(long offset, String message) {}
    }

    private Result measure(ZerobusSdk sdk, SandboxProcess sandbox, Config config) throws Exception {
        List<Long> latencies = new ArrayList<>();
        AtomicLong counted = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<AutoCloseable> streams = new ArrayList<>();
        List<Runnable> flushers = new ArrayList<>();
        long startNanos = System.nanoTime();
        long windowStart = startNanos + (long) (warmupSeconds * 1e9);
        long windowEnd = windowStart + (long) (windowSeconds * 1e9);
        for (int s = 0; s < config.streams(); s++) {
            var probe = new LatencyProbe(latencies);
            var options = StreamConfigurationOptions.builder().setMaxInflightRecords(config.batch() ? 256 : 50_000)
                    .setAckCallback(probe).build();
            String id = sandbox.endpoint("clientId");
            String secret = sandbox.endpoint("clientSecret");
            Runnable loop;
            if (config.format().equals("json")) {
                ZerobusJsonStream stream = sdk.createJsonStream(TABLE, id, secret, options).join();
                streams.add(stream);
                flushers.add(() -> { try { stream.flush(); } catch (Exception e) { throw new IllegalStateException(e); } });
                List<String> records = jsonRecords.get(config.recordBytes());
                loop = () -> ingestLoop(config, records.size(), windowStart, windowEnd, counted, probe,
                        i -> stream.ingestRecordOffset(records.get(i)),
                        i -> stream.ingestRecordsOffset(batchOf(records, i)).orElse(-1L));
            } else {
                ZerobusProtoStream stream = sdk.createProtoStream(TABLE, descriptor, id, secret, options).join();
                streams.add(stream);
                flushers.add(() -> { try { stream.flush(); } catch (Exception e) { throw new IllegalStateException(e); } });
                List<byte[]> records = protoRecords.get(config.recordBytes());
                loop = () -> ingestLoop(config, records.size(), windowStart, windowEnd, counted, probe,
                        i -> stream.ingestRecordOffset(records.get(i)),
                        i -> stream.ingestRecordsOffset(batchOf(records, i)).orElse(-1L));
            }
            threads.add(Thread.ofPlatform().name("bench-" + s).start(loop));
        }
        for (Thread t : threads) t.join();
        flushers.forEach(Runnable::run);
        long end = System.nanoTime();
        for (AutoCloseable stream : streams) stream.close();
        double seconds = (end - windowStart) / 1e9;
        double recordsPerSecond = counted.get() / seconds;
        double avgBytes = config.format().equals("json")
                ? jsonRecords.get(config.recordBytes()).stream().mapToInt(r -> r.getBytes(StandardCharsets.UTF_8).length).average().orElse(0)
                : protoRecords.get(config.recordBytes()).stream().mapToInt(r -> r.length).average().orElse(0);
        long[] sorted;
        synchronized (latencies) { sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray(); }
        return new Result(config, recordsPerSecond, recordsPerSecond * avgBytes / 1e6, percentile(sorted, 0.5), percentile(sorted, 0.99));
    }

    private static <T> List<T> batchOf(List<T> records, int start) {
        int from = start % (records.size() - BATCH + 1);
        return records.subList(from, from + BATCH);
    }

    @FunctionalInterface
    interface Ingest { long apply(int index) throws Exception; }

    private static void ingestLoop(Config config, int distinct, long windowStart, long windowEnd, AtomicLong counted,
                                   LatencyProbe probe, Ingest single, Ingest batch) {
        try {
            long local = 0;
            int i = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= windowEnd) break;
                boolean inWindow = now >= windowStart;
                if (config.batch()) {
                    long offset = batch.apply(i);
                    i += BATCH;
                    if (inWindow) local += BATCH;
                    if ((i / BATCH) % 8 == 0) probe.sent(offset);
                } else {
                    long offset = single.apply(i % distinct);
                    i++;
                    if (inWindow) local++;
                    if ((i & 63) == 0) probe.sent(offset);
                }
            }
            counted.addAndGet(local);
        } catch (Exception e) {
            throw new IllegalStateException("Ingest failed in " + config.label() + ": " + e.getMessage(), e);
        }
    }

    /** JSON single records at a fixed rate for {@code seconds}: p50 and p99 send-to-ACK latency in micros. */
    private long[] paced(ZerobusSdk sdk, SandboxProcess sandbox, int perSecond, int seconds) throws Exception {
        List<Long> latencies = new ArrayList<>();
        var probe = new LatencyProbe(latencies);
        var options = StreamConfigurationOptions.builder().setAckCallback(probe).build();
        ZerobusJsonStream stream = sdk.createJsonStream(TABLE, sandbox.endpoint("clientId"), sandbox.endpoint("clientSecret"), options).join();
        List<String> records = jsonRecords.get(100);
        long start = System.nanoTime();
        long total = (long) perSecond * seconds;
        for (long n = 0; n < total; n++) {
            long due = start + n * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 200_000) LockSupport.parkNanos(wait); // no spinning: 2 cores are shared with the sandbox
            long offset = stream.ingestRecordOffset(records.get((int) (n % records.size())));
            if (n % 16 == 0) probe.sent(offset);
        }
        stream.flush();
        stream.close();
        long[] sorted;
        synchronized (latencies) { sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray(); }
        return new long[] {percentile(sorted, 0.5), percentile(sorted, 0.99)};
    }

    /** Per-stream quota of the "like the service" runs: one this machine can reach on 4 streams. */
    static final long SERVICE_LIKE_QUOTA = 20_000;
    static final int SERVICE_LIKE_PACED_PER_SECOND = 50;

    record ServiceLike(double ackP50Millis, double ackP95Millis, int pacedRecords, double rowsPerSecond, double windowSeconds) {}

    /** Issue 13's two must-show lines for "like the service" mode. */
    void printServiceLike() throws Exception {
        ServiceLike serviceLike = serviceLike();
        System.out.printf(Locale.ROOT, "service_like_ack_p50_ms=%.1f (p95 %.1f ms, %d paced single JSON records at %d/s)%n",
                serviceLike.ackP50Millis(), serviceLike.ackP95Millis(), serviceLike.pacedRecords(), SERVICE_LIKE_PACED_PER_SECOND);
        System.out.printf(Locale.ROOT, "service_like_rate_vs_quota=%.3f (%.0f rows/s over 4 streams, quota %d rows/s per stream, %.1f s window)%n",
                serviceLike.rowsPerSecond() / (4.0 * SERVICE_LIKE_QUOTA), serviceLike.rowsPerSecond(), SERVICE_LIKE_QUOTA,
                serviceLike.windowSeconds());
    }

    /**
     * A sandbox started with {@code --service-like --quota-rows-per-s 20000}: a paced single-record load (ACK p50,
     * which should sit near the service's ~150 ms) and an unpaced 4-stream batch load, whose rate is measured from
     * the ACKs (rows durable per second), so the client's buffering does not count.
     */
    private ServiceLike serviceLike() throws Exception {
        Path data = Files.createTempDirectory("bench-sandbox-");
        try (var sandbox = SandboxProcess.start(data, "--service-like", "--quota-rows-per-s", String.valueOf(SERVICE_LIKE_QUOTA));
             var sdk = new ZerobusSdk(sandbox.endpoint("zerobusEndpoint"), sandbox.endpoint("workspaceUrl"))) {
            String id = sandbox.endpoint("clientId");
            String secret = sandbox.endpoint("clientSecret");
            // paced: one record every 20 ms, each one's send-to-ACK time
            int paced = quick ? 150 : 600;
            List<Long> latencies = new ArrayList<>();
            var probe = new LatencyProbe(latencies);
            ZerobusJsonStream single = sdk.createJsonStream(TABLE, id, secret, StreamConfigurationOptions.builder().setAckCallback(probe).build()).join();
            List<String> records = jsonRecords.get(100);
            long start = System.nanoTime();
            for (int n = 0; n < paced; n++) {
                long wait = start + n * 1_000_000_000L / SERVICE_LIKE_PACED_PER_SECOND - System.nanoTime();
                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                probe.sent(single.ingestRecordOffset(records.get(n % records.size())));
            }
            single.flush();
            single.close();
            long[] sorted;
            synchronized (latencies) { sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray(); }

            // unpaced: 4 streams of 1000-record batches as fast as the SDK lets them go
            double warmup = quick ? 1.0 : 3.0;
            double window = quick ? 4.0 : 10.0;
            List<AtomicLong> ackedBatches = new ArrayList<>();
            List<ZerobusJsonStream> streams = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long loadStart = System.nanoTime();
            long loadEnd = loadStart + (long) ((warmup + window + 1) * 1e9);
            for (int s = 0; s < 4; s++) {
                var acked = new AtomicLong(-1);
                ackedBatches.add(acked);
                ZerobusJsonStream stream = sdk.createJsonStream(TABLE, id, secret, StreamConfigurationOptions.builder()
                        .setMaxInflightRecords(64).setAckCallback(new AckCallback() {
                            @Override public void onAck(long offset) { acked.accumulateAndGet(offset, Math::max); }
                            @Override public void onError(long offset, String message) { }
                        }).build()).join();
                streams.add(stream);
                threads.add(Thread.ofPlatform().name("bench-service-like-" + s).start(() -> {
                    try {
                        for (int i = 0; System.nanoTime() < loadEnd; i += BATCH) stream.ingestRecordsOffset(batchOf(records, i));
                    } catch (Exception e) {
                        throw new IllegalStateException("service-like load failed: " + e.getMessage(), e);
                    }
                }));
            }
            sleepUntil(loadStart + (long) (warmup * 1e9));
            long windowStart = System.nanoTime();
            long before = ackedBatches.stream().mapToLong(a -> a.get() + 1).sum();
            sleepUntil(windowStart + (long) (window * 1e9));
            long after = ackedBatches.stream().mapToLong(a -> a.get() + 1).sum();
            double seconds = (System.nanoTime() - windowStart) / 1e9;
            for (Thread t : threads) t.join();
            for (ZerobusJsonStream stream : streams) stream.close();
            sandbox.terminate();
            return new ServiceLike(percentile(sorted, 0.5) / 1000.0, percentile(sorted, 0.95) / 1000.0, paced,
                    (after - before) * BATCH / seconds, seconds);
        } finally {
            deleteTree(data);
        }
    }

    private static void sleepUntil(long deadline) {
        for (long left; (left = deadline - System.nanoTime()) > 0; ) java.util.concurrent.locks.LockSupport.parkNanos(left);
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1)))];
    }
}
