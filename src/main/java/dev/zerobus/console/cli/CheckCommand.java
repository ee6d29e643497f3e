package dev.zerobus.console.cli;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.doctor.CheckReport;
import dev.zerobus.console.doctor.ConnectionCheck;
import dev.zerobus.console.doctor.StepResult;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerobus-console check}: the connection doctor, one line per step as it finishes. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks, step by step, that the connection can stream into a table: endpoint, network, OAuth token,",
            "table, grants, and a stream open/close. Each failure names its cause and fix, with the GRANT or config line to run."},
        footer = {"", "Exit codes: 0 every step passed, 1 a step failed, 2 a configuration problem."})
public final class CheckCommand extends ConnectedCommand {
    @Option(names = "--table", required = true, paramLabel = "CATALOG.SCHEMA.TABLE", description = "The table to stream into.")
    String table;

    public CheckCommand() {
        this(new ConnectionOptions());
    }

    CheckCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    boolean needsIngestIdentity() {
        return false; // the doctor reports a missing one as its first failure
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) {
        var profile = connection.profile();
        out.println("Zerobus connection check for table " + table.strip());
        out.println("  workspace: " + profile.workspaceUrl());
        out.println("  endpoint:  " + profile.zerobusEndpoint());
        out.println("  you:       " + profile.you().describe());
        out.println("  ingest as: " + profile.clientId() + " (secret not shown)");
        out.flush();
        CheckReport report = new ConnectionCheck(profile, table).run(step -> {
            if (step.status() == StepResult.Status.RUNNING) return;
            out.print(connection.redact(format(step)));
            out.flush();
        }, new Cancellation());
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The same layout as {@link CheckReport#toText()}, one step at a time. */
    static String format(StepResult step) {
        var text = new StringBuilder(String.format(Locale.ROOT, "[%-9s] %s (%d ms)%n", step.status(), step.step().label(),
                step.elapsed().toMillis()));
        if (!step.detail().isEmpty()) text.append("    ").append(step.detail()).append('\n');
        if (step.problem() != null) {
            text.append("    Cause: ").append(step.problem().message()).append('\n');
            text.append("    Fix:   ").append(step.problem().fix()).append('\n');
            if (step.problem().copyableFix() != null) {
                for (String line : step.problem().copyableFix().split("\n")) text.append("    Run:   ").append(line).append('\n');
            }
        }
        return text.toString();
    }
}
