package dev.zerobus.console.bench;

import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.AckedRanges;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.ResumeCheckpoint;
import dev.zerobus.console.ingest.ResumePoint;
import dev.zerobus.console.sandbox.Durability;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cost of saving the resume point while a load runs (issue 12 item 5): the same CSV loaded by {@link LoadJob}
 * into the sandbox (null sink, so the client side dominates), alternately without and with a {@link ResumeCheckpoint}
 * at its default interval (200 ms, temp file + fsync + rename + directory fsync). Prints rows/s for each run, the
 * medians, and the saves made and their total time. Usage: bench/resume-checkpoint [rows] (default 500,000).
 */
final class ResumeCheckpointBench {
    private static final String TABLE = "main.default.sensor_readings";

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Path dir = Files.createTempDirectory("checkpoint-bench");
        Path csv = dir.resolve("rows.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("device_name,temp,humidity,ts\n");
            for (int i = 0; i < rows; i++) w.write("dev-" + i + "," + (i % 40) + "," + (i % 100) + "," + (1_714_566_600_000_000L + i) + "\n");
        }
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("sandbox")).withDurability(Durability.NONE))) {
            var e = sandbox.endpoints();
            var profile = new ConnectionProfile("bench", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(),
                    e.clientId(), Secret.of(e.clientSecret()));
            TableSchema schema = sandbox.context().state().table(TABLE).schema();
            var target = new ResumePoint.Target(profile.sdkWorkspaceUrl(), profile.sdkEndpointUrl(), TABLE,
                    sandbox.context().state().table(TABLE).tableId());
            run(profile, schema, csv, null); // warm-up (JIT)
            double[] without = new double[3];
            double[] with = new double[3];
            for (int i = 0; i < 3; i++) {
                without[i] = run(profile, schema, csv, null);
                var checkpoint = new ResumeCheckpoint(dir.resolve("rows.csv.resume.json"), ResumePoint.of(csv, target, new AckedRanges()),
                        ResumeCheckpoint.DEFAULT_INTERVAL);
                with[i] = run(profile, schema, csv, checkpoint);
                System.out.printf(Locale.ROOT, "run %d: without %,.0f rows/s, with %,.0f rows/s (%d saves, %.1f ms in total)%n", i + 1,
                        without[i], with[i], checkpoint.saves(), checkpoint.timeSpent().toNanos() / 1e6);
            }
            Arrays.sort(without);
            Arrays.sort(with);
            System.out.printf(Locale.ROOT, "median of 3, %,d rows, 1 stream, JSON: without %,.0f rows/s, with %,.0f rows/s (%+.1f %%)%n",
                    rows, without[1], with[1], (with[1] / without[1] - 1) * 100);
        }
    }

    private static double run(ConnectionProfile profile, TableSchema schema, Path csv, ResumeCheckpoint checkpoint) throws Exception {
        var options = LoadOptions.defaults(RecordFormat.JSON);
        var sourceOptions = SourceOptions.csv();
        try (RecordSource source = RecordSource.open(csv, sourceOptions)) {
            var job = new LoadJob(profile, RecordCodec.forTable(schema, options.codec()), source, sourceOptions,
                    ColumnMapping.auto(schema, source.columns()), options);
            if (checkpoint != null) job.checkpointTo(checkpoint);
            LoadResult result = job.run();
            if (!result.succeeded()) throw new IllegalStateException("load failed: " + result.toJson());
            return result.acked() / result.seconds();
        }
    }
}
