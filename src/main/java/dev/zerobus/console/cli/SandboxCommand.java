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

    @Override
    public Integer call() throws InterruptedException {
        Durability mode = switch (durability.toLowerCase(Locale.ROOT)) {
            case "durable" -> Durability.DURABLE;
            case "none" -> Durability.NONE;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--durability must be 'durable' or 'none', not '" + durability + "'");
        };
        var faults = new FaultPlan()
                .closeStreamsAfter(closeAfter)
                .closeSignalAfter(closeSignalAfter, Duration.ofSeconds(1))
                .ackLatency(Duration.ofMillis(ackLatencyMs))
                .withholdAcks(withholdAcks)
                .rejectNextTokens(rejectTokens)
                .failNextCommits(failCommits)
                .catalogDelay(Duration.ofMillis(catalogDelayMs));
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
