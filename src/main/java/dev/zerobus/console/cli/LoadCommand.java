package dev.zerobus.console.cli;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadProgress;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.RowError;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.snippet.SnippetRecordType;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.MappingProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Option;

/**
 * What {@code ingest} and {@code generate} share: the table, record type and streams options, the checks before a
 * load starts, and running a {@link LoadJob} with a progress line on stderr every second and the JSON summary on
 * stdout. Ctrl+C cancels the load and still prints exactly what landed.
 */
abstract class LoadCommand extends ConnectedCommand {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    private static final int ERRORS_SHOWN = 10;
    /** How long Ctrl+C / SIGTERM waits for sent rows to be ACKed before it reports and exits. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    @Option(names = "--table", required = true, paramLabel = "CATALOG.SCHEMA.TABLE", description = "The table to load into.")
    String table;

    @Option(names = "--record-type", paramLabel = "TYPE", converter = CliValues.RecordType.class,
            description = "json (default) or proto: how records travel on the stream.")
    SnippetRecordType recordType = SnippetRecordType.JSON;

    @Option(names = "--streams", paramLabel = "N", description = "Parallel streams, 1..64 (default: ${DEFAULT-VALUE}).")
    int streams = 1;

    LoadCommand(ConnectionOptions connection) {
        super(connection);
    }

    RecordFormat format() {
        return recordType == SnippetRecordType.PROTO ? RecordFormat.PROTO : RecordFormat.JSON;
    }

    TableSchema tableSchema(Connection connection) {
        return tableDetails(connection).schema();
    }

    /** The table as Unity Catalog describes it (its {@code table_id} identifies a resume point's table). */
    TableDetails tableDetails(Connection connection) {
        if (streams < 1 || streams > 64) throw CliProblem.usage("--streams must be 1..64, not " + streams + ".", "Pick a number from 1 to 64.");
        return new CatalogBrowser(WorkspaceClients.asYou(connection.profile())).table(table);
    }

    /** Refuses a load that cannot start: a PROTO stream for columns it cannot carry, or an unusable mapping. */
    void checkLoadable(RecordCodec codec, ColumnMapping mapping) {
        if (format() == RecordFormat.PROTO && !codec.protoSchema().isUsable()) {
            throw CliProblem.usage(codec.protoSchema().problems().getFirst().message(), "Load with --record-type json.");
        }
        if (!mapping.problems().isEmpty()) {
            MappingProblem first = mapping.problems().getFirst();
            throw CliProblem.usage(first.message(), first.fix());
        }
    }

    /** Runs the load on this thread; returns 0 only when every row landed. */
    int runLoad(LoadJob job, Connection connection, PrintWriter out, PrintWriter err) throws Exception {
        var finished = new CountDownLatch(1);
        var summarised = new AtomicBoolean();
        Thread onCtrlC = new Thread(() -> {
            job.cancel();
            // Sent records get STOP_GRACE to be ACKed; past it the summary says what is durable and the resume point keeps it.
            if (!awaitQuietly(finished, STOP_GRACE) && summarised.compareAndSet(false, true)) {
                boolean saved = job.saveCheckpoint();
                LoadResult partial = job.partialResult();
                long unacked = Math.max(0, partial.sent() - partial.acked());
                err.println(progressLine(job.progress()));
                err.println("Stopped without waiting longer for " + unacked + " sent rows to be acknowledged (" + STOP_GRACE.toSeconds()
                        + " s): they may or may not have landed; a resume sends them again (possible duplicates).");
                if (saved) err.println("Resume point saved: run again with --resume to skip the rows already loaded.");
                err.flush();
                out.println(partial.toJson());
                out.flush();
            }
        }, "load-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        Thread monitor = Thread.ofPlatform().daemon().name("load-progress").start(() -> printProgress(job, err));
        try {
            LoadResult result = job.run();
            stop(monitor);
            if (!summarised.compareAndSet(false, true)) return ExitCodes.FAILED; // the exit hook already reported
            err.println(progressLine(job.progress()));
            report(result, connection, err);
            afterLoad(result, err);
            err.flush();
            out.println(result.toJson());
            out.flush();
            return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            stop(monitor);
            removeQuietly(onCtrlC);
            finished.countDown();
        }
    }

    private static void stop(Thread monitor) throws InterruptedException {
        monitor.interrupt();
        monitor.join();
    }

    /** Runs after the load, before the summary line (also on Ctrl+C, while the JVM waits for the summary). */
    void afterLoad(LoadResult result, PrintWriter err) throws IOException {
    }

    /** What the summary line cannot say: why a stream stopped, the first bad rows, where the failed rows went. */
    void report(LoadResult result, Connection connection, PrintWriter err) {
        if (result.streamFailure() != null) {
            var why = result.streamFailure().problem();
            err.println(connection.redact("Error: " + why.message()));
            err.println(connection.redact("Fix: " + why.fix()));
        }
        result.errors().stream().limit(ERRORS_SHOWN).forEach(e -> err.println(describe(e)));
        if (result.failed() > ERRORS_SHOWN) err.println("… and " + (result.failed() - ERRORS_SHOWN) + " more failed rows.");
        if (result.failed() > 0 && result.failedRowsFile() != null) {
            err.println("Failed rows written to " + result.failedRowsFile() + " (fix them there and load that file again).");
        }
        if (result.rotations() > 0) {
            err.println("Planned stream rotations: " + result.rotations() + " (the service ended streams on schedule, code 6002; "
                    + "the load moved to new streams and re-sent only unacknowledged rows; not errors, not retries).");
        }
        if (result.cancelled()) err.println("Cancelled: " + result.acked() + " rows are in the table.");
        if (result.resent() > 0) {
            err.println(result.resent() + " rows were sent again after a stream failure: each may now be in the table twice "
                    + "(at-least-once; see docs/delivery.md).");
        }
    }

    private static String describe(RowError e) {
        return "Line " + e.line() + (e.column().isEmpty() ? "" : ", column " + e.column())
                + (e.value() == null ? "" : ", value " + e.value()) + ": " + e.reason();
    }

    private static void printProgress(LoadJob job, PrintWriter err) {
        try {
            while (true) {
                Thread.sleep(PROGRESS_INTERVAL.toMillis());
                err.println(progressLine(job.progress()));
                err.flush();
            }
        } catch (InterruptedException e) {
            // the load finished
        }
    }

    static String progressLine(LoadProgress p) {
        String eta = p.done() ? "done" : p.eta() == null ? "ETA ?" : "ETA " + p.eta().toSeconds() + " s";
        return String.format(Locale.ROOT, "read %d, sent %d, acked %d, failed %d, retries %d, rotations %d, %.0f rows/s, %s",
                p.read(), p.sent(), p.acked(), p.failed(), p.retries(), p.rotations(), p.rowsPerSecond(), eta);
    }

    private static boolean awaitQuietly(CountDownLatch finished, Duration limit) {
        try {
            return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (Ctrl+C): the hook is running and waits for the summary
        }
    }
}
