package dev.zerobus.console.ui.stream;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.RetryPolicy;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SyntheticRecords;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/** Loads for the Stream pane tests, as the Records pane would start them: a LoadJob on its own thread, listed in the context. */
final class StreamFixtures {
    static final String TABLE = "main.default.sensor_readings";
    static final RetryPolicy FAST = new RetryPolicy(8, Duration.ofMillis(20), Duration.ofMillis(200));

    private StreamFixtures() {}

    static TableDetails table(AppContext context) {
        return context.browser(context.activeProfile().get()).table(TABLE);
    }

    static long rowsInSandbox(SandboxWorkspace sandbox) {
        var table = sandbox.context().state().table(TABLE);
        return sandbox.context().tables().read(table.tableId(), table.schema(), -1).size();
    }

    static Path csv(Path file, int rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("device_name,temp,humidity,ts\n");
            for (int i = 0; i < rows; i++) {
                w.write("dev-" + i + "," + (i % 40) + "," + (i % 100) + "," + (1_714_566_600_000_000L + i) + "\n");
            }
        }
        return file;
    }

    static LoadJob csvJob(ConnectionProfile profile, TableDetails table, Path csv, LoadOptions options) throws Exception {
        var sourceOptions = SourceOptions.csv();
        RecordSource source = RecordSource.open(csv, sourceOptions);
        return new LoadJob(profile, RecordCodec.forTable(table.schema(), options.codec()), source, sourceOptions,
                ColumnMapping.auto(table.schema(), source.columns()), options);
    }

    static LoadJob generatedJob(ConnectionProfile profile, TableDetails table, long count, LoadOptions options) {
        RecordSource source = new SyntheticRecords(table.schema(), 42).asSource(count);
        return new LoadJob(profile, RecordCodec.forTable(table.schema(), options.codec()), source, SourceOptions.jsonLines(),
                ColumnMapping.auto(table.schema(), source.columns()), options);
    }

    static LoadOptions options() {
        return LoadOptions.defaults(RecordFormat.JSON).withRetry(FAST);
    }

    /** Runs the load on a platform thread and lists it in the context (on the FX thread), as the Records pane does. */
    static CompletableFuture<LoadResult> start(AppContext context, String name, TableDetails table, LoadJob job, long rowsBefore) {
        var result = new CompletableFuture<LoadResult>();
        Thread.ofPlatform().name("test-load").daemon().start(() -> {
            try {
                result.complete(job.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        Platform.runLater(() -> context.ingestions().add(new ActiveIngestion(name, table, Instant.now(), job, null, rowsBefore)));
        return result;
    }
}
