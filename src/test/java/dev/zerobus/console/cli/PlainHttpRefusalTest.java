package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.doctor.CheckStep;
import dev.zerobus.console.doctor.ConnectionCheck;
import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.SessionListener;
import dev.zerobus.console.ingest.SessionOptions;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.InsecureConnectionException;
import dev.zerobus.console.workspace.Secret;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 12: plain http:// to anything but loopback is refused by every command and by the service layer
 * (one decision: {@link ConnectionProfile#addressProblem()}), before anything is sent. A listener on this machine's
 * non-loopback address counts the connections that reach it: none may.
 */
class PlainHttpRefusalTest {
    private static final String TABLE = "main.default.sensor_readings";
    private final CliSandbox fixture = CliSandbox.get();
    @TempDir Path dir;
    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private String url;

    @BeforeEach
    void listenOnANonLoopbackAddress() throws IOException {
        Optional<InetAddress> address = nonLoopbackAddress();
        assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(address.get(), 0));
        url = "http://" + address.get().getHostAddress() + ":" + listener.getLocalPort();
        Thread.ofPlatform().daemon().start(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    connections.incrementAndGet(); // before the close the client may be waiting for
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void close() throws IOException {
        if (listener != null) listener.close();
    }

    private Map<String, String> env() {
        var e = fixture.sandbox.endpoints();
        return Map.of("DATABRICKS_HOST", url, "ZEROBUS_ENDPOINT", e.zerobusEndpoint(), "DATABRICKS_CLIENT_ID", e.clientId(),
                "DATABRICKS_CLIENT_SECRET", e.clientSecret());
    }

    @Test
    void everyCommandRefusesPlainHttpToANonLoopbackWorkspaceBeforeSendingAnything() throws Exception {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "device_name,temp,humidity,ts\na,1,2,2024-05-01T12:30:00Z\n");
        Object[][] commands = {
            {new IngestCommand(fixture.connection(env())), new String[] {"--table", TABLE, "--file", csv.toString()}},
            {new SqlCommand(fixture.connection(env())), new String[] {"SELECT 1"}},
            {new CheckCommand(fixture.connection(env())), new String[] {"--table", TABLE}},
            {new TablesCommand(fixture.connection(env())), new String[] {}},
            {new ProtoCommand(fixture.connection(env())), new String[] {"--table", TABLE}},
            {new GenerateCommand(fixture.connection(env())), new String[] {"--table", TABLE, "--count", "1"}},
        };
        String host = url.substring("http://".length(), url.lastIndexOf(':'));
        for (Object[] c : commands) {
            var run = fixture.run(c[0], (String[]) c[1]);
            assertThat(run.exitCode()).as(c[0].getClass().getSimpleName() + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(c[0].getClass().getSimpleName()).isEqualTo(
                    "Error: The workspace URL '" + url + "' of profile 'environment' uses plain http:// to '" + host + "', which is "
                            + "not a loopback address: the client secret and tokens would cross the network unencrypted, so "
                            + "nothing is sent.\n"
                            + "Fix: Use https:// (Databricks serves TLS only); plain http:// is only for the local sandbox on 127.0.0.1.\n"
                            + "Run: host = https://" + url.substring(7) + "\n");
        }
        assertThat(connections).hasValue(0);
    }

    @Test
    void theServiceLayerRefusesItTooForTheGui() {
        var e = fixture.sandbox.endpoints();
        var workspace = new ConnectionProfile("p", ConnectionProfile.Source.SAVED, url, e.zerobusEndpoint(), e.clientId(),
                Secret.of(e.clientSecret()));
        var endpoint = new ConnectionProfile("q", ConnectionProfile.Source.SAVED, e.workspaceUrl(), url, e.clientId(),
                Secret.of(e.clientSecret()));

        assertThatThrownBy(() -> WorkspaceClients.create(workspace)).isInstanceOf(CatalogException.class)
                .hasMessageContaining("uses plain http://");
        for (ConnectionProfile p : new ConnectionProfile[] {workspace, endpoint}) {
            assertThatThrownBy(() -> IngestionSession.open(SessionOptions.json(p, TABLE), new SessionListener() {}))
                    .isInstanceOf(InsecureConnectionException.class).hasMessageContaining("plain http://");
            StepResult first = new ConnectionCheck(p, TABLE).run().steps().get(0);
            assertThat(first.step()).isEqualTo(CheckStep.ENDPOINTS);
            assertThat(first.problem().message()).contains("http://").contains("not a loopback address");
        }
        assertThat(endpoint.addressProblem()).get().extracting(pr -> pr.message()).asString()
                .startsWith("The Zerobus endpoint '" + url + "'");
        // loopback stays allowed: the sandbox itself
        assertThat(new ConnectionProfile("s", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(),
                Secret.of(e.clientSecret())).addressProblem()).isEmpty();
        assertThat(connections).hasValue(0);
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
