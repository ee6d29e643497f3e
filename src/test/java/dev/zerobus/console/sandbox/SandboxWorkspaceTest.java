package dev.zerobus.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.metadata.Securable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxWorkspaceTest {
    @TempDir Path dataDir;

    @Test
    void seedsMainDefaultWithSampleTablesAndGrantsOnFirstStart() {
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            var state = sandbox.context().state();
            assertThat(state.tables("main", "default")).extracting(t -> t.name()).containsExactly("all_types", "sensor_readings");
            var sensor = state.table("main.default.sensor_readings");
            assertThat(sensor.columns()).extracting(c -> c.name() + " " + c.type().typeText() + (c.nullable() ? "" : " not null"))
                    .containsExactly("device_name string not null", "temp int", "humidity int", "ts timestamp");
            var table = Securable.table("main.default.sensor_readings");
            assertThat(state.holdsDirectly(SandboxPrincipals.GRANTED, table, "MODIFY")).isTrue();
            assertThat(state.holdsDirectly(SandboxPrincipals.GRANTED, table, "SELECT")).isTrue();
            assertThat(state.holdsDirectly(SandboxPrincipals.NO_GRANTS, table, "SELECT")).isFalse();
            assertThat(state.holds(SandboxPrincipals.NO_GRANTS, Securable.schema("main.default"), "USE_SCHEMA")).isTrue();
        }
    }

    @Test
    void printsOneJsonLineWithLoopbackEndpointsAndKeepsSecretsOffDisk() throws Exception {
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            JsonNode line = new ObjectMapper().readTree(sandbox.endpoints().toJsonLine());
            assertThat(line.fieldNames()).toIterable()
                    .containsExactly("zerobusEndpoint", "workspaceUrl", "clientId", "clientSecret", "user", "userToken",
                            "analyst", "analystToken", "dataDir");
            assertThat(line.path("zerobusEndpoint").asText()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(line.path("workspaceUrl").asText()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(line.path("clientId").asText()).isEqualTo("sandbox-sp");
            assertThat(sandbox.endpoints().toString()).doesNotContain(sandbox.endpoints().clientSecret());
            String secret = sandbox.endpoints().clientSecret();
            String noGrants = sandbox.secretOf(SandboxPrincipals.NO_GRANTS);
            String userToken = sandbox.endpoints().userToken();
            assertThat(sandbox.endpoints().toString()).doesNotContain(userToken);
            try (var files = Files.walk(dataDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertThat(content).as(file.toString()).doesNotContain(secret).doesNotContain(noGrants)
                            .doesNotContain(userToken).doesNotContain(sandbox.endpoints().analystToken());
                }
            }
        }
    }

    @Test
    void keepsMetadataAcrossRestartsAndMintsNewSecrets() {
        String firstSecret;
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            firstSecret = sandbox.endpoints().clientSecret();
            sandbox.context().state().createSchema("main", "trials", "kept", SandboxPrincipals.GRANTED);
        }
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            assertThat(sandbox.context().state().schema("main.trials").comment()).isEqualTo("kept");
            assertThat(sandbox.context().state().tables("main", "default")).hasSize(2);
            assertThat(sandbox.endpoints().clientSecret()).isNotEqualTo(firstSecret);
        }
    }

    @Test
    void refusesASecondSandboxOnTheSameDataDir() {
        try (var first = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            Assertions.assertThatThrownBy(() -> SandboxWorkspace.start(SandboxOptions.defaults(dataDir)))
                    .hasMessageContaining("is in use by another sandbox").hasMessageContaining("--data DIR");
            assertThat(first.isRunning()).isTrue();
        }
        try (var again = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            assertThat(again.isRunning()).isTrue();
        }
    }
}
