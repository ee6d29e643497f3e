package dev.zerobus.console.app;

import dev.zerobus.console.ingest.IngestException;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.UnfinishedLoads;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.UiSettings;
import dev.zerobus.console.ui.theme.Theme;
import dev.zerobus.console.workspace.AppDirs;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: builds the shared context, restores the window and the last selections, and starts the
 * sandbox in-process so that a newcomer can browse a table within a minute, with no workspace configured.
 */
public final class ConsoleApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApplication.class);

    private static final String GRPC_PORT = "sandbox.grpcPort";
    private static final String HTTP_PORT = "sandbox.httpPort";

    private SandboxWorkspace sandbox;
    private ExecutorService background;
    private AppContext context;

    /**
     * Where a launch keeps what it remembers: settings (window, pane, the sandbox's ports), the saved profiles, the
     * unfinished-loads file and the sandbox's data. {@link #user()} for the person's own; tests give temporary ones.
     */
    record Places(UiSettings settings, ProfileStore profiles, Path unfinishedLoads, Path sandboxData) {
        static Places user() {
            return new Places(UiSettings.user(), ProfileStore.system(), AppDirs.state().resolve("unfinished-loads.json"),
                    SandboxOptions.defaultDataDir());
        }
    }

    static void launchAndWait() {
        Application.launch(ConsoleApplication.class);
    }

    @Override
    public void start(Stage stage) {
        start(stage, Places.user());
    }

    /** The whole start-up on {@code stage}, with everything it reads and keeps in {@code places}. */
    void start(Stage stage, Places places) {
        var settings = places.settings();
        background = Executors.newCachedThreadPool(Thread.ofPlatform().name("console-worker-", 0).daemon().factory());
        var unfinished = UnfinishedLoads.in(places.unfinishedLoads());
        context = new AppContext(places.profiles(), settings, unfinished, background, Platform::runLater);
        var window = new MainWindow(context, Theme.initial(settings.get("theme", "")));
        // The remembered (or default) size, but never larger than this screen: a 1024x700 screen gets the whole window.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        var scene = new Scene(window, Math.min(settings.getDouble("window.width", 1280), screen.getWidth()),
                Math.min(settings.getDouble("window.height", 820), screen.getHeight()));
        window.theme().apply(scene);
        window.attached();
        stage.setTitle("Zerobus Ingest Console");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = ConsoleApplication.class.getResource("/dev/zerobus/console/icons/app-" + size + ".png");
            if (icon != null) stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        stage.setScene(scene);
        restoreBounds(stage, settings);
        stage.setOnHidden(event -> saveBounds(stage, settings));
        stage.show();
        if (System.getProperty("zerobus.console.reportFirstWindow") != null) {
            System.out.println("first-window-shown " + System.currentTimeMillis());
        }
        startSandbox(settings, places.sandboxData());
    }

    /** The context the window shows (for tests of the start-up). */
    AppContext context() {
        return context;
    }

    private void startSandbox(UiSettings settings, Path dataDir) {
        context.sandboxStatus().set("Starting the sandbox workspace…");
        background.execute(() -> {
            try {
                // The ports of the last launch when they are free: a profile duplicated from the sandbox keeps working.
                SandboxWorkspace started = SandboxWorkspace.startPreferring(SandboxOptions.defaults(dataDir)
                        .withPorts((int) settings.getLong(GRPC_PORT, 0), (int) settings.getLong(HTTP_PORT, 0)));
                var e = started.endpoints();
                settings.putLong(GRPC_PORT, port(e.zerobusEndpoint()));
                settings.putLong(HTTP_PORT, port(e.workspaceUrl()));
                Secret noGrants = Secret.of(started.secretOf(SandboxPrincipals.NO_GRANTS));
                // Saved copies of the sandbox profiles follow it: its secrets and its users' tokens are minted at every start.
                List<String> followed = context.profiles().followSandbox(e.workspaceUrl(), e.zerobusEndpoint(),
                        Map.of(e.clientId(), Secret.of(e.clientSecret()), SandboxPrincipals.NO_GRANTS, noGrants),
                        Map.of(SandboxPrincipals.ADMIN, Secret.of(e.userToken()), SandboxPrincipals.ANALYST, Secret.of(e.analystToken())));
                if (!followed.isEmpty()) LOG.info("Profiles updated to the sandbox's new ports and secrets: {}", followed);
                Platform.runLater(() -> {
                    sandbox = started;
                    context.sandboxNoGrants().set(AppContext.sandboxNoGrantsProfile(e.workspaceUrl(), e.zerobusEndpoint(),
                            SandboxPrincipals.NO_GRANTS, noGrants));
                    context.sandbox().set(AppContext.sandboxProfile(e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(),
                            Secret.of(e.clientSecret()), Secret.of(e.userToken())));
                    SandboxSettings.apply(context, started.faults());
                    String running = "Sandbox running on 127.0.0.1 (Zerobus " + port(e.zerobusEndpoint()) + ", workspace "
                            + port(e.workspaceUrl()) + ")";
                    context.sandboxStatus().bind(context.sandboxServiceLike().map(on -> running + " · " + SandboxSettings.describe(on)));
                    if (context.activeProfile().get() == null) context.activeProfile().set(initialProfile(settings));
                });
            } catch (RuntimeException e) {
                LOG.warn("The sandbox did not start: {}", e.getMessage());
                Platform.runLater(() -> {
                    context.sandboxStatus().set("Sandbox not running: " + e.getMessage());
                    if (context.activeProfile().get() == null) context.profiles().defaultProfile().ifPresent(context.activeProfile()::set);
                });
            }
        });
    }

    /** The remembered profile, else the environment's / DATABRICKS_CONFIG_PROFILE's, else the sandbox. */
    private ConnectionProfile initialProfile(UiSettings settings) {
        String remembered = settings.get("profile", "");
        Optional<ConnectionProfile> named = remembered.isEmpty() ? Optional.empty()
                : context.sandboxProfileNamed(remembered).or(() -> context.profiles().find(remembered));
        return named.or(() -> context.profiles().defaultProfile()).orElseGet(context::sandboxProfile);
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private static void restoreBounds(Stage stage, UiSettings settings) {
        double x = settings.getDouble("window.x", Double.NaN);
        double y = settings.getDouble("window.y", Double.NaN);
        // Only where the window's top-left corner is on a screen now (a monitor may have gone since).
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(x, y, 1, 1).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(settings.getBoolean("window.maximized", false));
    }

    private void saveBounds(Stage stage, UiSettings settings) {
        settings.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.putDouble("window.x", stage.getX());
            settings.putDouble("window.y", stage.getY());
            settings.putDouble("window.width", stage.getWidth());
            settings.putDouble("window.height", stage.getHeight());
        }
        var profile = context.activeProfile().get();
        if (profile != null) settings.put("profile", profile.name());
        settings.flush();
    }

    @Override
    public void stop() {
        closeIngestions();
        if (sandbox != null) sandbox.close();
        if (background != null) background.shutdownNow();
    }

    /**
     * A backstop for exits that skip the window's quit (the OS ending the session): cancels running loads and flushes
     * and closes open streams, so that nothing sent is cut off (10 s at most). Quitting normally has done this already.
     */
    private void closeIngestions() {
        if (context == null || background == null) return;
        List<Future<?>> closing = new ArrayList<>();
        for (ActiveIngestion ingestion : context.ingestions()) {
            if (ingestion.job() != null) ingestion.job().cancel(); // the load flushes and closes its own streams
            IngestionSession session = ingestion.session();
            if (session != null && !session.state().isTerminal()) {
                closing.add(background.submit(() -> {
                    try {
                        session.close();
                    } catch (IngestException e) {
                        LOG.warn("A stream on {} did not close cleanly: {}", session.options().table(), e.problem().message());
                    }
                }));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Future<?> f : closing) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                LOG.warn("Gave up waiting for a stream to close on exit: {}", e.toString());
            }
        }
    }
}
