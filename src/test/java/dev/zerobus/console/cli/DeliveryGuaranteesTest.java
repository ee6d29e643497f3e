package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.AckedRanges;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.ResumePoint;
import dev.zerobus.console.ingest.RetryPolicy;
import dev.zerobus.console.sandbox.FaultPlan;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxProcess;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import java.io.BufferedWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jepsen-style delivery check (issue 12): a load of unique ids under each sandbox fault, under kill -9 of the sandbox
 * process, and under kill -9 / SIGTERM of the loading process (the CLI as a child JVM) followed by {@code --resume}.
 * Afterwards the table is read back (Delta files through the sandbox) and counted by id:
 * <ul>
 *   <li>no ACKed row is missing (every id the load or its resume point calls durable is there);</li>
 *   <li>every duplicate is accounted for: duplicates <= the rows the load reports as re-sent ({@code resent});</li>
 *   <li>after a kill of the loader, {@code --resume} adds no more duplicates than the rows that had landed but were not
 *       yet in the resume file at the kill; the bound on those, asserted: the SDK window per stream
 *       ({@value LoadJob#MAX_INFLIGHT_BATCHES} requests x 500 rows) plus the rows ACKed within one checkpoint interval
 *       (rate x 200 ms, taken as a full second here).</li>
 * </ul>
 * Figures (rows, duplicates per fault) are printed.
 */
class DeliveryGuaranteesTest {
    private static final String TABLE = "main.default.sensor_readings";
    private static final int ROWS = 20_000;
    private static final RetryPolicy FAST = new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(200));
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private static Path ids(Path file, String prefix, int rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("device_name,temp,humidity,ts\n");
            for (int i = 0; i < rows; i++) w.write(prefix + i + "," + (i % 40) + ",1," + (1_714_566_600_000_000L + i) + "\n");
        }
        return file;
    }

    private static ConnectionProfile profile(String workspaceUrl, String endpoint, String clientId, String secret) {
        return new ConnectionProfile("jepsen", ConnectionProfile.Source.SANDBOX, workspaceUrl, endpoint, clientId, Secret.of(secret));
    }

    private static ConnectionProfile profile(SandboxWorkspace sandbox) {
        var e = sandbox.endpoints();
        return profile(e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(), e.clientSecret());
    }

    private static LoadJob job(ConnectionProfile profile, TableSchema schema, Path file, LoadOptions options) throws Exception {
        var sourceOptions = SourceOptions.csv();
        RecordSource source = RecordSource.open(file, sourceOptions);
        return new LoadJob(profile, RecordCodec.forTable(schema, options.codec()), source, sourceOptions,
                ColumnMapping.auto(schema, source.columns()), options);
    }

    /** Rows per id with the prefix, read from the Delta table. */
    private static Map<Long, Integer> countById(SandboxWorkspace sandbox, String prefix) {
        var table = sandbox.context().state().table(TABLE);
        Map<Long, Integer> counts = new HashMap<>();
        for (Object[] row : sandbox.context().tables().read(table.tableId(), table.schema(), -1)) {
            String name = (String) row[0];
            if (name != null && name.startsWith(prefix)) counts.merge(Long.parseLong(name.substring(prefix.length())), 1, Integer::sum);
        }
        return counts;
    }

    private static long duplicates(Map<Long, Integer> counts) {
        return counts.values().stream().mapToLong(n -> n - 1).sum();
    }

    private static void assertNoAckedRowMissing(Map<Long, Integer> counts, AckedRanges durable) {
        for (long[] range : durable.toList()) {
            for (long id = range[0]; id < range[1]; id++) assertThat(counts).as("ACKed id %d", id).containsKey(id);
        }
    }

    /** One poll interval of a wait for a condition (not a wait for time to pass). */
    private static void poll() {
        LockSupport.parkNanos(2_000_000);
    }

    // ---- sandbox faults, in-process ---------------------------------------------------------------------------------

    private record Case(String name, Consumer<FaultPlan> before, Consumer<FaultPlan> whenRetried) {}

    @Test
    void everyAckedRowLandsAndEveryDuplicateIsReportedUnderEachSandboxFault() throws Exception {
        List<Case> cases = List.of(
                new Case("close after N", f -> f.closeStreamsAfter(6_000), f -> { }),
                new Case("close signal", f -> f.closeSignalAfter(6_000, Duration.ofMillis(100)), f -> { }),
                new Case("withheld then released ACKs", f -> f.withholdAcks(true), f -> f.withholdAcks(false)),
                new Case("token 503s", f -> f.rejectNextTokens(2).closeStreamsAfter(8_000), f -> { }),
                new Case("failed commits", f -> f.failNextCommits(2), f -> { }),
                new Case("ACK latency", f -> f.ackLatency(Duration.ofMillis(150)), f -> { }));
        List<String> figures = new ArrayList<>();
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("sandbox")))) {
            TableSchema schema = sandbox.context().state().table(TABLE).schema();
            for (Case c : cases) {
                String prefix = "j" + cases.indexOf(c) + "-";
                Path file = ids(dir.resolve(prefix + "ids.csv"), prefix, ROWS);
                c.before().accept(sandbox.faults());
                LoadJob load = job(profile(sandbox), schema, file, LoadOptions.defaults(RecordFormat.JSON).withRetry(FAST)
                        .withAckTimeout(Duration.ofMillis(800)));
                Thread lift = Thread.ofPlatform().daemon().start(() -> {
                    while (load.progress().retries() == 0 && !load.progress().done()) poll();
                    c.whenRetried().accept(sandbox.faults());
                });
                LoadResult result = load.run();
                lift.join();
                sandbox.faults().reset();

                Map<Long, Integer> counts = countById(sandbox, prefix);
                assertThat(result.succeeded()).as("%s: %s", c.name(), result.streamFailure()).isTrue();
                assertNoAckedRowMissing(counts, result.durable());
                assertThat(counts).as(c.name()).hasSize(ROWS);
                long duplicates = duplicates(counts);
                assertThat(duplicates).as("%s: duplicates are reported as re-sent", c.name()).isLessThanOrEqualTo(result.resent());
                figures.add(String.format("%-28s rows %d, ids %d, duplicates %d, reported re-sent %d, retries %d", c.name(),
                        counts.values().stream().mapToInt(Integer::intValue).sum(), counts.size(), duplicates, result.resent(),
                        result.retries()));
            }
        }
        figures.forEach(f -> System.out.println("jepsen: " + f));
    }

    // ---- kill -9 of the sandbox process ---------------------------------------------------------------------------

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void killMinus9OfTheSandboxLosesNoAckedRowAndTheResumeAddsNoMoreDuplicatesThanWereInFlight() throws Exception {
        Path data = dir.resolve("crash-data");
        String prefix = "sk-";
        Path file = ids(dir.resolve("sk.csv"), prefix, ROWS);
        String[] ports = {"--grpc-port", String.valueOf(freePort()), "--http-port", String.valueOf(freePort())};
        LoadResult first;
        TableSchema schema;
        try (var sandbox = SandboxProcess.start(data, ports)) {
            var p = profile(sandbox.endpoint("workspaceUrl"), sandbox.endpoint("zerobusEndpoint"), sandbox.endpoint("clientId"),
                    sandbox.endpoint("clientSecret"));
            schema = new CatalogBrowser(WorkspaceClients.create(p)).table(TABLE).schema();
            LoadJob load = job(p, schema, file, LoadOptions.defaults(RecordFormat.JSON).withRate(10_000)
                    .withRetry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50))));
            Thread killer = Thread.ofPlatform().start(() -> {
                while (load.progress().acked() < 5_000 && !load.progress().done()) poll();
                try {
                    sandbox.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            first = load.run();
            killer.join();
        }
        assertThat(first.streamFailure()).as("the load saw the sandbox die").isNotNull();
        long inFlightAtKill = first.sent() - first.acked();

        // Restart on the same data dir and ports (new secrets), and resume from what the load called durable.
        try (var sandbox = SandboxProcess.start(data, ports)) {
            var p = profile(sandbox.endpoint("workspaceUrl"), sandbox.endpoint("zerobusEndpoint"), sandbox.endpoint("clientId"),
                    sandbox.endpoint("clientSecret"));
            LoadResult resumed = job(p, schema, file, LoadOptions.defaults(RecordFormat.JSON).withRetry(FAST)
                    .withAlreadyDurable(first.durable())).run();
            assertThat(resumed.succeeded()).as(String.valueOf(resumed.streamFailure())).isTrue();
            assertThat(resumed.skipped()).isEqualTo(first.acked());
            sandbox.terminate();
        }
        try (var reopened = SandboxWorkspace.start(SandboxOptions.defaults(data))) {
            Map<Long, Integer> counts = countById(reopened, prefix);
            assertNoAckedRowMissing(counts, first.durable());
            assertThat(counts).hasSize(ROWS);
            long duplicates = duplicates(counts);
            assertThat(duplicates).as("duplicates <= rows in flight at the kill + rows re-sent")
                    .isLessThanOrEqualTo(inFlightAtKill + first.resent());
            System.out.printf("jepsen: kill -9 of the sandbox after %d ACKed: %d in flight, %d duplicates after the resume%n",
                    first.acked(), inFlightAtKill, duplicates);
        }
    }

    // ---- kill -9 and SIGTERM of the loading process (the CLI as a child JVM) ---------------------------------------

    private static Process cli(CliSandbox fixture, Path out, Path err, String... args) throws Exception {
        var e = fixture.sandbox.endpoints();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.zerobus.console.app.Main"));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DATABRICKS_") || k.startsWith("ZEROBUS_"));
        builder.environment().putAll(Map.of("DATABRICKS_HOST", e.workspaceUrl(), "ZEROBUS_ENDPOINT", e.zerobusEndpoint(),
                "DATABRICKS_CLIENT_ID", e.clientId(), "DATABRICKS_CLIENT_SECRET", e.clientSecret(), "no_proxy", "localhost,127.0.0.1"));
        return builder.start();
    }

    /** Rows the resume file records as durable (0 while it does not exist or is being replaced). */
    private static AckedRanges savedRanges(Path resumeFile) {
        try {
            JsonNode node = JSON.readTree(resumeFile.toFile());
            List<long[]> pairs = new ArrayList<>();
            node.path("durable").forEach(r -> pairs.add(new long[] {r.get(0).asLong(), r.get(1).asLong()}));
            return AckedRanges.of(pairs);
        } catch (Exception e) {
            return new AckedRanges();
        }
    }

    private static AckedRanges awaitSaved(Path resumeFile, Process process, long atLeast) {
        AckedRanges saved = new AckedRanges();
        while (process.isAlive() && (saved = savedRanges(resumeFile)).count() < atLeast) poll();
        return saved;
    }

    private static final int RATE = 10_000;
    /** The SDK window of one stream in batches of 500, plus what one checkpoint interval can ACK (a full second, generously). */
    private static final long IN_FLIGHT_BOUND = LoadJob.MAX_INFLIGHT_BATCHES * 500L + RATE;

    @Test
    void killMinus9OfTheLoaderThenResumeLosesNothingAndDuplicatesOnlyWhatWasInFlight() throws Exception {
        CliSandbox fixture = CliSandbox.get();
        String prefix = "lk-";
        Path file = ids(dir.resolve("lk.csv"), prefix, ROWS);
        Path resumeFile = ResumePoint.defaultFile(file);
        Process loader = cli(fixture, dir.resolve("lk.out"), dir.resolve("lk.err"), "ingest", "--table", TABLE, "--file", file.toString(),
                "--rate", String.valueOf(RATE));
        awaitSaved(resumeFile, loader, 5_000);
        assertThat(loader.isAlive()).as("killed mid-load: %s", Files.readString(dir.resolve("lk.err"))).isTrue();
        loader.destroyForcibly().waitFor();
        AckedRanges saved = savedRanges(resumeFile);

        Map<Long, Integer> atKill = countById(fixture.sandbox, prefix);
        assertNoAckedRowMissing(atKill, saved);
        long landedNotSaved = atKill.keySet().stream().filter(id -> !saved.contains(id)).count();
        assertThat(landedNotSaved).as("rows in flight at the kill").isLessThanOrEqualTo(IN_FLIGHT_BOUND);

        var resumed = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", file.toString(), "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode summary = JSON.readTree(resumed.out());
        assertThat(summary.get("skipped").asLong()).isEqualTo(saved.count());

        Map<Long, Integer> counts = countById(fixture.sandbox, prefix);
        assertThat(counts).hasSize(ROWS);
        // The resume re-sent no row the resume point had saved as durable: every duplicate is a row that was in flight
        // (sent, and durable or about to be, but not yet saved) when the loader died. Rows in flight still commit on the
        // server after the kill, so they are counted after the resume, not at the kill.
        for (long[] range : saved.toList()) {
            for (long id = range[0]; id < range[1]; id++) assertThat(counts.get(id)).as("saved id %d", id).isEqualTo(1);
        }
        long duplicates = duplicates(counts);
        assertThat(duplicates).as("duplicates <= rows in flight at the kill").isLessThanOrEqualTo(IN_FLIGHT_BOUND)
                .isLessThanOrEqualTo(ROWS - saved.count());
        assertThat(resumeFile).doesNotExist();
        System.out.printf("jepsen: kill -9 of the loader with %d rows saved durable: %d landed but not saved, %d duplicates after "
                + "--resume (bound %d)%n", saved.count(), landedNotSaved, duplicates, IN_FLIGHT_BOUND);
    }

    @Test
    void sigtermWhileAcksAreSlowPrintsTheSummaryAndKeepsTheResumePointWithinTheGrace() throws Exception {
        CliSandbox fixture = CliSandbox.get();
        String prefix = "st-";
        Path file = ids(dir.resolve("st.csv"), prefix, ROWS);
        Path resumeFile = ResumePoint.defaultFile(file);
        Path out = dir.resolve("st.out");
        Path err = dir.resolve("st.err");
        Process loader = cli(fixture, out, err, "ingest", "--table", TABLE, "--file", file.toString(), "--rate", String.valueOf(RATE));
        try {
            awaitSaved(resumeFile, loader, 2_000);
            fixture.sandbox.faults().ackLatency(Duration.ofSeconds(120));
            loader.destroy(); // SIGTERM
            // Generous: the CLI waits 5 s for ACKs; the old code waited 30 s and then printed nothing.
            assertThat(loader.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            fixture.sandbox.faults().reset();
            loader.destroyForcibly();
        }
        String stdout = Files.readString(out);
        assertThat(stdout).as(Files.readString(err)).contains("\"cancelled\":true");
        assertThat(Files.readString(err)).contains("Resume point saved");
        AckedRanges saved = savedRanges(resumeFile);
        assertThat(saved.count()).isGreaterThanOrEqualTo(2_000);
        assertThat(JSON.readTree(stdout.lines().reduce((a, b) -> b).orElseThrow()).get("acked").asLong()).isGreaterThanOrEqualTo(2_000);

        var resumed = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED, "--table", TABLE,
                "--file", file.toString(), "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Map<Long, Integer> counts = countById(fixture.sandbox, prefix);
        assertThat(counts).hasSize(ROWS);
        assertThat(duplicates(counts)).as("duplicates <= rows in flight at the stop").isLessThanOrEqualTo(IN_FLIGHT_BOUND);
        System.out.printf("jepsen: SIGTERM with slow ACKs after %d saved durable: %d duplicates after --resume%n", saved.count(),
                duplicates(counts));
    }
}
