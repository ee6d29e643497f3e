package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.ingest.UnfinishedLoads;
import dev.zerobus.console.ui.theme.TextSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** View > Text size: 100 / 125 / 150 %, Ctrl+= and Ctrl+- shown in the menu, every window follows, remembered. */
@ExtendWith(ApplicationExtension.class)
class TextSizeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox sandbox = new UiSandbox();
    Stage stage;
    MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void backToNormal(FxRobot robot) {
        if (window != null) robot.interact(() -> window.setTextSize(TextSize.NORMAL));
    }

    private AppContext launch(FxRobot robot, UiSettings settings) {
        var context = UiTestSupport.context(sandbox.workspace(), dir.resolve("config"), UnfinishedLoads.inMemory(), settings);
        robot.interact(() -> window = UiTestSupport.showMainWindow(stage, context, 1280, 820));
        return context;
    }

    private static MenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu view = bar.getMenus().stream().filter(m -> m.getText().equals("View")).findFirst().orElseThrow();
        Menu size = (Menu) view.getItems().stream().filter(i -> "menu-text-size".equals(i.getId())).findFirst().orElseThrow();
        return size.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static double fontSize(FxRobot robot, String query) {
        var size = new AtomicReference<Double>();
        robot.interact(() -> size.set(robot.lookup(query).queryAs(Label.class).getFont().getSize()));
        return size.get();
    }

    @Test
    void theViewMenuShowsTheSizesAndTheirKeys(FxRobot robot) {
        launch(robot, UiTestSupport.settings());
        assertThat(item(robot, "menu-larger-text").getAccelerator().getDisplayText()).isEqualTo("Ctrl+=");
        assertThat(item(robot, "menu-smaller-text").getAccelerator().getDisplayText()).isEqualTo("Ctrl+-");
        assertThat(item(robot, "menu-actual-size").getAccelerator().getDisplayText()).isEqualTo("Ctrl+0");
        assertThat(item(robot, "menu-text-size-100").getText()).isEqualTo("100 %");
        assertThat(((RadioMenuItem) item(robot, "menu-text-size-100")).isSelected()).isTrue();
        assertThat(((RadioMenuItem) item(robot, "menu-text-size-150")).isSelected()).isFalse();
    }

    @Test
    void ctrlEqualsAndCtrlMinusChangeTheTextOfTheWholeWindowAndItsDialogs(FxRobot robot) {
        launch(robot, UiTestSupport.settings());
        assertThat(fontSize(robot, "#active-table")).isEqualTo(14.0);
        double status = fontSize(robot, "#status-token");

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        UiTestSupport.waitUntil(PATIENCE, () -> window.textSize() == TextSize.LARGER);
        assertThat(fontSize(robot, "#active-table")).isEqualTo(17.5);
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        UiTestSupport.waitUntil(PATIENCE, () -> window.textSize() == TextSize.LARGEST);
        assertThat(fontSize(robot, "#active-table")).isEqualTo(21.0);
        // Sizes set in em (the status bar's smaller text) grow with it.
        assertThat(fontSize(robot, "#status-token")).isEqualTo(status * 1.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(((RadioMenuItem) item(robot, "menu-text-size-150")).isSelected()).isTrue();

        // A dialog (Help > Keyboard shortcuts) is at the same size, and lists the keys.
        robot.press(KeyCode.F1).release(KeyCode.F1);
        UiTestSupport.waitUntil(PATIENCE, () -> Window.getWindows().size() > 1);
        var dialogFont = new AtomicReference<Double>();
        var listed = new AtomicReference<Boolean>();
        robot.interact(() -> {
            Window dialog = Window.getWindows().stream().filter(w -> w != stage && w instanceof Stage).findFirst().orElseThrow();
            var labels = dialog.getScene().getRoot().lookupAll(".label");
            dialogFont.set(labels.stream().filter(n -> n instanceof Label l && "Larger text (up to 150 %)".equals(l.getText()))
                    .map(n -> ((Label) n).getFont().getSize()).findFirst().orElseThrow());
            listed.set(labels.stream().anyMatch(n -> n instanceof Label l && "Ctrl+-".equals(l.getText())));
            Screenshots.save(dialog.getScene(), "shortcuts-dialog-font150");
            dialog.hide();
        });
        assertThat(dialogFont.get()).isEqualTo(21.0);
        assertThat(listed.get()).isTrue();

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        UiTestSupport.waitUntil(PATIENCE, () -> window.textSize() == TextSize.LARGER);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        UiTestSupport.waitUntil(PATIENCE, () -> window.textSize() == TextSize.NORMAL);
        assertThat(fontSize(robot, "#active-table")).isEqualTo(14.0);
        // Smaller than 100 % is not offered.
        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        assertThat(window.textSize()).isEqualTo(TextSize.NORMAL);
    }

    @Test
    void theSizeIsRememberedForTheNextLaunch(FxRobot robot) {
        UiSettings settings = UiTestSupport.settings();
        launch(robot, settings);
        robot.interact(() -> item(robot, "menu-text-size-125").fire());
        assertThat(window.textSize()).isEqualTo(TextSize.LARGER);

        launch(robot, settings);
        assertThat(window.textSize()).isEqualTo(TextSize.LARGER);
        assertThat(((RadioMenuItem) item(robot, "menu-text-size-125")).isSelected()).isTrue();
        assertThat(fontSize(robot, "#active-table")).isEqualTo(17.5);
    }
}
