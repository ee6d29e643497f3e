package dev.zerobus.console.cli;

import dev.zerobus.console.sandbox.Durability;
import dev.zerobus.console.sandbox.FaultPlan;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zerobus-console sandbox}: runs the sandbox workspace headless until SIGTERM/SIGINT. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {
            "Runs the sandbox workspace: a local stand-in for Databricks (OAuth, Unity Catalog, SQL statements,",
            "Zerobus gRPC, real Delta tables) on 127.0.0.1 that the official clients use unmodified.",
            "Prints one JSON line with the endpoints and credentials on stdout, logs to stderr,",
            "and serves until stopped (Ctrl+C or SIGTERM), finishing in-flight commits first."})
public final class SandboxCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** The flag that sets each FaultPlan field, to name it in an error. */
    private static final java.util.Map<String, String> FLAGS = java.util.Map.of("closeStreamsAfter", "--fault-close-after",
            "closeSignalAfter", "--fault-close-signal-after", "ackLatencyMs", "--fault-ack-latency-ms",
            "rejectNextTokens", "--fault-reject-tokens", "failNextCommits", "--fault-fail-commits",
            "catalogDelayMs", "--fault-catalog-delay-ms", "quotaRowsPerSecond", "--quota-rows-per-s",
            "quotaBytesPerSecond", "--quota-mb-per-s (in bytes/s)", "streamLifetimeSeconds", "--stream-lifetime-s");

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir = SandboxOptions.defaultDataDir();

    @Option(names = "--grpc-port", paramLabel = "N", description = "Zerobus gRPC port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int grpcPort = 0;

    @Option(names = "--http-port", paramLabel = "N", description = "Workspace HTTP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int httpPort = 0;

    @Option(names = "--durability", paramLabel = "MODE",
            description = "durable: ACK after the Delta commit (default); none: ACK on receipt and store nothing (benchmarks only).")
    String durability = "durable";

    @Option(names = "--token-lifetime", paramLabel = "SECONDS", description = "OAuth token lifetime (default: ${DEFAULT-VALUE}).")
    long tokenLifetimeSeconds = 3600;

    @Option(names = "--fault-close-after", paramLabel = "N", description = "Fault: close every stream with UNAVAILABLE after N records.")
    long closeAfter;

    @Option(names = "--fault-close-signal-after", paramLabel = "N", description = "Fault: send close_stream_signal after N records.")
    long closeSignalAfter;

    @Option(names = "--fault-ack-latency-ms", paramLabel = "MS", description = "Fault: add this latency to every ACK.")
    long ackLatencyMs;

    @Option(names = "--fault-withhold-acks", description = "Fault: send no ACKs (clients time out and recover).")
    boolean withholdAcks;

    @Option(names = "--fault-reject-tokens", paramLabel = "K", description = "Fault: answer the next K token requests with HTTP 503.")
    int rejectTokens;

    @Option(names = "--fault-fail-commits", paramLabel = "K", description = "Fault: fail the next K Delta commits.")
    int failCommits;

    @Option(names = "--fault-catalog-delay-ms", paramLabel = "MS", description = "Fault: slow every Unity Catalog call by MS.")
    long catalogDelayMs;

    @Option(names = "--service-like", description = {
            "Behave like the service's speed: each durability ACK waits a latency drawn like the service's",
            "(p50 ~150 ms, p95 ~450 ms) after the commit, and each stream is slowed to its quota by flow control."})
    boolean serviceLike;

    @Option(names = "--quota-rows-per-s", paramLabel = "N",
            description = "With --service-like: rows per second each stream may send (default: ${DEFAULT-VALUE}, the quotas page).")
    long quotaRowsPerSecond = FaultPlan.DEFAULT_QUOTA_ROWS_PER_SECOND;

    @Option(names = "--quota-mb-per-s", paramLabel = "MB",
            description = "With --service-like: megabytes (10^6 bytes) per second each stream may send (default: ${DEFAULT-VALUE}).")
    long quotaMegabytesPerSecond = FaultPlan.DEFAULT_QUOTA_BYTES_PER_SECOND / 1_000_000;

    @Option(names = "--stream-lifetime-s", paramLabel = "N", description = {
            "Send close_stream_signal to each stream N seconds after it opened, then close it, as the service",
            "does about every 15 minutes; 0 = never (default)."})
    long streamLifetimeSeconds;
    @Option(names = "--warehouse-start-ms", paramLabel = "MS", defaultValue = "2000",
            description = "How long the stopped SQL warehouse takes to start (and a running one to stop); default ${DEFAULT-VALUE}.")
    long warehouseStartMs;

    @Override
    public Integer call() throws InterruptedException {
        Durability mode = switch (durability.toLowerCase(Locale.ROOT)) {
            case "durable" -> Durability.DURABLE;
            case "none" -> Durability.NONE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--durability must be 'durable' or 'none', not '" + durability + "'");
        };
        FaultPlan faults;
        try {
            faults = new FaultPlan()
                    .closeStreamsAfter(closeAfter)
                    .closeSignalAfter(closeSignalAfter, Duration.ofSeconds(1))
                    .ackLatency(Duration.ofMillis(ackLatencyMs))
                    .withholdAcks(withholdAcks)
                    .rejectNextTokens(rejectTokens)
                    .failNextCommits(failCommits)
                    .catalogDelay(Duration.ofMillis(catalogDelayMs))
                    .serviceLike(serviceLike)
                    .quotaRowsPerSecond(quotaRowsPerSecond)
                    .quotaBytesPerSecond(quotaMegabytesPerSecond > Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : quotaMegabytesPerSecond * 1_000_000)
                    .streamLifetime(Duration.ofSeconds(Math.max(-1, Math.min(streamLifetimeSeconds, Long.MAX_VALUE / 1_000_000_000L))))
                    .warehouseTransition(Duration.ofMillis(warehouseStartMs));
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().substring(0, Math.max(0, e.getMessage().indexOf(' ')));
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for "
                    + FLAGS.getOrDefault(field, "a sandbox option") + ": " + e.getMessage());
        }
        var options = SandboxOptions.defaults(dataDir).withPorts(grpcPort, httpPort)
                .withTokenLifetime(Duration.ofSeconds(tokenLifetimeSeconds)).withDurability(mode).withFaults(faults);
        SandboxWorkspace sandbox = SandboxWorkspace.start(options);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println(sandbox.endpoints().toJsonLine());
        out.flush();
        stopped.await();
        return 0;
    }
}
