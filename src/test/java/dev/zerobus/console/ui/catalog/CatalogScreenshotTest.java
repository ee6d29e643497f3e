package dev.zerobus.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Catalog pane inside the real window with all_types selected, light and dark, for people to look at. */
@ExtendWith(ApplicationExtension.class)
class CatalogScreenshotTest {
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    MainWindow window;
    Scene scene;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        context.settings().put(CatalogModel.LAST_TABLE, "main.default.all_types");
        window = UiTestSupport.showMainWindow(stage, context, 1280, 820);
        scene = window.getScene();
    }

    @Test
    void showsAllTypesWithDetailsColumnsAndProto(FxRobot robot) {
        robot.interact(() -> context.selectedPane().set(PaneId.CATALOG));
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> robot.lookup("#proto-text").tryQuery()
                .map(n -> ((CodeArea) n).getText().contains("message all_types")).orElse(false)
                && robot.lookup("#table-privileges").tryQuery().isPresent());
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> context.activeTable().get() != null);
        assertThat(Screenshots.save(scene, "catalog-all_types-light")).exists();
        robot.interact(() -> Theme.DARK.apply(scene));
        assertThat(Screenshots.save(scene, "catalog-all_types-dark")).exists();
        robot.interact(() -> Theme.LIGHT.apply(scene));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        UiTestSupport.waitUntil(Duration.ofSeconds(10), () -> robot.lookup("#catalog-busy-label").queryLabeled()
                .getText().equals("Copied the .proto to the clipboard."));
        var copied = new AtomicReference<String>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).contains("message all_types {");
    }

    @Test
    void showsAnUnsupportedColumnTheSchemaCheckAndTheCode(FxRobot robot) {
        robot.interact(() -> context.selectedPane().set(PaneId.CATALOG));
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> context.activeTable().get() != null);
        var browser = context.browser(context.activeProfile().get());
        dev.zerobus.console.sandbox.SandboxSql.run(ui.workspace(), "CREATE TABLE main.default.orders_trial (order_id BIGINT NOT NULL,"
                + " customer STRING, amount DECIMAL(10,2), placed_at TIMESTAMP)");
        try {
            robot.press(KeyCode.F5).release(KeyCode.F5);
            Predicate<Node> row = n -> n instanceof TreeCell<?> c && !c.isEmpty()
                    && c.getItem() instanceof CatalogNode node && node.name().equals("orders_trial");
            UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> robot.lookup(row).tryQuery().isPresent());
            robot.clickOn("#catalog-filter").write("orders");
            robot.clickOn((Node) robot.lookup(row).query());
            UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> robot.lookup("#unsupported-amount").tryQuery().isPresent());
            Screenshots.save(scene, "catalog-unsupported-light");

            robot.clickOn("#tab-check");
            robot.interact(() -> robot.lookup("#check-input").queryAs(TextArea.class)
                    .setText("{\"customer\": \"Ada\", \"amount\": 12.5, \"placed\": \"2024-05-01T12:30:00Z\"}"));
            robot.clickOn("#check-run");
            UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> robot.lookup("#check-summary").queryAs(Label.class)
                    .getText().contains("difference"));
            Screenshots.save(scene, "catalog-check-light");

            robot.clickOn("#tab-code");
            UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> !robot.lookup("#code-text").queryAs(CodeArea.class).getText().isEmpty());
            Screenshots.save(scene, "catalog-code-light");
            robot.interact(() -> Theme.DARK.apply(scene));
            Screenshots.save(scene, "catalog-code-dark");
        } finally {
            robot.interact(() -> Theme.LIGHT.apply(scene));
            browser.deleteTable("main.default.orders_trial");
        }
    }

    @Test
    void showsProgressAndCancelWhileTheCatalogIsSlow(FxRobot robot) {
        robot.interact(() -> context.selectedPane().set(PaneId.CATALOG));
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> context.activeTable().get() != null);
        ui.faults().catalogDelay(Duration.ofSeconds(3));
        try {
            robot.press(KeyCode.F5).release(KeyCode.F5);
            UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> robot.lookup("#catalog-cancel").query().isVisible());
            Screenshots.save(scene, "catalog-loading-light");
            robot.clickOn("#catalog-cancel");
            UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> !robot.lookup("#catalog-cancel").query().isVisible());
            assertThat(robot.lookup("#catalog-busy-label").queryLabeled().getText()).isEqualTo("Cancelled.");
            Screenshots.save(scene, "catalog-cancelled-light");
        } finally {
            ui.faults().catalogDelay(Duration.ZERO);
        }
    }
}
