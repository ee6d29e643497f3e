package dev.zerobus.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.UiSettings;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.SecretStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSettingsTest {
    @TempDir Path dir;

    @Test
    void likeTheServiceIsOffByDefaultRememberedAndAppliedToTheRunningSandbox() {
        var prefs = Preferences.userRoot().node("dev/zerobus/console-test/" + UUID.randomUUID());
        var store = new ProfileStore(dir, dir.resolve("no.cfg"), Map.of(), new SecretStore.NoKeychain("none"));
        var background = Executors.newSingleThreadExecutor();
        try (var sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("sandbox")))) {
            var context = new AppContext(store, new UiSettings(prefs), background, Runnable::run);
            assertThat(context.sandboxServiceLike().get()).isFalse();
            SandboxSettings.apply(context, sandbox.faults());
            assertThat(sandbox.faults().serviceLike()).isFalse();

            context.sandboxServiceLike().set(true);
            assertThat(sandbox.faults().serviceLike()).isTrue();
            assertThat(sandbox.faults().quotaRowsPerSecond()).isEqualTo(100_000);
            assertThat(prefs.getBoolean(AppContext.SANDBOX_SERVICE_LIKE, false)).isTrue();
            assertThat(SandboxSettings.describe(true)).isEqualTo("like the service: ACK ~150 ms, per-stream quota");

            // the next start of the console reads the remembered choice and applies it
            var next = new AppContext(store, new UiSettings(prefs), background, Runnable::run);
            assertThat(next.sandboxServiceLike().get()).isTrue();
            context.sandboxServiceLike().set(false);
            assertThat(sandbox.faults().serviceLike()).isFalse();
        } finally {
            background.shutdownNow();
        }
    }
}
