package dev.zerobus.console.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The top-level command. Without a subcommand it opens the desktop console (the launcher passes the action in,
 * so this package needs no JavaFX).
 */
@Command(name = "zerobus-console", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Zerobus Ingest Console: trial Databricks tables, load test data and troubleshoot Zerobus Ingest.",
            "Without a command, opens the desktop console (on the local sandbox when no workspace is configured)."},
        subcommands = {SandboxCommand.class, CheckCommand.class, ProtoCommand.class, SnippetCommand.class, TablesCommand.class, SqlCommand.class, SetupCommand.class, IngestCommand.class, GenerateCommand.class})
public final class ConsoleCommand implements Callable<Integer> {
    private final Callable<Integer> openGui;

    public ConsoleCommand(Callable<Integer> openGui) {
        this.openGui = openGui;
    }

    @Override
    public Integer call() throws Exception {
        return openGui.call();
    }
}
