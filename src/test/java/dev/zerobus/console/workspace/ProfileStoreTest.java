package dev.zerobus.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.workspace.ConnectionProfile.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir Path dir;

    /** Stands in for the OS keychain, which a headless CI machine does not have. */
    static final class MemoryKeychain implements SecretStore {
        final Map<String, Secret> entries = new HashMap<>();
        @Override public boolean isAvailable() { return true; }
        @Override public Optional<String> unavailableReason() { return Optional.empty(); }
        @Override public Optional<Secret> load(String name) { return Optional.ofNullable(entries.get(name)); }
        @Override public boolean save(String name, Secret secret) { entries.put(name, secret); return true; }
        @Override public void delete(String name) { entries.remove(name); }
    }

    private Path cfg(String text) throws Exception {
        Path file = dir.resolve(".databrickscfg");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsEveryDatabricksCfgProfileWithOurZerobusEndpointKey() throws Exception {
        var store = new ProfileStore(dir.resolve("config"), cfg("""
                [DEFAULT]
                host = https://dbc-a1b2.cloud.databricks.com
                client_id = 11111111-aaaa
                client_secret = dose-secret-1

                [prod]
                host = adb-987654321012345.12.azuredatabricks.net/
                client_id = 22222222-bbbb
                client_secret = dose-secret-2
                zerobus_endpoint = 987654321012345.zerobus.westeurope.azuredatabricks.net

                [pat-only]
                token = dapi123
                """), Map.of(), new SecretStore.NoKeychain("none"));

        assertThat(store.all()).extracting(ConnectionProfile::name).containsExactly("DEFAULT", "prod");
        ConnectionProfile prod = store.find("prod").orElseThrow();
        assertThat(prod.source()).isEqualTo(Source.DATABRICKS_CFG);
        assertThat(prod.workspaceUrl()).isEqualTo("https://adb-987654321012345.12.azuredatabricks.net");
        assertThat(prod.zerobusEndpoint()).isEqualTo("987654321012345.zerobus.westeurope.azuredatabricks.net");
        assertThat(prod.clientSecret().reveal()).isEqualTo("dose-secret-2");
        assertThat(prod.toString()).doesNotContain("dose-secret-2").contains("secret set");
    }

    @Test
    void keepsEachProfilesRecordsQuotaWithTheQuotasPageDefault() throws Exception {
        var store = new ProfileStore(dir.resolve("config"), cfg("""
                [raised]
                host = https://1234567890123456.0.gcp.databricks.com
                zerobus_records_per_second_quota = 250,000

                [plain]
                host = https://dbc-a1b2.cloud.databricks.com
                """), Map.of(), new SecretStore.NoKeychain("none"));
        assertThat(store.find("raised").orElseThrow().recordsPerSecondQuota()).isEqualTo(250_000);
        assertThat(store.find("plain").orElseThrow().recordsPerSecondQuota()).isEqualTo(100_000);

        store.save(new ConnectionProfile("older-page", Source.SAVED, "https://w", "e", "id", null).withRecordsPerSecondQuota(15_000), false);
        assertThat(Files.readString(dir.resolve("config/profiles.json"))).contains("\"recordsPerSecondQuota\" : 15000");
        assertThat(store.find("older-page").orElseThrow().recordsPerSecondQuota()).isEqualTo(15_000);
        store.rename("older-page", "older");
        assertThat(store.find("older").orElseThrow().recordsPerSecondQuota()).isEqualTo(15_000);

        // a file written before the setting existed
        Files.writeString(dir.resolve("config/profiles.json"), "[{\"name\":\"old\",\"workspaceUrl\":\"https://w\","
                + "\"zerobusEndpoint\":\"e\",\"clientId\":\"id\"}]");
        assertThat(store.find("old").orElseThrow().recordsPerSecondQuota()).isEqualTo(100_000);
    }

    @Test
    void takesTheEnvironmentAndHonoursDatabricksConfigProfile() throws Exception {
        Path file = cfg("[staging]\nhost = https://staging.cloud.databricks.com\nclient_id = s\n");
        var env = Map.of("DATABRICKS_HOST", "dbc-e.cloud.databricks.com", "DATABRICKS_CLIENT_ID", "env-id",
                "DATABRICKS_CLIENT_SECRET", "env-secret", "ZEROBUS_ENDPOINT", "1234567890123456.zerobus.us-west-2.cloud.databricks.com");
        var store = new ProfileStore(dir.resolve("config"), file, env, new SecretStore.NoKeychain("none"));
        ConnectionProfile fromEnv = store.defaultProfile().orElseThrow();
        assertThat(fromEnv.source()).isEqualTo(Source.ENVIRONMENT);
        assertThat(fromEnv.workspaceUrl()).isEqualTo("https://dbc-e.cloud.databricks.com");
        assertThat(fromEnv.zerobusEndpoint()).isEqualTo("1234567890123456.zerobus.us-west-2.cloud.databricks.com");
        assertThat(fromEnv.clientSecret().reveal()).isEqualTo("env-secret");

        var named = new ProfileStore(dir.resolve("config"), file, Map.of("DATABRICKS_CONFIG_PROFILE", "staging"),
                new SecretStore.NoKeychain("none"));
        assertThat(named.defaultProfile()).map(ConnectionProfile::name).contains("staging");
        assertThat(new ProfileStore(dir.resolve("config"), file, Map.of(), new SecretStore.NoKeychain("none")).defaultProfile()).isEmpty();
    }

    @Test
    void savesProfilesWithoutTheSecretAndPutsTheSecretInTheKeychain() throws Exception {
        var keychain = new MemoryKeychain();
        var store = new ProfileStore(dir.resolve("config"), dir.resolve("missing.cfg"), Map.of(), keychain);
        var profile = new ConnectionProfile("trial", Source.SAVED, "https://dbc-x.cloud.databricks.com",
                "1234567890123456.zerobus.us-west-2.cloud.databricks.com", "sp-id", Secret.of("very-secret-value"));

        assertThat(store.save(profile, true)).isTrue();
        String file = Files.readString(dir.resolve("config/profiles.json"));
        assertThat(file).contains("trial").contains("sp-id").doesNotContain("very-secret-value");
        assertThat(store.find("trial").orElseThrow().clientSecret().reveal()).isEqualTo("very-secret-value");

        store.rename("trial", "trial-2");
        assertThat(store.savedProfiles()).extracting(ConnectionProfile::name).containsExactly("trial-2");
        assertThat(keychain.entries).containsOnlyKeys("trial-2");

        store.delete("trial-2");
        assertThat(store.savedProfiles()).isEmpty();
        assertThat(keychain.entries).isEmpty();
    }

    @Test
    void keepsNoSecretAnywhereWithoutAKeychain() throws Exception {
        var store = new ProfileStore(dir.resolve("config"), dir.resolve("missing.cfg"), Map.of(),
                new SecretStore.NoKeychain("No OS keychain"));
        var profile = new ConnectionProfile("trial", Source.SAVED, "https://w", "e", "id", Secret.of("very-secret-value"));
        assertThat(store.save(profile, true)).isFalse();
        assertThat(store.find("trial").orElseThrow().hasSecret()).isFalse();
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).doesNotContain("very-secret-value");
            }
        }
    }

    @Test
    void refusesTheEnvironmentProfilesName() {
        var store = new ProfileStore(dir, dir.resolve("x"), Map.of(), new MemoryKeychain());
        assertThatThrownBy(() -> store.save(new ConnectionProfile("environment", Source.SAVED, "", "", "", null), false))
                .hasMessageContaining("'environment' is the name of the environment's profile");
    }

    @Test
    void aSavedProfileKeepsYourSignInTypeAndYourTokenInTheKeychainNeverInTheFile() throws Exception {
        var keychain = new MemoryKeychain();
        var store = new ProfileStore(dir.resolve("config"), dir.resolve("none"), Map.of(), keychain);
        var profile = new ConnectionProfile("dev", ConnectionProfile.Source.SAVED, "https://dbc-a1b2.cloud.databricks.com", "",
                "", null, UserAuth.pat(Secret.of("dapi-user-token-1234")));

        assertThat(store.save(profile, true)).isTrue();

        ConnectionProfile read = store.find("dev").orElseThrow();
        assertThat(read.you().type()).isEqualTo(UserAuth.Type.PAT);
        assertThat(read.you().token()).isEqualTo(Secret.of("dapi-user-token-1234"));
        assertThat(Files.readString(dir.resolve("config/profiles.json"))).doesNotContain("dapi-user-token-1234").contains("\"youType\" : \"PAT\"");
        assertThat(read.toString()).doesNotContain("dapi-user-token-1234");
        assertThat(read.redact("token dapi-user-token-1234 leaked")).isEqualTo("token **** leaked");

        store.rename("dev", "dev2");
        assertThat(store.find("dev2").orElseThrow().you().token()).isEqualTo(Secret.of("dapi-user-token-1234"));
        store.delete("dev2");
        assertThat(keychain.entries).isEmpty();
    }

    @Test
    void theEnvironmentProfileLetsTheSdkResolveYouAndAProfileFileWrittenBeforeYouExistedUsesTheSp() throws Exception {
        var store = new ProfileStore(dir.resolve("config"), dir.resolve("none"),
                Map.of("DATABRICKS_HOST", "dbc-a1b2.cloud.databricks.com", "DATABRICKS_TOKEN", "dapi-x"), new SecretStore.NoKeychain("none"));
        assertThat(store.environmentProfile().orElseThrow().you()).isEqualTo(UserAuth.pat(Secret.of("dapi-x")));
        assertThat(new ProfileStore(dir.resolve("config"), dir.resolve("none"), Map.of("DATABRICKS_HOST", "h", "DATABRICKS_AUTH_TYPE",
                "databricks-cli"), new SecretStore.NoKeychain("none")).environmentProfile().orElseThrow().you()).isEqualTo(UserAuth.databricksCli());
        assertThat(new ProfileStore(dir.resolve("config"), dir.resolve("none"), Map.of("DATABRICKS_HOST", "h"),
                new SecretStore.NoKeychain("none")).environmentProfile().orElseThrow().you()).isEqualTo(UserAuth.environment());

        Files.createDirectories(dir.resolve("old"));
        Files.writeString(dir.resolve("old/profiles.json"), "[{\"name\":\"legacy\",\"workspaceUrl\":\"https://x\",\"zerobusEndpoint\":\"\",\"clientId\":\"sp\"}]");
        var old = new ProfileStore(dir.resolve("old"), dir.resolve("none"), Map.of(), new SecretStore.NoKeychain("none"));
        assertThat(old.find("legacy").orElseThrow().you().isServicePrincipal()).isTrue();
    }

    @Test
    void aSandboxCopyFollowsTheNewPortsSecretAndTheTokenOfTheSandboxUserItSignedInAs() throws Exception {
        var keychain = new MemoryKeychain();
        var store = new ProfileStore(dir.resolve("config"), dir.resolve("none"), Map.of(), keychain);
        Map<String, Secret> firstTokens = Map.of("admin@localhost", Secret.of("dapi-admin-1"), "analyst@localhost", Secret.of("dapi-analyst-1"));
        assertThat(store.followSandbox("http://127.0.0.1:8001", "http://127.0.0.1:9001", Map.of("sp", Secret.of("s1")), firstTokens))
                .as("nothing saved yet").isEmpty();
        var copy = new ConnectionProfile("copy", Source.SAVED, "http://127.0.0.1:8001", "http://127.0.0.1:9001", "sp", Secret.of("s1"),
                UserAuth.pat(Secret.of("dapi-admin-1")));
        store.save(copy, true);
        store.save(copy.withName("analyst copy", Source.SAVED).withYou(UserAuth.pat(Secret.of("dapi-analyst-1"))), true);
        store.save(copy.withName("own token", Source.SAVED).withYou(UserAuth.pat(Secret.of("dapi-mine"))), true);
        store.save(new ConnectionProfile("remote", Source.SAVED, "https://dbc-a1b2.cloud.databricks.com",
                "1234567890123456.zerobus.us-west-2.cloud.databricks.com", "sp", Secret.of("s1"), UserAuth.pat(Secret.of("dapi-admin-1"))), true);

        List<String> followed = store.followSandbox("http://127.0.0.1:8002", "http://127.0.0.1:9002", Map.of("sp", Secret.of("s2")),
                Map.of("admin@localhost", Secret.of("dapi-admin-2"), "analyst@localhost", Secret.of("dapi-analyst-2")));

        assertThat(followed).containsExactly("copy", "analyst copy", "own token");
        ConnectionProfile moved = store.find("copy").orElseThrow();
        assertThat(moved.workspaceUrl()).isEqualTo("http://127.0.0.1:8002");
        assertThat(moved.zerobusEndpoint()).isEqualTo("http://127.0.0.1:9002");
        assertThat(moved.clientSecret()).isEqualTo(Secret.of("s2"));
        assertThat(moved.you()).isEqualTo(UserAuth.pat(Secret.of("dapi-admin-2")));
        assertThat(store.find("analyst copy").orElseThrow().you().token()).as("the same user, not the admin").isEqualTo(Secret.of("dapi-analyst-2"));
        assertThat(store.find("own token").orElseThrow().you().token()).as("a token of no sandbox user stays").isEqualTo(Secret.of("dapi-mine"));
        assertThat(store.find("remote").orElseThrow().you().token()).as("not on this machine").isEqualTo(Secret.of("dapi-admin-1"));
        assertThat(Files.readString(dir.resolve("config/profiles.json"))).doesNotContain("dapi", "s2");

        assertThat(store.followSandbox("http://127.0.0.1:8002", "http://127.0.0.1:9002", Map.of("sp", Secret.of("s2")),
                Map.of("admin@localhost", Secret.of("dapi-admin-2"), "analyst@localhost", Secret.of("dapi-analyst-2"))))
                .as("already following").isEmpty();
        assertThatThrownBy(() -> store.save(copy.withName("(sandbox) admin@localhost", Source.SAVED), true))
                .as("its keychain entry would be the sandbox's token's").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kept for the sandbox's tokens");
    }

    @Test
    void withoutAKeychainNoTokenIsKeptSoNothingFollowsButTheAddresses() {
        var store = new ProfileStore(dir.resolve("config"), dir.resolve("none"), Map.of(), new SecretStore.NoKeychain("none"));
        store.followSandbox("http://127.0.0.1:8001", "http://127.0.0.1:9001", Map.of(), Map.of("admin@localhost", Secret.of("dapi-admin-1")));
        store.save(new ConnectionProfile("copy", Source.SAVED, "http://127.0.0.1:8001", "http://127.0.0.1:9001", "sp", Secret.of("s1"),
                UserAuth.pat(Secret.of("dapi-admin-1"))), true);
        assertThat(store.followSandbox("http://127.0.0.1:8002", "http://127.0.0.1:9002", Map.of("sp", Secret.of("s2")),
                Map.of("admin@localhost", Secret.of("dapi-admin-2")))).containsExactly("copy");
        ConnectionProfile copy = store.find("copy").orElseThrow();
        assertThat(copy.workspaceUrl()).isEqualTo("http://127.0.0.1:8002");
        assertThat(copy.hasSecret()).isFalse();
        assertThat(copy.you().hasToken()).as("asked for again, as any token not remembered").isFalse();
    }
}
