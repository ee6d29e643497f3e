package dev.zerobus.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.sandbox.SandboxProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainCommandTest {
    @TempDir Path dataDir;

    private static String run(String... args) {
        var out = new StringWriter();
        var cmd = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out));
        assertThat(cmd.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void printsTheVersionsItIsBuiltOn() {
        String version = run("--version");
        assertThat(version).contains("Zerobus Ingest Console").contains("Zerobus Ingest SDK 1.0.1")
                .contains("databricks-sdk-java 0.141.0").contains("Delta Kernel 4.4.0");
    }

    @Test
    void helpListsTheSandboxCommand() {
        assertThat(run("--help")).contains("sandbox").contains("Runs the sandbox workspace");
        assertThat(run("sandbox", "--help")).contains("--data=DIR").contains("--grpc-port=N").contains("--http-port=N")
                .contains("--durability=MODE").contains("--fault-close-after=N");
    }

    @Test
    void sandboxCommandPrintsItsEndpointsAndStopsCleanlyOnSigterm() throws Exception {
        try (var sandbox = SandboxProcess.start(dataDir, "--grpc-port", "0", "--http-port", "0")) {
            assertThat(sandbox.endpoint("zerobusEndpoint")).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(sandbox.endpoint("workspaceUrl")).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(sandbox.endpoint("clientId")).isEqualTo("sandbox-sp");
            assertThat(sandbox.endpoint("clientSecret")).isNotBlank();
            assertThat(Path.of(sandbox.endpoint("dataDir"))).isEqualTo(dataDir.toAbsolutePath());

            sandbox.terminate();
            assertThat(sandbox.stderr()).contains("Sandbox ready").contains("Sandbox stopped")
                    .doesNotContain(sandbox.endpoint("clientSecret"));
        }
    }
}
