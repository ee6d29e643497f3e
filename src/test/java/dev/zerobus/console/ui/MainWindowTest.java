package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.ui.theme.Theme;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    MainWindow window;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        window = UiTestSupport.showMainWindow(stage, context, 1100, 700);
    }

    @Test
    void showsTheActiveProfileAndTheSandboxInTheStatusBar(FxRobot robot) {
        assertThat(robot.lookup("#active-profile").queryAs(Label.class).getText()).startsWith("Sandbox (local)  (http://127.0.0.1:");
        assertThat(robot.lookup("#active-table").queryAs(Label.class).getText()).isEqualTo("none selected");
        assertThat(robot.lookup("#status-sandbox").queryAs(Label.class).getText()).isEqualTo("Sandbox running on 127.0.0.1");
        assertThat(robot.lookup("#status-streams").queryAs(Label.class).getText()).isEqualTo("0 open streams");
    }

    @Test
    void theSandboxMenuOffersTheLikeTheServiceMode(FxRobot robot) {
        var item = (javafx.scene.control.CheckMenuItem) robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus()
                .stream().filter(m -> "menu-sandbox".equals(m.getId())).findFirst().orElseThrow().getItems().getFirst();
        assertThat(item.getText()).isEqualTo("Behave like the service (ACK ~150 ms, per-stream quota)");
        assertThat(item.isSelected()).isFalse();
        robot.interact(() -> item.setSelected(true));
        assertThat(context.sandboxServiceLike().get()).isTrue();
        robot.interact(() -> context.sandboxServiceLike().set(false));
        assertThat(item.isSelected()).isFalse();
    }

    @Test
    void switchesPanesWithTheSidebarAndTheKeyboard(FxRobot robot) {
        robot.clickOn("#nav-catalog");
        UiTestSupport.waitUntil(Duration.ofSeconds(5), () -> context.selectedPane().get() == PaneId.CATALOG);
        assertThat(robot.lookup("#catalog-pane").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        UiTestSupport.waitUntil(Duration.ofSeconds(5), () -> context.selectedPane().get() == PaneId.STREAM);
        assertThat(robot.lookup("#nav-stream").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(context.shortcuts().all()).extracting(s -> s.description()).contains("Show the Records pane", "Toggle dark mode");
    }

    @Test
    void togglesDarkModeAndRemembersIt(FxRobot robot) {
        robot.clickOn("#theme-toggle");
        UiTestSupport.waitUntil(Duration.ofSeconds(5), () -> window.theme() == Theme.DARK);
        assertThat(context.settings().get("theme", "")).isEqualTo("DARK");
        robot.clickOn("#theme-toggle");
        UiTestSupport.waitUntil(Duration.ofSeconds(5), () -> window.theme() == Theme.LIGHT);
    }
}
