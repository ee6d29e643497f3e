package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.catalog.StatementRunner;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.sandbox.SandboxProcess;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13: a 300,000-row CLI load against a sandbox started with {@code --stream-lifetime-s 2} (a separate JVM, the
 * real flag): the sandbox ends each stream after 2 s with close_stream_signal and then 6002; the console rolls to new
 * streams. Every row must land exactly once by id (counted by SQL), the rotations be counted and shown, no retry.
 */
class StreamLifetimeLoadTest {
    private static final String TABLE = "main.default.sensor_readings";
    private static final int ROWS = 300_000;
    @TempDir Path dir;

    @Test
    void aLoadOverStreamsTheServiceEndsEveryTwoSecondsLandsEveryRowOnceWithRotationsAndNoRetry() throws Exception {
        try (var sandbox = SandboxProcess.start(dir.resolve("data"), "--stream-lifetime-s", "2")) {
            Path cfg = Files.writeString(dir.resolve("databrickscfg"), "[lifetime]\nhost = " + sandbox.endpoint("workspaceUrl")
                    + "\nzerobus_endpoint = " + sandbox.endpoint("zerobusEndpoint") + "\nclient_id = " + sandbox.endpoint("clientId")
                    + "\nclient_secret = " + sandbox.endpoint("clientSecret") + "\n");
            Path csv = dir.resolve("rows.csv");
            try (BufferedWriter w = Files.newBufferedWriter(csv)) {
                w.write("device_name,temp,humidity,ts\n");
                for (int i = 0; i < ROWS; i++) w.write("life-" + i + "," + (i % 40) + "," + (i % 100) + ",2024-05-01T12:00:00Z\n");
            }
            var connection = new ConnectionOptions(() -> new ProfileStore(dir.resolve("config"), cfg, Map.of(),
                    new SecretStore.NoKeychain("tests keep no secrets")));
            var out = new StringWriter();
            var err = new StringWriter();
            int exit = new CommandLine(new IngestCommand(connection)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                    .execute("--profile", "lifetime", "--table", TABLE, "--file", csv.toString(),
                            // Paced so the load outlives two 2 s stream lifetimes however fast this machine is.
                            "--rate", "60000");

            assertThat(exit).as(err.toString()).isZero();
            JsonNode summary = new ObjectMapper().readTree(out.toString().strip());
            assertThat(summary.path("read").asLong()).isEqualTo(ROWS);
            assertThat(summary.path("acked").asLong()).isEqualTo(ROWS);
            assertThat(summary.path("failed").asLong()).isZero();
            assertThat(summary.path("retries").asLong()).as("a planned rotation is no retry: %s", err).isZero();
            assertThat(summary.path("rotations").asLong()).as("the load takes more than one 2 s stream lifetime: %s", summary)
                    .isPositive();
            assertThat(err.toString()).contains("Planned stream rotations: " + summary.path("rotations").asLong())
                    .containsPattern("retries 0, rotations \\d+, ");

            var profile = new ConnectionProfile("lifetime", ConnectionProfile.Source.SANDBOX, sandbox.endpoint("workspaceUrl"),
                    sandbox.endpoint("zerobusEndpoint"), sandbox.endpoint("clientId"), Secret.of(sandbox.endpoint("clientSecret")));
            var client = WorkspaceClients.create(profile);
            var reader = new TableReader(client);
            assertThat(reader.count(TABLE)).as("SELECT COUNT(*)").isEqualTo(ROWS);
            var ids = new StatementRunner(client, Duration.ofMinutes(2)).run(reader.warehouseId(),
                    "SELECT device_name FROM " + TABLE, dev.zerobus.console.catalog.Cancellation.none());
            Set<String> distinct = new HashSet<>(ROWS * 2);
            for (List<String> row : ids.rows()) distinct.add(row.getFirst());
            assertThat(ids.rows()).as("rows read back").hasSize(ROWS);
            assertThat(distinct).as("distinct ids: every row exactly once").hasSize(ROWS).contains("life-0", "life-" + (ROWS - 1));
            System.out.println("stream-lifetime load: " + summary);
        }
    }
}
