package dev.zerobus.console.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ErrorExplainer;
import dev.zerobus.console.workspace.Problem;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12 item 14: the sandbox mints new secrets at every start, so a client that was running when it restarted is
 * refused with invalid_client. On a sandbox profile the explanation says so and how to get the new secret, instead
 * of pointing at the workspace's service-principal settings.
 */
class SandboxRestartSecretTest {
    private static final String TABLE = "main.default.sensor_readings";
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100));
    @RegisterExtension final SandboxExtension sandbox = new SandboxExtension();

    private static String record(String device) {
        return "{\"device_name\": \"" + device + "\", \"temp\": 21, \"humidity\": 40, \"ts\": 1714566600000000}";
    }

    @Test
    void aClientRunningAcrossARestartIsToldTheSandboxRestartedAndWhereItsNewSecretIs() throws Exception {
        ConnectionProfile profile = sandbox.profile();
        String oldSecret = sandbox.endpoints().clientSecret();
        var session = IngestionSession.open(SessionOptions.json(profile, TABLE).withRetry(FAST), SessionListener.NONE);
        session.ingest(record("before-restart"), 0);
        session.flush(); // the client has its token and a stream

        sandbox.restart();
        assertThat(sandbox.endpoints().clientSecret()).as("a new secret").isNotEqualTo(oldSecret);
        assertThat(sandbox.endpoints().workspaceUrl()).as("same address").isEqualTo(profile.workspaceUrl());

        assertThatThrownBy(() -> {
            session.ingest(record("after-restart"), 1);
            session.flush();
        }).isInstanceOfSatisfying(IngestException.class, e -> {
            Problem why = e.problem();
            assertThat(why.category()).isEqualTo(ErrorExplainer.Category.AUTHENTICATION);
            assertThat(why.message()).isEqualTo("The local sandbox no longer accepts the client secret that worked earlier (OAuth "
                    + "invalid_client): it restarted, and it mints new secrets every time it starts.");
            assertThat(why.fix()).contains("zerobus-console sandbox").contains("Sandbox (local)").doesNotContain("Settings > Identity");
        });
    }

    @Test
    void onlyALoopbackWorkspaceGetsTheSandboxWordsAndARealWorkspaceKeepsItsOwn() {
        Problem rejected = ErrorExplainer.explain("Failed to refresh credentials: invalid_client (HTTP 401)");
        var real = new ConnectionProfile("prod", ConnectionProfile.Source.DATABRICKS_CFG, "https://dbc-1234abcd-5678.cloud.databricks.com",
                "1234.zerobus.us-west-2.cloud.databricks.com", "sp", null);
        var copy = new ConnectionProfile("my sandbox copy", ConnectionProfile.Source.SAVED, "http://127.0.0.1:8080",
                "http://127.0.0.1:9090", "sandbox-sp", null);

        assertThat(ErrorExplainer.inContext(rejected, real, true)).isEqualTo(rejected);
        assertThat(rejected.fix()).contains("Settings > Identity and access");
        // Never accepted by this client: a wrong secret or one from before a restart, the sandbox cannot tell which.
        assertThat(ErrorExplainer.inContext(rejected, copy, false).message()).isEqualTo("The local sandbox rejected the client id "
                + "or secret (OAuth invalid_client). It mints new secrets every time it starts, so a secret copied before its last "
                + "restart no longer works.");
        assertThat(ErrorExplainer.inContext(rejected, copy, false).fix()).contains("put it in profile 'my sandbox copy'");
        assertThat(ErrorExplainer.inContext(ErrorExplainer.explain("PERMISSION_DENIED: no grant"), copy, true).message())
                .doesNotContain("sandbox");
    }
}
