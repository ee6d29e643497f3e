package dev.zerobus.console.ui;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.ingest.UnfinishedLoads;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.ui.theme.Theme;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the pane tests share (the sandbox itself comes from {@link UiSandbox}): an {@link AppContext} on it with profiles and settings in
 * temporary places (never the user's), and polling with a deadline instead of sleeps.
 */
public final class UiTestSupport {
    private UiTestSupport() {}

    /** A context on the sandbox, its profile active; profiles and settings live under {@code configDir}. */
    public static AppContext context(SandboxWorkspace sandbox, Path configDir) {
        return context(sandbox, configDir, Platform::runLater);
    }

    /** The same with another FX executor: a {@link FxQueue} for toolkit-free model tests. */
    public static AppContext context(SandboxWorkspace sandbox, Path configDir, Executor fx) {
        return context(sandbox, configDir, UnfinishedLoads.inMemory(), settings(), fx);
    }

    /** A context as above whose unfinished loads and settings are given (a test of what a restart keeps). */
    public static AppContext context(SandboxWorkspace sandbox, Path configDir, UnfinishedLoads unfinished, UiSettings settings) {
        return context(sandbox, configDir, unfinished, settings, Platform::runLater);
    }

    private static AppContext context(SandboxWorkspace sandbox, Path configDir, UnfinishedLoads unfinished, UiSettings settings,
            Executor fx) {
        ExecutorService background = Executors.newCachedThreadPool(Thread.ofPlatform().name("test-worker-", 0).daemon().factory());
        var profiles = new ProfileStore(configDir, configDir.resolve("no.databrickscfg"), Map.of(),
                new SecretStore.NoKeychain("No keychain in tests"));
        var context = new AppContext(profiles, settings, unfinished, background, fx);
        var e = sandbox.endpoints();
        context.sandboxNoGrants().set(AppContext.sandboxNoGrantsProfile(e.workspaceUrl(), e.zerobusEndpoint(),
                SandboxPrincipals.NO_GRANTS, Secret.of(sandbox.secretOf(SandboxPrincipals.NO_GRANTS))));
        context.sandbox().set(AppContext.sandboxProfile(e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(), Secret.of(e.clientSecret())));
        context.sandboxStatus().set("Sandbox running on 127.0.0.1");
        context.activeProfile().set(context.sandboxProfile());
        return context;
    }

    /** The real main window in a light scene of the given size on the stage, attached and shown. FX thread. */
    public static MainWindow showMainWindow(Stage stage, AppContext context, double width, double height) {
        return showMainWindow(stage, context, Theme.LIGHT, width, height, null);
    }

    /**
     * The same in {@code theme}; {@code onExit} runs where the app would exit (null: the window hides), so that a test
     * can count the exits and launch again on the same stage. FX thread.
     */
    public static MainWindow showMainWindow(Stage stage, AppContext context, Theme theme, double width, double height,
                                            @Nullable Runnable onExit) {
        var window = new MainWindow(context, theme);
        var scene = new Scene(window, width, height);
        theme.apply(scene);
        stage.setScene(scene);
        if (onExit == null) window.attached(); else window.attached(onExit);
        stage.show();
        return window;
    }

    /**
     * Launches the console again as a restart does: a new context on the sandbox with {@code settings} (what the last
     * launch remembered) and its main window (1280x820, light) on the stage; {@code onExit} runs instead of exiting.
     * Test thread.
     */
    public static AppContext showMainWindow(FxRobot robot, Stage stage, SandboxWorkspace sandbox, Path configDir, UiSettings settings,
                                            Runnable onExit) {
        var context = context(sandbox, configDir, UnfinishedLoads.inMemory(), settings);
        robot.interact(() -> showMainWindow(stage, context, Theme.LIGHT, 1280, 820, onExit));
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

    /**
     * Scrolls a node of the Connection pane's form (#connection-details) into view and returns it, so that a robot can
     * click it: the profile form is taller than the window. Nodes outside the form are returned as they are.
     */
    public static Node inConnectionView(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            var scroll = robot.lookup("#connection-details").queryAs(javafx.scene.control.ScrollPane.class);
            var content = (javafx.scene.layout.Region) scroll.getContent();
            if (!isDescendant(content, node)) return;
            scroll.applyCss();
            scroll.layout();
            double overflow = content.getHeight() - scroll.getViewportBounds().getHeight();
            if (overflow <= 0) return;
            var bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            scroll.setVvalue(Math.clamp((bounds.getMinY() - 40) / overflow, 0.0, 1.0) * scroll.getVmax());
        });
        return node;
    }

    private static boolean isDescendant(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParent()) if (n == ancestor) return true;
        return false;
    }
}
