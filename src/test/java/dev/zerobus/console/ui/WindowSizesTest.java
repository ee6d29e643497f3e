package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SyntheticRecords;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.ui.records.RecordsModel;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every pane at the smallest supported window (1024x700) and at 1920x1080, light and dark: saved as
 * {@code target/screenshots/<pane>-<size>-<theme>.png} for people to look at, and checked so that no key control is
 * outside the window and no label or button text is ellipsized.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizesTest {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final int[][] SIZES = {{1024, 700}, {1920, 1080}};
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    static SandboxWorkspace sandbox;
    AppContext context;
    MainWindow window;
    Stage stage;

    @BeforeAll
    static void startSandbox() {
        sandbox = ui.workspace();
    }


    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = UiTestSupport.context(sandbox, dir.resolve("config"));
        context.settings().put("catalog.lastTable", "main.default.all_types");
        window = UiTestSupport.showMainWindow(stage, context, 1024, 700);
    }

    @Test
    void everyPaneFitsAt1024x700AndAt1920x1080InBothThemes(FxRobot robot) throws Exception {
        prepareEveryPane(robot);
        var problems = new ArrayList<String>();
        for (int[] size : SIZES) {
            resize(robot, size[0], size[1]);
            for (Theme theme : Theme.values()) {
                robot.interact(() -> theme.apply(window.getScene()));
                for (Shot shot : shots(robot)) {
                    shot.show().run();
                    UiTestSupport.waitUntil(PATIENCE, () -> true);
                    String name = shot.name() + "-" + size[0] + "x" + size[1] + "-" + theme.name().toLowerCase(java.util.Locale.ROOT);
                    assertThat(Screenshots.save(window.getScene(), name)).exists();
                    var found = new AtomicReference<List<String>>();
                    robot.interact(() -> found.set(LayoutCheck.problems(window.getScene(), window)));
                    found.get().forEach(p -> problems.add(name + ": " + p));
                }
            }
        }
        robot.interact(() -> Theme.LIGHT.apply(window.getScene()));
        assertThat(problems).isEmpty();
    }

    /**
     * 150 % font scale at 1920x1080: screenshots to look at, and the cut texts printed. Not asserted yet (known gap of
     * issue 14): combo boxes, the sidebar and some columns still have pixel widths, so they cut text at 150 %.
     */
    @Test
    void showsEveryPaneAt150PercentFontScale(FxRobot robot) throws Exception {
        prepareEveryPane(robot);
        resize(robot, 1920, 1080);
        var problems = new ArrayList<String>();
        robot.interact(() -> window.setStyle("-fx-font-size: 150%;"));
        try {
            for (Shot shot : shots(robot)) {
                shot.show().run();
                UiTestSupport.waitUntil(PATIENCE, () -> true);
                String name = shot.name() + "-1920x1080-light-font150";
                assertThat(Screenshots.save(window.getScene(), name)).exists();
                var found = new AtomicReference<List<String>>();
                robot.interact(() -> found.set(LayoutCheck.problems(window.getScene(), window)));
                found.get().forEach(p -> problems.add(name + ": " + p));
            }
        } finally {
            robot.interact(() -> window.setStyle(""));
        }
        problems.forEach(p -> System.out.println("font 150 %: " + p));
        assertThat(Screenshots.DIR.resolve("stream-1920x1080-light-font150.png")).exists();
    }

    @Test
    void theNewTableDialogKeepsItsButtonsInViewAt1024x700(FxRobot robot) {
        resize(robot, 1024, 700);
        robot.interact(() -> context.selectedPane().set(PaneId.CATALOG));
        UiTestSupport.waitUntil(PATIENCE, () -> context.activeTable().get() != null);
        robot.clickOn("#catalog-new-table");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#new-table-name").tryQuery().isPresent());
        for (int i = 0; i < 12; i++) robot.interact(() -> robot.lookup("#new-table-add-column").queryButton().fire());
        robot.interact(() -> robot.lookup("#new-table-name").queryAs(TextField.class).setText("trial_sizes"));
        robot.interact(() -> robot.lookup("#new-column-type-3").queryAs(TextField.class).setText("strukt<a:int>"));
        robot.interact(() -> robot.lookup("#new-table-create").queryButton().fire());
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#new-table-problem").queryAs(Label.class).getText().isEmpty());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Window dialog = pane.getScene().getWindow();
        Screenshots.save(pane.getScene(), "new-table-dialog-1024x700-light");
        try {
            assertThat(dialog.getHeight()).isLessThanOrEqualTo(700);
            for (String id : List.of("#new-table-create", ".dialog-pane .button-bar .button")) {
                Button button = robot.from(pane).lookup(id).queryButton();
                var b = button.localToScene(button.getBoundsInLocal());
                assertThat(b.getMaxY()).as(id + " bottom").isLessThanOrEqualTo(pane.getScene().getHeight());
                assertThat(b.getMinY()).as(id + " top").isGreaterThanOrEqualTo(0);
            }
            var found = new AtomicReference<List<String>>();
            robot.interact(() -> found.set(LayoutCheck.problems(pane.getScene(), pane)));
            assertThat(found.get()).isEmpty();
        } finally {
            robot.interact(dialog::hide);
        }
    }

    private record Shot(String name, Runnable show) {}

    private List<Shot> shots(FxRobot robot) {
        Runnable records = () -> robot.interact(() -> context.selectedPane().set(PaneId.RECORDS));
        return List.of(
                new Shot("connection", () -> robot.interact(() -> context.selectedPane().set(PaneId.CONNECTION))),
                new Shot("catalog", () -> robot.interact(() -> context.selectedPane().set(PaneId.CATALOG))),
                new Shot("records-compose", () -> { records.run(); selectRecordsTab(robot, 0); }),
                new Shot("records-import", () -> { records.run(); selectRecordsTab(robot, 1); }),
                new Shot("records-generate", () -> { records.run(); selectRecordsTab(robot, 2); }),
                new Shot("stream", () -> robot.interact(() -> context.selectedPane().set(PaneId.STREAM))));
    }

    private static void selectRecordsTab(FxRobot robot, int index) {
        robot.interact(() -> robot.lookup("#records-tabs").queryAs(TabPane.class).getSelectionModel().select(index));
    }

    private void resize(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        UiTestSupport.waitUntil(PATIENCE, () -> window.getScene().getWidth() == width && window.getScene().getHeight() == height);
    }

    /** A passed connection test, all_types in the Catalog and Records, a CSV in the import tab, a finished load. */
    private void prepareEveryPane(FxRobot robot) throws Exception {
        robot.interact(() -> context.selectedPane().set(PaneId.CONNECTION));
        robot.interact(() -> robot.lookup("#check-table").queryAs(TextField.class).setText("main.default.sensor_readings"));
        robot.interact(() -> robot.lookup("#check-run").queryButton().fire());
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#step-status-stream").tryQuery()
                .map(n -> ((Label) n).getText().equals("passed")).orElse(false));

        robot.interact(() -> context.selectedPane().set(PaneId.CATALOG));
        UiTestSupport.waitUntil(PATIENCE, () -> context.activeTable().get() != null);

        robot.interact(() -> context.selectedPane().set(PaneId.RECORDS));
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#records-pane").tryQuery().isPresent());
        RecordsModel records = RecordsPane.modelOf(robot.lookup("#records-pane").query());
        Path csv = dir.resolve("all_types_sample_with_a_long_file_name.csv");
        Files.writeString(csv, "id,c_string,c_int,c_struct_with_a_rather_long_header_name\n1,hello,5,x\n2,world,abc,y\n");
        robot.interact(() -> records.importer().importFile(csv));
        UiTestSupport.waitUntil(PATIENCE, () -> records.importer().previewProperty().get() != null);

        TableDetails sensors = context.browser(context.activeProfile().get()).table("main.default.sensor_readings");
        var options = LoadOptions.defaults(RecordFormat.JSON);
        RecordSource source = new SyntheticRecords(sensors.schema(), 42).asSource(3_000);
        var job = new LoadJob(context.activeProfile().get(), RecordCodec.forTable(sensors.schema(), options.codec()), source,
                SourceOptions.jsonLines(), ColumnMapping.auto(sensors.schema(), source.columns()), options);
        robot.interact(() -> context.ingestions().add(new ActiveIngestion("generated 3,000 rows", sensors, Instant.now(), job, null, 0)));
        job.run();
        robot.interact(() -> context.selectedPane().set(PaneId.STREAM));
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#stream-state").tryQuery()
                .map(n -> ((Label) n).getText().equals("Load finished")).orElse(false));
    }
}
