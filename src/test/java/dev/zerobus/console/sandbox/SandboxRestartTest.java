package dev.zerobus.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.CatalogSummary;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.SessionListener;
import dev.zerobus.console.ingest.SessionOptions;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import dev.zerobus.console.workspace.UserAuth;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's sandbox across launches: it takes its last ports when they are free (and free ones when not), and
 * a profile duplicated from it keeps working after a restart, although the sandbox mints new secrets at each start.
 */
class SandboxRestartTest {
    @TempDir Path dir;

    /** A keychain in memory (tests never touch the OS keychain). */
    static final class MemoryKeychain implements SecretStore {
        final Map<String, Secret> secrets = new HashMap<>();
        @Override public boolean isAvailable() { return true; }
        @Override public Optional<String> unavailableReason() { return Optional.empty(); }
        @Override public Optional<Secret> load(String profileName) { return Optional.ofNullable(secrets.get(profileName)); }
        @Override public boolean save(String profileName, Secret secret) { secrets.put(profileName, secret); return true; }
        @Override public void delete(String profileName) { secrets.remove(profileName); }
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    @Test
    void takesTheLastPortsWhenFreeAndFreeOnesWhenTaken() {
        SandboxEndpoints first;
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("a")))) {
            first = sandbox.endpoints();
        }
        var again = SandboxOptions.defaults(dir.resolve("a")).withPorts(port(first.zerobusEndpoint()), port(first.workspaceUrl()));
        try (var second = SandboxWorkspace.startPreferring(again);
             var other = SandboxWorkspace.startPreferring(SandboxOptions.defaults(dir.resolve("b"))
                     .withPorts(port(first.zerobusEndpoint()), port(first.workspaceUrl())))) {
            assertThat(second.endpoints().zerobusEndpoint()).isEqualTo(first.zerobusEndpoint());
            assertThat(second.endpoints().workspaceUrl()).isEqualTo(first.workspaceUrl());
            assertThat(other.endpoints().zerobusEndpoint()).as("taken: another port").isNotEqualTo(first.zerobusEndpoint());
            assertThat(other.endpoints().workspaceUrl()).isNotEqualTo(first.workspaceUrl());
        }
    }

    @Test
    void takesFreePortsWhenOnlyTheGrpcPortIsTakenByAnotherProgram() throws Exception {
        SandboxEndpoints first;
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("c")))) {
            first = sandbox.endpoints();
        }
        try (var squatter = new java.net.ServerSocket(port(first.zerobusEndpoint()), 50, java.net.InetAddress.getLoopbackAddress());
             var next = SandboxWorkspace.startPreferring(SandboxOptions.defaults(dir.resolve("c"))
                     .withPorts(port(first.zerobusEndpoint()), port(first.workspaceUrl())))) {
            assertThat(next.endpoints().zerobusEndpoint()).isNotEqualTo(first.zerobusEndpoint());
        }
    }

    @Test
    void aProfileDuplicatedFromTheSandboxWorksAfterARestart() {
        var keychain = new MemoryKeychain();
        var store = new ProfileStore(dir.resolve("config"), dir.resolve("none.databrickscfg"), Map.of(), keychain);
        SandboxEndpoints first;
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("data")))) {
            first = sandbox.endpoints();
            store.save(new ConnectionProfile("my sandbox copy", ConnectionProfile.Source.SAVED, first.workspaceUrl(),
                    first.zerobusEndpoint(), first.clientId(), Secret.of(first.clientSecret())), true);
        }
        try (var restarted = SandboxWorkspace.startPreferring(SandboxOptions.defaults(dir.resolve("data"))
                .withPorts(port(first.zerobusEndpoint()), port(first.workspaceUrl())))) {
            var e = restarted.endpoints();
            assertThat(e.clientSecret()).as("a new secret at every start").isNotEqualTo(first.clientSecret());
            List<String> followed = store.followSandbox(e.workspaceUrl(), e.zerobusEndpoint(),
                    Map.of(e.clientId(), Secret.of(e.clientSecret())));

            assertThat(followed).containsExactly("my sandbox copy");
            ConnectionProfile copy = store.find("my sandbox copy").orElseThrow();
            assertThat(copy.workspaceUrl()).isEqualTo(first.workspaceUrl());
            List<CatalogSummary> catalogs = new CatalogBrowser(WorkspaceClients.create(copy)).listCatalogs();
            assertThat(catalogs).extracting(CatalogSummary::name).contains("main");
        }
    }

    @Test
    void aCopySignedInAsTheSandboxAdminBrowsesAsYouAndIngestsAsTheSpAfterARestart() throws Exception {
        var keychain = new MemoryKeychain();
        var store = new ProfileStore(dir.resolve("config-pat"), dir.resolve("none.databrickscfg"), Map.of(), keychain);
        SandboxEndpoints first;
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("data-pat")))) {
            first = sandbox.endpoints();
            follow(store, first); // what the console does at every start: keeps this start's tokens to recognise them later
            store.save(new ConnectionProfile("admin copy", ConnectionProfile.Source.SAVED, first.workspaceUrl(), first.zerobusEndpoint(),
                    first.clientId(), Secret.of(first.clientSecret()), UserAuth.pat(Secret.of(first.userToken()))), true);
        }
        try (var restarted = SandboxWorkspace.startPreferring(SandboxOptions.defaults(dir.resolve("data-pat"))
                .withPorts(port(first.zerobusEndpoint()), port(first.workspaceUrl())))) {
            var e = restarted.endpoints();
            assertThat(e.userToken()).as("new tokens at every start").isNotEqualTo(first.userToken());
            ConnectionProfile stale = store.find("admin copy").orElseThrow();
            assertThatThrownBy(() -> new CatalogBrowser(WorkspaceClients.asYou(stale)).listCatalogs()).as("the old token is refused")
                    .isInstanceOf(CatalogException.class);

            assertThat(follow(store, e)).containsExactly("admin copy");

            ConnectionProfile copy = store.find("admin copy").orElseThrow();
            assertThat(copy.you().token()).isEqualTo(Secret.of(e.userToken()));
            assertThat(copy.toString()).doesNotContain(e.userToken(), e.clientSecret());
            var you = WorkspaceClients.asYou(copy);
            assertThat(new CatalogBrowser(you).currentPrincipal()).isEqualTo(SandboxPrincipals.ADMIN);
            assertThat(new CatalogBrowser(you).listCatalogs()).extracting(CatalogSummary::name).contains("main");
            String table = "main.default.sensor_readings";
            long before = new TableReader(you).count(table);
            try (var session = IngestionSession.open(SessionOptions.json(copy, table), SessionListener.NONE)) {
                for (long i = 0; i < 3; i++) {
                    session.ingest("{\"device_name\":\"restart-" + i + "\",\"temp\":20,\"humidity\":50,\"ts\":1714566600000000}", i);
                }
                session.flush();
                assertThat(session.metrics().snapshot().recordsAcked()).isEqualTo(3);
            }
            assertThat(new TableReader(you).count(table)).as("read back as You").isEqualTo(before + 3);
        }
    }

    /** The console's call at start-up: both principals' secrets and both users' tokens. */
    private static List<String> follow(ProfileStore store, SandboxEndpoints e) {
        return store.followSandbox(e.workspaceUrl(), e.zerobusEndpoint(), Map.of(e.clientId(), Secret.of(e.clientSecret())),
                Map.of(SandboxPrincipals.ADMIN, Secret.of(e.userToken()), SandboxPrincipals.ANALYST, Secret.of(e.analystToken())));
    }
}
