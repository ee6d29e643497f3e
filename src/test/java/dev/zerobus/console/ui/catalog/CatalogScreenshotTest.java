package dev.zerobus.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Catalog pane inside the real window with all_types selected, light and dark, for people to look at. */
@ExtendWith(ApplicationExtension.class)
class CatalogScreenshotTest {
    @TempDir static Path dir;
    static SandboxWorkspace sandbox;
    AppContext context;
    MainWindow window;
    Scene scene;

    @BeforeAll
    static void startSandbox() {
        sandbox = UiTestSupport.startSandbox(dir.resolve("sandbox"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        context = UiTestSupport.context(sandbox, dir.resolve("config"));
        context.settings().put(CatalogViewModel.LAST_TABLE, "main.default.all_types");
        window = new MainWindow(context, Theme.LIGHT);
        scene = new Scene(window, 1280, 820);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        window.attached();
        stage.show();
    }

    @Test
    void showsAllTypesWithDetailsColumnsAndProto(FxRobot robot) {
        robot.interact(() -> context.selectedPane().set("catalog"));
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> robot.lookup("#proto-text").tryQuery()
                .map(n -> ((CodeArea) n).getText().contains("message all_types")).orElse(false)
                && robot.lookup("#table-privileges").tryQuery().isPresent());
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> context.activeTable().get() != null);
        assertThat(Screenshots.save(scene, "catalog-all_types-light")).exists();
        robot.interact(() -> Theme.DARK.apply(scene));
        assertThat(Screenshots.save(scene, "catalog-all_types-dark")).exists();
        robot.interact(() -> Theme.LIGHT.apply(scene));
    }
}
