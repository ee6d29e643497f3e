package dev.zerobus.console.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.source.SourceFormatException;
import dev.zerobus.console.workspace.InsecureConnectionException;
import dev.zerobus.console.workspace.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to a workspace shares: resolving the connection (and closing a sandbox it started),
 * and turning failures into a message and fix on stderr plus an exit code. Stack traces only with {@code --verbose}.
 */
abstract class ConnectedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConnectionOptions connection;

    ConnectedCommand(ConnectionOptions connection) {
        this.connection = connection;
    }

    /**
     * Whether the command ingests (and so needs the profile's "Ingest as" client id and secret). Commands that only
     * browse, query or set up run as "You" and work with a profile that has no service principal yet.
     */
    boolean needsIngestIdentity() {
        return true;
    }

    /** Does the command's work; results go to {@code out}, everything else to {@code err}. Returns the exit code. */
    abstract int run(Connection connection, PrintWriter out, PrintWriter err) throws Exception;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Connection opened = null;
        // The SDKs log failures with their stack traces (e.g. "Failed to refresh token" on a wrong secret); the command
        // reports each failure as a message and fix, so their logs are shown only with --verbose.
        Logger sdkLogs = LoggerFactory.getLogger("com.databricks") instanceof Logger l ? l : null;
        Level sdkLevel = sdkLogs == null ? null : sdkLogs.getLevel();
        if (sdkLogs != null && !connection.isVerbose()) sdkLogs.setLevel(Level.OFF);
        try {
            opened = connection.open(err, needsIngestIdentity());
            return run(opened, out, err);
        } catch (CliProblem e) {
            return report(e.problem(), e, e.exitCode(), opened, err);
        } catch (CatalogException e) {
            return report(e.problem(), e, ExitCodes.FAILED, opened, err);
        } catch (dev.zerobus.console.setup.SetupException e) {
            return report(e.problem(), e, ExitCodes.FAILED, opened, err);
        } catch (SourceFormatException e) {
            return report(e.problem(), e, ExitCodes.USAGE, opened, err);
        } catch (FileSystemException e) {
            String reason = e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getReason() == null ? e.toString() : e.getReason();
            return report(new Problem("Cannot open " + e.getFile() + ": " + reason + ".",
                    "Check the path and its permissions.", null, e), e, ExitCodes.USAGE, opened, err);
        } catch (InsecureConnectionException e) {
            return report(e.problem(), e, ExitCodes.USAGE, opened, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(new Problem("Interrupted.", "Run the command again."), e, ExitCodes.FAILED, opened, err);
        } catch (Exception e) {
            var problem = new Problem("Unexpected error: " + e, "Run again with --verbose and attach the output to a bug report.");
            return report(problem, e, ExitCodes.FAILED, opened, err);
        } finally {
            out.flush();
            if (sdkLogs != null) sdkLogs.setLevel(sdkLevel);
            if (opened != null) opened.close();
            err.flush();
        }
    }

    private int report(Problem problem, Throwable e, int exitCode, Connection opened, PrintWriter err) {
        err.println(redact(opened, "Error: " + problem.message()));
        err.println(redact(opened, "Fix: " + problem.fix()));
        if (problem.copyableFix() != null) err.println(redact(opened, "Run: " + problem.copyableFix()));
        if (connection.isVerbose()) {
            var trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(redact(opened, trace.toString()));
        }
        return exitCode;
    }

    private static String redact(Connection opened, String text) {
        return opened == null ? text : opened.redact(text);
    }
}
