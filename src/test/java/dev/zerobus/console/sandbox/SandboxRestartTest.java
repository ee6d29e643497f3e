package dev.zerobus.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.CatalogSummary;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
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
}
