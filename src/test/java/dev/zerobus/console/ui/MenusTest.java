package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.records.RecordsModel;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The menus, Help > Keyboard shortcuts, recent files and the small wording and colour fixes of issue 14. */
@ExtendWith(ApplicationExtension.class)
class MenusTest {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    MainWindow window;

    @Start
    void start(Stage stage) {
        context = UiTestSupport.context(ui.workspace(), dir.resolve("config-" + System.nanoTime()));
        window = UiTestSupport.showMainWindow(stage, context, 1024, 700);
    }

    private Menu menu(FxRobot robot, String title) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(m -> m.getText().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void theFileMenuHasTheExpectedEntriesAndEveryCommandShowsItsKeys(FxRobot robot) {
        List<String> file = menu(robot, "File").getItems().stream().filter(i -> !(i instanceof SeparatorMenuItem))
                .map(MenuItem::getText).toList();
        assertThat(file).containsExactly("New profile", "Import file…", "Recent files", "Open session bundle…",
                "Save session bundle…", "Quit");
        for (String title : List.of("File", "View", "Help")) {
            for (MenuItem item : menu(robot, title).getItems()) {
                if (item instanceof SeparatorMenuItem || item instanceof Menu || item.getText().startsWith("About")) continue;
                assertThat(item.getAccelerator()).as(item.getText()).isNotNull();
            }
        }
        assertThat(menu(robot, "View").getItems().stream().filter(i -> "Records".equals(i.getText())).findFirst().orElseThrow()
                .getAccelerator().getDisplayText()).isEqualTo("Ctrl+3");
    }

    @Test
    void listsEveryShortcutBeforeAnyPaneIsVisited(FxRobot robot) {
        List<String> all = context.shortcuts().all().stream().map(Shortcuts.Shortcut::description).toList();
        assertThat(all).contains("Test the connection (Connection pane)", "Import records from a file",
                "Flush the selected stream(s)", "Save the selected session as a bundle", "Open a saved session bundle",
                "New connection profile", "Toggle dark mode");
        assertThat(all).hasSizeGreaterThanOrEqualTo(19);
        assertThat(context.selectedPane().get()).isEqualTo(PaneId.CONNECTION);
    }

    @Test
    void newProfileFromTheFileMenuOpensTheConnectionPaneWithANewProfile(FxRobot robot) {
        robot.interact(() -> context.selectedPane().set(PaneId.STREAM));
        MenuItem item = menu(robot, "File").getItems().getFirst();
        robot.interact(item::fire);
        UiTestSupport.waitUntil(PATIENCE, () -> context.selectedPane().get() == PaneId.CONNECTION);
    }

    @Test
    void remembersImportedFilesAndReopensThemFromRecentFiles(FxRobot robot) throws Exception {
        TableDetails table = context.browser(context.sandboxProfile()).table("main.default.sensor_readings");
        robot.interact(() -> context.activeTable().set(table));
        Path csv = Files.writeString(dir.resolve("readings.csv"), "device_name,temp,humidity,ts\nprobe-1,21,40,1714566600000000\n");
        robot.interact(() -> context.selectedPane().set(PaneId.RECORDS));
        RecordsModel records = RecordsPane.modelOf(window.lookup("#records-pane"));
        robot.interact(() -> records.importer().importFile(csv));
        assertThat(context.recentFiles().files()).containsExactly(csv.toAbsolutePath());
        assertThat(new RecentFiles(context.settings()).files()).containsExactly(csv.toAbsolutePath());
        assertThat(records.importer().failedRowsDirectory()).isEqualTo(dir.toAbsolutePath());

        Menu recent = (Menu) menu(robot, "File").getItems().stream().filter(i -> "Recent files".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(() -> recent.getOnShowing().handle(null));
        assertThat(recent.getItems()).extracting(MenuItem::getText).containsExactly("readings.csv  —  " + dir.toAbsolutePath());
        robot.interact(() -> context.selectedPane().set(PaneId.STREAM));
        robot.interact(() -> recent.getItems().getFirst().fire());
        UiTestSupport.waitUntil(PATIENCE, () -> context.selectedPane().get() == PaneId.RECORDS
                && csv.toAbsolutePath().equals(Objects.requireNonNull(records.importer().fileProperty().get()).toAbsolutePath()));
    }

    @Test
    void saysThatRateZeroMeansUnlimited(FxRobot robot) {
        TableDetails table = context.browser(context.sandboxProfile()).table("main.default.sensor_readings");
        robot.interact(() -> {
            context.activeTable().set(table);
            context.selectedPane().set(PaneId.RECORDS);
        });
        @SuppressWarnings("unchecked") Spinner<Integer> rate = robot.lookup("#generate-rate").queryAs(Spinner.class);
        robot.interact(() -> rate.getValueFactory().setValue(0));
        assertThat(robot.lookup("#generate-rate-meaning").queryAs(Label.class).getText()).startsWith("0 = unlimited");
        robot.interact(() -> rate.getValueFactory().setValue(2000));
        assertThat(robot.lookup("#generate-rate-meaning").queryAs(Label.class).getText()).isEqualTo("2,000 records/s in total (0 = unlimited)");
    }

    @Test
    void namesAnUnknownJsonKeyAndItsFixAndMarksItInTheEditor(FxRobot robot) {
        TableDetails table = context.browser(context.sandboxProfile()).table("main.default.sensor_readings");
        robot.interact(() -> {
            context.activeTable().set(table);
            context.selectedPane().set(PaneId.RECORDS);
        });
        RecordsModel records = RecordsPane.modelOf(window.lookup("#records-pane"));
        robot.interact(() -> records.composer().jsonTextProperty().set(
                "{\"device_name\": \"probe-1\", \"devce_nme\": \"x\", \"temp\": 21, \"humidity\": 40, \"ts\": 1714566600000000}"));
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#json-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#json-error").queryAs(Label.class).getText())
                .startsWith("JSON key \"devce_nme\": unknown field 'devce_nme'")
                .contains("Fix: rename the key to a column of main.default.sensor_readings or remove it");
        assertThat(robot.lookup("#send-button").query().isDisabled()).isTrue();
        assertThat(records.composer().unknownKeys()).containsExactly("devce_nme");
        UiTestSupport.waitUntil(PATIENCE, () -> !window.lookupAll("#json-editor .json-unknown").isEmpty());
    }

    @Test
    void jsonTrueIsNotInTheDangerColourInTheDarkTheme(FxRobot robot) {
        TableDetails table = context.browser(context.sandboxProfile()).table("main.default.all_types");
        robot.interact(() -> {
            context.activeTable().set(table);
            context.selectedPane().set(PaneId.RECORDS);
            Theme.DARK.apply(window.getScene());
        });
        RecordsModel records = RecordsPane.modelOf(window.lookup("#records-pane"));
        robot.interact(() -> records.composer().jsonTextProperty().set("{\"id\": 1, \"c_boolean\": true}"));
        UiTestSupport.waitUntil(PATIENCE, () -> !window.lookupAll("#json-editor .json-literal").isEmpty());
        Text literal = (Text) window.lookupAll("#json-editor .json-literal").iterator().next();
        Color danger = Color.web("#f85149"); // PrimerDark's -color-danger-fg
        assertThat(literal.getFill()).isNotEqualTo(danger);
        Screenshots.save(window.getScene(), "records-json-literal-dark");
        robot.interact(() -> Theme.LIGHT.apply(window.getScene()));
    }
}
