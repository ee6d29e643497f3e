package dev.zerobus.console.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.doctor.StepResult.Status;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every failure case of the doctor, produced for real against the sandbox, with message and fix asserted. */
class ConnectionCheckTest {
    private static final String TABLE = "main.default.sensor_readings";
    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();

    private static ConnectionProfile profile(String clientId, String secret) {
        var e = sandbox.endpoints();
        return new ConnectionProfile("sandbox", Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(), clientId, Secret.of(secret));
    }

    private static ConnectionProfile granted() {
        return profile(sandbox.endpoints().clientId(), sandbox.endpoints().clientSecret());
    }

    @Test
    void passesEveryStepWithTheGrantedPrincipalAndReportsThemLive() {
        List<StepResult> seen = new ArrayList<>();
        CheckReport report = new ConnectionCheck(granted(), TABLE).run(seen::add, new Cancellation());
        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.steps()).extracting(StepResult::step).containsExactly(CheckStep.values());
        assertThat(seen).extracting(s -> s.step() + ":" + s.status()).startsWith("ENDPOINTS:RUNNING", "ENDPOINTS:PASSED",
                "NETWORK:RUNNING", "NETWORK:PASSED");
        assertThat(report.step(CheckStep.ENDPOINTS).detail()).startsWith("Local endpoint 127.0.0.1:");
        assertThat(report.step(CheckStep.TABLE).detail()).isEqualTo("MANAGED DELTA table with 4 columns");
        assertThat(report.step(CheckStep.STREAM).detail()).isEqualTo("Opened and closed a JSON stream");
        assertThat(report.steps()).allSatisfy(s -> assertThat(s.elapsed()).isPositive());
    }

    @Test
    void namesTheTokenStepWhenTheSecretIsWrong() {
        PrintStream originalErr = System.err;
        var captured = new ByteArrayOutputStream();
        CheckReport report;
        System.setErr(new PrintStream(captured));
        try {
            report = new ConnectionCheck(profile(SandboxPrincipals.GRANTED, "wrong-secret-value-123"), TABLE).run();
        } finally {
            System.setErr(originalErr);
        }
        StepResult token = report.firstFailure().orElseThrow();
        assertThat(token.step()).isEqualTo(CheckStep.TOKEN);
        assertThat(token.problem().message())
                .isEqualTo("As the ingest service principal 'sandbox-sp': The workspace rejected the client id or secret (OAuth invalid_client).");
        assertThat(token.problem().fix()).contains("Application ID").contains("The client id used was 'sandbox-sp'");
        assertThat(report.step(CheckStep.STREAM).status()).isEqualTo(Status.SKIPPED);
        assertThat(report.toText()).doesNotContain("wrong-secret-value-123");
        assertThat(captured.toString()).doesNotContain("wrong-secret-value-123");
    }

    @Test
    void namesTheTokenStepForAnUnknownClient() {
        StepResult token = new ConnectionCheck(profile("nobody-sp", "whatever-secret"), TABLE).run().firstFailure().orElseThrow();
        assertThat(token.step()).isEqualTo(CheckStep.TOKEN);
        assertThat(token.problem().fix()).contains("The client id used was 'nobody-sp'");
    }

    @Test
    void givesTheGrantStatementForAPrincipalWithoutTableGrants() {
        var report = new ConnectionCheck(profile(SandboxPrincipals.NO_GRANTS, sandbox.secretOf(SandboxPrincipals.NO_GRANTS)), TABLE).run();
        StepResult grants = report.firstFailure().orElseThrow();
        assertThat(grants.step()).isEqualTo(CheckStep.GRANTS);
        assertThat(grants.problem().message())
                .isEqualTo("Service principal 'no-grants-sp' lacks SELECT and MODIFY on the table itself. Zerobus rejects the stream with error 4024.");
        assertThat(grants.problem().copyableFix()).isEqualTo("GRANT SELECT, MODIFY ON TABLE main.default.sensor_readings TO `no-grants-sp`;");
        assertThat(report.step(CheckStep.TABLE).status()).isEqualTo(Status.PASSED);
    }

    @Test
    void listsTheExistingTablesWhenTheTableIsUnknown() {
        StepResult table = new ConnectionCheck(granted(), "main.default.sensor_reading").run().firstFailure().orElseThrow();
        assertThat(table.step()).isEqualTo(CheckStep.TABLE);
        assertThat(table.problem().message()).contains("main.default.sensor_reading does not exist")
                .contains("all_types, sensor_readings");
    }

    @Test
    void explainsMalformedEndpointsWrongRegionsAndWorkspaceMismatches() {
        var base = granted();
        var malformed = new ConnectionProfile("x", Source.SAVED, "https://dbc-a1b2.cloud.databricks.com", "dbc-a1b2.cloud.databricks.com",
                "id", Secret.of("s"));
        assertThat(new ConnectionCheck(malformed, TABLE).run().firstFailure().orElseThrow().problem().message())
                .contains("is not a Zerobus endpoint (is it the workspace URL?)");
        var region = new ConnectionProfile("x", Source.SAVED, "https://dbc-a1b2.cloud.databricks.com",
                "1234567890123456.zerobus.af-south-1.cloud.databricks.com", "id", Secret.of("s"));
        assertThat(new ConnectionCheck(region, TABLE).run().firstFailure().orElseThrow().problem().message())
                .isEqualTo("Zerobus endpoint '1234567890123456.zerobus.af-south-1.cloud.databricks.com': "
                        + "Zerobus is not available in the AWS region 'af-south-1'.");
        var mismatch = new ConnectionProfile("x", Source.SAVED, "https://adb-987654321012345.12.azuredatabricks.net",
                "111111111111111.zerobus.westeurope.azuredatabricks.net", "id", Secret.of("s"));
        StepResult failed = new ConnectionCheck(mismatch, TABLE).run().firstFailure().orElseThrow();
        assertThat(failed.step()).isEqualTo(CheckStep.ENDPOINTS);
        assertThat(failed.problem().message()).contains("differs from the workspace URL's id 987654321012345");
        assertThat(base).isNotNull();
    }

    /**
     * An endpoint that is wrong in itself fails step 1, naming the endpoint, what is wrong and the fix; the network is
     * not tried (before, these went on and failed on DNS or a refused connection).
     */
    @Test
    void failsTheFirstStepOnTheEndpointItselfWhenThatIsWhatIsWrong() {
        var e = sandbox.endpoints();
        String grpcPort = e.zerobusEndpoint().substring(e.zerobusEndpoint().lastIndexOf(':') + 1);
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("foo.zerobus.nowhere", "'nowhere' is not a Databricks cloud domain");
        wrong.put("zerobus.us-west-2.cloud.databricks.com", "The workspace id is missing");
        wrong.put("localhost", "has no port");
        wrong.put("127.0.0.1:" + grpcPort, "would be reached over TLS");
        wrong.put("http://1234567890123456.zerobus.us-west-2.cloud.databricks.com", "uses http:// to '1234567890123456.zerobus");
        wrong.put("1234567890123456.zerobus.us-west-2.cloud.databricks.com/ingest", "has a path ('/ingest')");
        wrong.forEach((endpoint, says) -> {
            var profile = new ConnectionProfile("x", Source.SAVED, e.workspaceUrl(), endpoint, e.clientId(), Secret.of(e.clientSecret()));
            CheckReport report = new ConnectionCheck(profile, TABLE).run();
            StepResult failed = report.firstFailure().orElseThrow();
            assertThat(failed.step()).as(endpoint).isEqualTo(CheckStep.ENDPOINTS);
            assertThat(failed.problem().message()).as(endpoint).startsWith("Zerobus endpoint '" + endpoint + "': ").contains(says);
            assertThat(failed.problem().fix()).as(endpoint).isNotBlank();
            assertThat(report.step(CheckStep.NETWORK).status()).as(endpoint).isEqualTo(Status.SKIPPED);
        });
        var unknown = new ConnectionProfile("x", Source.SAVED, e.workspaceUrl(), "foo.zerobus.nowhere", e.clientId(), Secret.of(e.clientSecret()));
        assertThat(new ConnectionCheck(unknown, TABLE).run().firstFailure().orElseThrow().problem().fix())
                .contains("Expected: <workspace-id>.zerobus.<region>.cloud.databricks.com (AWS)", "http://127.0.0.1:<port>");
        var local = new ConnectionProfile("x", Source.SAVED, e.workspaceUrl(), "127.0.0.1:" + grpcPort, e.clientId(), Secret.of(e.clientSecret()));
        assertThat(new ConnectionCheck(local, TABLE).run().firstFailure().orElseThrow().problem().copyableFix())
                .isEqualTo("http://127.0.0.1:" + grpcPort);
    }

    @Test
    void saysNothingListensWhenThePortIsClosed() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var e = sandbox.endpoints();
        var profile = new ConnectionProfile("x", Source.SAVED, e.workspaceUrl(), "http://127.0.0.1:" + closedPort, e.clientId(),
                Secret.of(e.clientSecret()));
        StepResult network = new ConnectionCheck(profile, TABLE).run().firstFailure().orElseThrow();
        assertThat(network.step()).isEqualTo(CheckStep.NETWORK);
        assertThat(network.problem().message()).isEqualTo("The Zerobus endpoint at 127.0.0.1:" + closedPort + " refused the connection.");
        assertThat(network.problem().fix()).contains("start the sandbox");
    }

    @Test
    void stopsBetweenStepsWhenCancelled() {
        var cancellation = new Cancellation();
        CheckReport report = new ConnectionCheck(granted(), TABLE).run(step -> {
            if (step.step() == CheckStep.NETWORK && step.status() == Status.PASSED) cancellation.cancel();
        }, cancellation);
        assertThat(report.step(CheckStep.NETWORK).status()).isEqualTo(Status.PASSED);
        assertThat(report.step(CheckStep.TOKEN).status()).isEqualTo(Status.CANCELLED);
        assertThat(report.step(CheckStep.STREAM).status()).isEqualTo(Status.CANCELLED);
    }
}
