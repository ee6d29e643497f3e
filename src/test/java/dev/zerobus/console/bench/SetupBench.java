package dev.zerobus.console.bench;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.setup.InferredSchema;
import dev.zerobus.console.setup.SchemaInference;
import dev.zerobus.console.setup.ServicePrincipalSetup;
import dev.zerobus.console.setup.SetupRequest;
import dev.zerobus.console.setup.SetupResult;
import dev.zerobus.console.setup.SetupStep;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.UserAuth;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints (1) the time to infer the columns of a 1 GB CSV (5 runs: first and median), which reads only the bounded
 * sample, and (2) the time of the whole set-up against an in-process sandbox (3 runs, each a new table and principal),
 * with the time of each step.
 */
public final class SetupBench {
    private SetupBench() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        long target = quick ? 100L << 20 : 1L << 30;
        Path dir = Path.of("target/bench-setup");
        Files.createDirectories(dir);
        Path big = dir.resolve(quick ? "orders-100mb.csv" : "orders-1gb.csv");
        if (!Files.exists(big) || Files.size(big) < target) {
            long start = System.nanoTime();
            write(big, target);
            System.out.printf(Locale.ROOT, "generated %s: %,d bytes in %.1f s%n", big, Files.size(big), seconds(start));
        }
        SourceOptions options = SourceOptions.detect(big);
        List<Double> inference = new ArrayList<>();
        InferredSchema schema = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            schema = SchemaInference.infer(big, options, SchemaInference.Limits.DEFAULT);
            inference.add(seconds(start) * 1000);
        }
        System.out.printf(Locale.ROOT, "inference on %,d bytes: %d columns from %,d rows / %,d bytes sampled; first %.0f ms, median %.0f ms%n",
                Files.size(big), schema.columns().size(), schema.rowsSampled(), schema.bytesSampled(), inference.getFirst(), median(inference));

        Path data = Files.createTempDirectory("setup-bench");
        try (SandboxWorkspace sandbox = SandboxWorkspace.start(SandboxOptions.defaults(data))) {
            var e = sandbox.endpoints();
            var user = new ConnectionProfile("bench", ConnectionProfile.Source.SAVED, e.workspaceUrl(), e.zerobusEndpoint(), "", null,
                    UserAuth.pat(Secret.of(e.userToken())));
            List<Double> totals = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Map<SetupStep.Kind, Long> started = new EnumMap<>(SetupStep.Kind.class);
                Map<SetupStep.Kind, Double> took = new EnumMap<>(SetupStep.Kind.class);
                long start = System.nanoTime();
                SetupResult result = new ServicePrincipalSetup(user).run(SetupRequest.forTable("main.default.bench_" + i)
                        .withPrincipal("bench-sp-" + i).withFile(big, options), step -> {
                            if (step.status() == SetupStep.Status.RUNNING) started.put(step.kind(), System.nanoTime());
                            else if (started.containsKey(step.kind())) took.put(step.kind(), seconds(started.get(step.kind())) * 1000);
                        }, Cancellation.none());
                double total = seconds(start) * 1000;
                totals.add(total);
                StringBuilder steps = new StringBuilder();
                took.forEach((k, ms) -> steps.append(String.format(Locale.ROOT, " %s %.0f ms,", k.name().toLowerCase(Locale.ROOT), ms)));
                System.out.printf(Locale.ROOT, "setup run %d: %.0f ms (%s), doctor %s;%s%n", i, total,
                        result.tableCreated() && result.principalCreated() ? "table and principal created" : "reused",
                        result.doctorPassed() ? "passed" : "FAILED", steps.substring(0, steps.length() - 1));
            }
            System.out.printf(Locale.ROOT, "setup (inference of the file included), median of 3: %.0f ms%n", median(totals));
        }
    }

    private static void write(Path file, long bytes) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,name,price,paid,day,at,comment\n");
            long written = 0;
            for (long i = 1; written < bytes; i++) {
                String line = String.format(Locale.ROOT, "%d,customer %d,%d.%02d,%s,2024-05-%02d,2024-05-01T12:%02d:%02dZ,"
                        + "\"free text, with a comma and some padding to make rows realistic\"%n",
                        i, i % 100_000, i % 1000, i % 100, i % 2 == 0, 1 + i % 28, (i / 60) % 60, i % 60);
                w.write(line);
                written += line.length();
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
