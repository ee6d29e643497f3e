package dev.zerobus.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.CatalogSummary;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSettings;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import dev.zerobus.console.workspace.UserAuth;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's own start-up ({@link ConsoleApplication#start(Stage, ConsoleApplication.Places)}, what the real launch
 * runs) with its settings, profiles, unfinished-loads file and sandbox data in temporary places: the last session's
 * unfinished load is read and offered, the sandbox's ports are kept and taken again at the next launch, and when they
 * are taken by something else, a saved copy of the sandbox profile follows the sandbox to its new ports, secret and
 * admin token.
 */
@ExtendWith(ApplicationExtension.class)
class StartupTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String COPY = "my sandbox copy";
    @TempDir Path dir;

    /** Stands in for the OS keychain (tests never touch the real one). */
    private static final class MemoryKeychain implements SecretStore {
        private final Map<String, Secret> entries = new HashMap<>();
        @Override public boolean isAvailable() { return true; }
        @Override public Optional<String> unavailableReason() { return Optional.empty(); }
        @Override public synchronized Optional<Secret> load(String name) { return Optional.ofNullable(entries.get(name)); }
        @Override public synchronized boolean save(String name, Secret secret) { entries.put(name, secret); return true; }
        @Override public synchronized void delete(String name) { entries.remove(name); }
    }

    @Start
    void start(Stage stage) {
        // each launch below opens its own stage, as each run of the console has its own window
    }

    private record Launch(ConsoleApplication app, Stage stage, AppContext context) {}

    /** Starts the app on {@code places} and waits until its sandbox runs and a profile is active. */
    private static Launch launch(FxRobot robot, ConsoleApplication.Places places) {
        Launch launch = start(robot, places);
        UiTestSupport.waitUntil(PATIENCE, () -> launch.context().sandbox().get() != null && launch.context().activeProfile().get() != null);
        return launch;
    }

    /** Runs the real start-up ({@code ConsoleApplication.start}) on {@code places}, without waiting for anything. */
    private static Launch start(FxRobot robot, ConsoleApplication.Places places) {
        var app = new ConsoleApplication();
        var stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            app.start(stage[0], places);
        });
        return new Launch(app, stage[0], app.context());
    }

    private static void quit(FxRobot robot, Launch launch) throws Exception {
        robot.interact(launch.stage()::hide);
        launch.app().stop(); // closes the sandbox, as the JavaFX launcher does after the last window
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    @Test
    void startUpReadsTheUnfinishedLoadsKeepsTheSandboxPortsAndMovesSavedCopiesAlong(FxRobot robot) throws Exception {
        UiSettings settings = UiTestSupport.settings();
        var profiles = new ProfileStore(dir.resolve("config"), dir.resolve("none.databrickscfg"), Map.of(), new MemoryKeychain());
        Path unfinishedFile = dir.resolve("state/unfinished-loads.json");
        Files.createDirectories(unfinishedFile.getParent());
        var stopped = new UnfinishedLoad("load-1", "Generated load on sensor_readings", "main.default.sensor_readings",
                AppContext.SANDBOX_PROFILE, UnfinishedLoad.Recipe.generated(1_000, 7, 0, 1, 50, RecordFormat.JSON),
                List.of(new long[] {0, 399}), 400, 0.4, 1_700_000_000_000L);
        new ObjectMapper().writeValue(unfinishedFile.toFile(), List.of(stopped));
        var places = new ConsoleApplication.Places(settings, profiles, unfinishedFile, dir.resolve("sandbox"));

        // First launch: the unfinished load is offered, Resume once the sandbox (its profile) runs; the ports are kept.
        var first = launch(robot, places);
        var e1 = first.context().sandbox().get();
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#last-session").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#last-session-text").queryAs(Label.class).getText())
                .startsWith("The last session stopped “Generated load on sensor_readings” into main.default.sensor_readings: ")
                .contains("400 of 1,000 rows landed");
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#last-session-resume").queryAs(Button.class).isDisabled());
        assertThat(first.context().activeProfile().get().name()).isEqualTo(AppContext.SANDBOX_PROFILE);
        assertThat(settings.getLong("sandbox.grpcPort", 0)).isEqualTo(port(e1.zerobusEndpoint()));
        assertThat(settings.getLong("sandbox.httpPort", 0)).isEqualTo(port(e1.workspaceUrl()));
        Screenshots.save(first.stage().getScene(), "startup-last-session-light");
        // A copy of the sandbox profile, signing in as its admin, remembered in the keychain.
        ConnectionProfile sandboxProfile = first.context().sandbox().get();
        assertThat(sandboxProfile.you().hasToken()).isTrue();
        profiles.save(sandboxProfile.withName(COPY, ConnectionProfile.Source.SAVED), true);
        quit(robot, first);

        // Second launch: the same ports again, so the copy works as it is.
        var second = launch(robot, places);
        var e2 = second.context().sandbox().get();
        assertThat(e2.zerobusEndpoint()).isEqualTo(e1.zerobusEndpoint());
        assertThat(e2.workspaceUrl()).isEqualTo(e1.workspaceUrl());
        Secret secondToken = e2.you().token();
        assertThat(secondToken).as("the sandbox mints its tokens at every start").isNotEqualTo(sandboxProfile.you().token());
        assertThat(profiles.find(COPY).orElseThrow().you().token()).as("the copy follows the new admin token").isEqualTo(secondToken);
        quit(robot, second);

        // Third launch with the gRPC port taken by another program: new ports, and the copy follows them.
        try (var squatter = new ServerSocket(port(e1.zerobusEndpoint()), 50, InetAddress.getLoopbackAddress())) {
            var third = launch(robot, places);
            var e3 = third.context().sandbox().get();
            assertThat(e3.zerobusEndpoint()).isNotEqualTo(e1.zerobusEndpoint());
            assertThat(settings.getLong("sandbox.grpcPort", 0)).as("the new ports are kept for the next launch")
                    .isEqualTo(port(e3.zerobusEndpoint()));
            ConnectionProfile copy = profiles.find(COPY).orElseThrow();
            assertThat(copy.zerobusEndpoint()).isEqualTo(e3.zerobusEndpoint());
            assertThat(copy.workspaceUrl()).isEqualTo(e3.workspaceUrl());
            assertThat(copy.clientSecret()).isEqualTo(e3.clientSecret());
            assertThat(copy.you()).isEqualTo(UserAuth.pat(e3.you().token()));
            assertThat(Files.readString(dir.resolve("config/profiles.json"))).doesNotContain(e3.you().token().reveal(),
                    e3.clientSecret().reveal());
            // The Connection pane lists the copy as it is now, and it works: You browses the catalog.
            UiTestSupport.waitUntil(PATIENCE, () -> listed(robot).stream().anyMatch(p -> p.name().equals(COPY)
                    && p.workspaceUrl().equals(e3.workspaceUrl())));
            assertThat(new CatalogBrowser(WorkspaceClients.asYou(copy)).currentPrincipal()).isEqualTo(SandboxPrincipals.ADMIN);
            assertThat(new CatalogBrowser(WorkspaceClients.asYou(copy)).listCatalogs()).extracting(CatalogSummary::name).contains("main");
            quit(robot, third);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<ConnectionProfile> listed(FxRobot robot) {
        return List.copyOf(robot.lookup("#profile-list").queryAs(ListView.class).getItems());
    }

    /** Issue 12 item 9, through the real start-up: an unknown DATABRICKS_CONFIG_PROFILE is refused, not replaced by the sandbox. */
    @Test
    void anUnknownDatabricksConfigProfileOpensOnTheConnectionPaneWithTheProblem(FxRobot robot) throws Exception {
        Path cfg = Files.writeString(dir.resolve("databrickscfg"), """
                [dev]
                host = https://adb-1111111111111111.1.azuredatabricks.net
                token = dapi-not-a-real-token
                """);
        UiSettings settings = UiTestSupport.settings();
        settings.put("pane", "catalog");
        var profiles = new ProfileStore(dir.resolve("config"), cfg, Map.of("DATABRICKS_CONFIG_PROFILE", "prdo"), new MemoryKeychain());
        var places = new ConsoleApplication.Places(settings, profiles, dir.resolve("unfinished-loads.json"), dir.resolve("sandbox"));
        Launch launch = start(robot, places);
        AppContext context = launch.context();
        try {
            UiTestSupport.waitUntil(PATIENCE, () -> context.sandbox().get() != null && context.startProblem().get() != null);
            UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#notice-text").tryQueryAs(Label.class).filter(Node::isVisible).isPresent());

            assertThat(context.activeProfile().get()).as("not silently the sandbox").isNull();
            assertThat(context.selectedPane().get()).isEqualTo(PaneId.CONNECTION);
            assertThat(robot.lookup("#notice-text").queryAs(Label.class).getText()).isEqualTo("There is no connection profile named "
                    + "'prdo' (DATABRICKS_CONFIG_PROFILE). Use one of: dev, or unset DATABRICKS_CONFIG_PROFILE.");
        } finally {
            quit(robot, launch);
        }
    }
}
