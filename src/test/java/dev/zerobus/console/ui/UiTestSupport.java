package dev.zerobus.console.ui;

import dev.zerobus.console.ingest.UnfinishedLoads;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the pane tests share: a sandbox on 127.0.0.1, an {@link AppContext} on it with profiles and settings in
 * temporary places (never the user's), and polling with a deadline instead of sleeps.
 */
public final class UiTestSupport {
    private UiTestSupport() {}

    public static SandboxWorkspace startSandbox(Path dataDir) {
        return SandboxWorkspace.start(SandboxOptions.defaults(dataDir));
    }

    /** A context on the sandbox, its profile active; profiles and settings live under {@code configDir}. */
    public static AppContext context(SandboxWorkspace sandbox, Path configDir) {
        return context(sandbox, configDir, UnfinishedLoads.inMemory(), new UiSettings(
                Preferences.userRoot().node("dev/zerobus/console-test/" + UUID.randomUUID())));
    }

    /** A context as above whose unfinished loads and settings are given (a test of what a restart keeps). */
    public static AppContext context(SandboxWorkspace sandbox, Path configDir, UnfinishedLoads unfinished, UiSettings settings) {
        ExecutorService background = Executors.newCachedThreadPool(Thread.ofPlatform().name("test-worker-", 0).daemon().factory());
        var profiles = new ProfileStore(configDir, configDir.resolve("no.databrickscfg"), Map.of(),
                new SecretStore.NoKeychain("No keychain in tests"));
        var context = new AppContext(profiles, settings, unfinished, background, Platform::runLater);
        var e = sandbox.endpoints();
        context.sandboxNoGrants().set(AppContext.sandboxNoGrantsProfile(e.workspaceUrl(), e.zerobusEndpoint(),
                SandboxPrincipals.NO_GRANTS, Secret.of(sandbox.secretOf(SandboxPrincipals.NO_GRANTS))));
        context.sandbox().set(AppContext.sandboxProfile(e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(), Secret.of(e.clientSecret())));
        context.sandboxStatus().set("Sandbox running on 127.0.0.1");
        context.activeProfile().set(context.sandboxProfile());
        return context;
    }

    /** Settings in a fresh node of the user's Preferences (under console-test), never the console's own. */
    public static UiSettings settings() {
        return new UiSettings(Preferences.userRoot().node("dev/zerobus/console-test/" + UUID.randomUUID()));
    }

    /** Waits (polling, FX events processed) until the condition holds, or fails after the timeout. */
    public static void waitUntil(Duration timeout, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within " + timeout, e);
        }
    }
}
