package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The profile the console opens with (issue 12 item 9): an unknown DATABRICKS_CONFIG_PROFILE is refused as the CLI
 * refuses it — on the Connection pane with the variable, the name and the profiles that exist — never replaced by the
 * sandbox; a known one is used.
 */
@ExtendWith(ApplicationExtension.class)
class StartProfileTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension static final UiSandbox sandbox = new UiSandbox();
    @TempDir Path dir;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Starts the main window as the app does, on the Catalog pane remembered from the last run, and picks the profile. */
    private AppContext launch(FxRobot robot, Map<String, String> env) throws Exception {
        Path cfg = Files.writeString(dir.resolve("databrickscfg"), """
                [dev]
                host = https://adb-1111111111111111.1.azuredatabricks.net
                token = dapi-not-a-real-token

                [prod]
                host = https://adb-2222222222222222.2.azuredatabricks.net
                token = dapi-not-a-real-token
                """);
        UiSettings settings = UiTestSupport.settings();
        settings.put("pane", PaneId.CATALOG.id());
        var context = UiTestSupport.startingContext(sandbox.workspace(), dir.resolve("config"), cfg, env, settings);
        robot.interact(() -> {
            var window = new MainWindow(context, Theme.LIGHT);
            var scene = new Scene(window, 1280, 820);
            Theme.LIGHT.apply(scene);
            stage.setScene(scene);
            window.attached();
            stage.show();
            context.chooseStartProfile();
        });
        return context;
    }

    @Test
    void anUnknownDatabricksConfigProfileOpensTheConnectionPaneWithTheProblemNotTheSandbox(FxRobot robot) throws Exception {
        var context = launch(robot, Map.of("DATABRICKS_CONFIG_PROFILE", "prdo"));

        String expected = "There is no connection profile named 'prdo' (DATABRICKS_CONFIG_PROFILE). "
                + "Use one of: dev, prod, or unset DATABRICKS_CONFIG_PROFILE.";
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#notice-text").tryQueryAs(Label.class)
                .filter(l -> l.isVisible() && l.getText().equals(expected)).isPresent());
        assertThat(context.activeProfile().get()).isNull();
        assertThat(context.selectedPane().get()).isEqualTo(PaneId.CONNECTION);
        assertThat(robot.lookup("#active-profile").queryAs(Label.class).getText()).isEqualTo("none");
        // The same words as `zerobus-console` says them: one place decides.
        assertThat(context.profiles().unknownConfigProfile()).hasValueSatisfying(p ->
                assertThat(p.message() + " " + p.fix()).isEqualTo(expected));
        Screenshots.save(stage.getScene(), "start-unknown-config-profile-light");
    }

    @Test
    void aKnownDatabricksConfigProfileIsTheOneInUse(FxRobot robot) throws Exception {
        var context = launch(robot, Map.of("DATABRICKS_CONFIG_PROFILE", "prod"));

        assertThat(context.activeProfile().get()).isNotNull().satisfies(p -> assertThat(p.name()).isEqualTo("prod"));
        assertThat(context.startProblem().get()).isNull();
        assertThat(context.selectedPane().get()).isEqualTo(PaneId.CATALOG);
    }

    @Test
    void withoutAnyWorkspaceTheSandboxIsTheOneInUse(FxRobot robot) throws Exception {
        var context = launch(robot, Map.of());

        assertThat(context.activeProfile().get()).isEqualTo(context.sandboxProfile());
        assertThat(context.startProblem().get()).isNull();
    }
}
