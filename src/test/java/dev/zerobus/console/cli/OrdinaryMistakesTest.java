package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 12 item 10: ordinary mistakes get their own error, fix and exit code, never "Unexpected error ... bug report",
 * and fail before anything is sent.
 */
class OrdinaryMistakesTest {
    private static final String TABLE = "main.default.sensor_readings";
    private final CliSandbox fixture = CliSandbox.get();
    @TempDir Path dir;

    private CliSandbox.Run ingest(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(new String[] {"--profile", CliSandbox.GRANTED, "--table", TABLE}, 0, all, 0, 4);
        System.arraycopy(args, 0, all, 4, args.length);
        return fixture.run(new IngestCommand(fixture.connection()), all);
    }

    private Path good() throws Exception {
        Path csv = dir.resolve("good.csv");
        Files.writeString(csv, "device_name,temp,humidity,ts\na,1,2,2024-05-01T12:30:00Z\n");
        return csv;
    }

    /** The lines after "Using profile ..." */
    private static String problem(CliSandbox.Run run) {
        return run.err().substring(run.err().indexOf('\n') + 1);
    }

    @Test
    void aHundredThousandColumnsAreNamedAsSuch() throws Exception {
        Path wide = dir.resolve("wide.csv");
        var line = new StringBuilder("c0");
        for (int i = 1; i < 100_000; i++) line.append(",c").append(i);
        Files.writeString(wide, line + "\n" + line + "\n");

        var run = ingest("--file", wide.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problem(run)).startsWith("Error: The first line of wide.csv cannot be read as CSV: ")
                .contains("16384 fields (a table has far fewer columns")
                .contains("Fix: Check the delimiter (--format) and that this is the right file")
                .doesNotContain("Unexpected").doesNotContain("bug report");
    }

    @Test
    void aJsonObjectWithFormatJsonSaysToUseJsonLines() throws Exception {
        Path obj = dir.resolve("obj.json");
        Files.writeString(obj, "{\"device_name\":\"a\",\"temp\":1,\"humidity\":2,\"ts\":\"2024-05-01T12:30:00Z\"}");

        var run = ingest("--file", obj.toString(), "--format", "json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problem(run)).isEqualTo("""
                Error: The file is not a JSON array: it starts with an object ('{'), and the JSON array format reads '[ {...}, {...} ]' (it must start with '[').
                Fix: For one object per line use JSON Lines (--format jsonl); for a single object wrap it in [ ].
                """);
    }

    @Test
    void aDirectoryAndAnUnreadableFileAreNamed() throws Exception {
        var run = ingest("--file", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problem(run)).isEqualTo("Error: " + dir + " is a directory, not a file.\n"
                + "Fix: Pass the file to load inside it with --file.\n");

        Path locked = good();
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) { // root reads anything
            var unreadable = ingest("--file", locked.toString());
            assertThat(unreadable.exitCode()).isEqualTo(2);
            assertThat(problem(unreadable)).startsWith("Error: The file " + locked + " cannot be read: permission denied.");
        }
    }

    @Test
    void anUnwritableFailedRowsPathIsRefusedBeforeLoading() throws Exception {
        Path csv = good();
        Path missingDir = dir.resolve("no/such");
        long before = fixture.count(TABLE);

        var run = ingest("--file", csv.toString(), "--failed-rows", missingDir.resolve("x.csv").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(problem(run)).isEqualTo("Error: The failed-rows file " + missingDir.resolve("x.csv") + " cannot be written: the directory "
                + missingDir + " does not exist.\nFix: Create the directory first, or name a file in an existing directory.\n");
        assertThat(fixture.count(TABLE)).isEqualTo(before);
    }

    @Test
    void aBacktickedTableNameIsShownWithoutBackticks() throws Exception {
        var run = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.GRANTED,
                "--table", "`main`.`default`.`sensor_readings`", "--file", good().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problem(run)).isEqualTo("""
                Error: '`main`.`default`.`sensor_readings`' has backticks: the console takes table names as given (the REST API's full_name), not SQL-quoted.
                Fix: Write it without backticks: main.default.sensor_readings.
                Run: main.default.sensor_readings
                """);
    }

    @Test
    void aGarbageEndpointFailsAtOnceWithItsCause() throws Exception {
        var e = fixture.sandbox.endpoints();
        var env = Map.of("DATABRICKS_HOST", e.workspaceUrl(), "ZEROBUS_ENDPOINT", "garbage!!", "DATABRICKS_CLIENT_ID", e.clientId(),
                "DATABRICKS_CLIENT_SECRET", e.clientSecret());

        var run = fixture.run(new IngestCommand(fixture.connection(env)), "--table", TABLE, "--file", good().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("""
                Error: The Zerobus endpoint 'garbage!!' of profile 'environment' is not a host name.
                Fix: Write <workspace-id>.zerobus.<region>.cloud.databricks.com (AWS) or <workspace-id>.zerobus.<region>.azuredatabricks.net (Azure).
                """);
    }

    /**
     * A stream that failed is reported as failed, never as cancelled: nobody cancelled it (the summary said
     * "cancelled":true and "Cancelled: 0 rows are in the table"). The principal without grants fails at the stream's
     * open, the same path as an endpoint with nothing behind it (LoadJobTest has that one, with retries).
     */
    @Test
    void aStreamThatFailsIsReportedAsFailedNotCancelled() throws Exception {
        var run = fixture.run(new IngestCommand(fixture.connection()), "--profile", CliSandbox.NO_GRANTS, "--table", TABLE,
                "--file", good().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).as(run.err()).startsWith("{\"read\":0,\"skipped\":0,\"sent\":0,\"acked\":0,\"failed\":0,")
                .endsWith("\"cancelled\":false,\"resent\":0,\"outcome\":\"failed\"}\n");
        assertThat(run.err()).contains("Error: ").doesNotContain("Cancelled");
    }

    @Test
    void anUnresolvableWorkspaceHostFailsAtOnceWithoutRetries() {
        var e = fixture.sandbox.endpoints();
        var env = Map.of("DATABRICKS_HOST", "https://no-such-workspace.invalid", "ZEROBUS_ENDPOINT", e.zerobusEndpoint(),
                "DATABRICKS_CLIENT_ID", e.clientId(), "DATABRICKS_CLIENT_SECRET", "x");

        var run = fixture.run(new SqlCommand(fixture.connection(env)), "SELECT 1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(problem(run)).isEqualTo("""
                Error: The workspace host 'no-such-workspace.invalid' does not resolve (DNS).
                Fix: Check the workspace URL's spelling (copy it from the browser), and that your VPN or DNS can see it.
                """);
    }

    @Test
    void aWrongSecretPrintsNoStackTraceWithoutVerbose() throws Exception {
        var e = fixture.sandbox.endpoints();
        var env = Map.of("DATABRICKS_HOST", e.workspaceUrl(), "ZEROBUS_ENDPOINT", e.zerobusEndpoint(), "DATABRICKS_CLIENT_ID", e.clientId(),
                "DATABRICKS_CLIENT_SECRET", "wrong-secret");
        var sdkLogs = (Logger) LoggerFactory.getLogger("com.databricks");
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        sdkLogs.addAppender(logged);
        try {
            var quiet = fixture.run(new SqlCommand(fixture.connection(env)), "SELECT 1");
            assertThat(quiet.exitCode()).isEqualTo(1);
            assertThat(problem(quiet)).startsWith("Error: The workspace rejected the client id or secret (invalid_client).\nFix: ")
                    .doesNotContain("\tat ");
            assertThat(logged.list).isEmpty();

            var verbose = fixture.run(new SqlCommand(fixture.connection(env)), "SELECT 1", "--verbose");
            assertThat(verbose.exitCode()).isEqualTo(1);
            assertThat(verbose.err()).contains("\tat ");
            assertThat(logged.list).extracting(ILoggingEvent::getThrowableProxy).isNotEmpty();
        } finally {
            sdkLogs.detachAppender(logged);
        }
    }
}
