package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SyntheticRecords;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.ui.records.RecordsModel;
import dev.zerobus.console.ui.theme.TextSize;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * outside the window and no label or button text is ellipsized. The same check at View > Text size 150 % at 1920x1080
 * and 1280x800 ({@code -font150} screenshots).
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizesTest {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final int[][] SIZES = {{1024, 700}, {1920, 1080}};
    static final int[][] LARGE_TEXT_SIZES = {{1920, 1080}, {1280, 800}};
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = UiTestSupport.context(ui.workspace(), dir.resolve("config"));
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
     * View > Text size 150 % at 1920x1080 and 1280x800: screenshots {@code <pane>-<size>-light-font150.png} to look at,
     * and the same check as at 100 %.
     */
    @Test
    void everyPaneFitsAt150PercentTextSize(FxRobot robot) throws Exception {
        prepareEveryPane(robot);
        var problems = new ArrayList<String>();
        robot.interact(() -> window.setTextSize(TextSize.LARGEST));
        try {
            for (int[] size : LARGE_TEXT_SIZES) {
                resize(robot, size[0], size[1]);
                for (Shot shot : shots(robot)) {
                    shot.show().run();
                    UiTestSupport.waitUntil(PATIENCE, () -> true);
                    String name = shot.name() + "-" + size[0] + "x" + size[1] + "-light-font150";
                    assertThat(Screenshots.save(window.getScene(), name)).exists();
                    var found = new AtomicReference<List<String>>();
                    robot.interact(() -> found.set(LayoutCheck.problems(window.getScene(), window)));
                    found.get().forEach(p -> problems.add(name + ": " + p));
                }
            }
        } finally {
            robot.interact(() -> window.setTextSize(TextSize.NORMAL));
        }
        problems.forEach(p -> System.out.println("font 150 %: " + p));
        assertThat(problems).isEmpty();
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

    /**
     * Issue 14: at 1024x700 the Catalog's columns table cut {@code struct<stree…}. Every column is now as wide as its
     * longest text, and the table scrolls sideways to reach the last one.
     */
    @Test
    void theCatalogColumnsTableShowsLongTypesWholeAndScrollsToEveryColumnAt1024x700(FxRobot robot) {
        resize(robot, 1024, 700);
        robot.interact(() -> context.selectedPane().set(PaneId.CATALOG));
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#table-columns").tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 17).orElse(false));
        @SuppressWarnings("unchecked")
        TableView<dev.zerobus.console.schema.TableColumn> table = robot.lookup("#table-columns").queryAs(TableView.class);
        var typeColumn = table.getColumns().get(1);
        assertThat(typeColumn.getText()).isEqualTo("Type");
        int structRow = 0;
        while (!table.getItems().get(structRow).name().equals("c_struct")) structRow++;
        String structType = table.getItems().get(structRow).type().typeText();
        assertThat(structType).startsWith("struct<street:string,").hasSizeGreaterThan(40);
        final int row = structRow;
        robot.interact(() -> table.scrollTo(row));
        UiTestSupport.waitUntil(PATIENCE, () -> cellShowing(table, structType) != null);

        var found = new AtomicReference<String>();
        var widths = new double[4];
        robot.interact(() -> {
            TableCell<?, ?> cell = cellShowing(table, structType);
            var text = new javafx.scene.text.Text(structType);
            text.setFont(cell.getFont());
            widths[0] = text.getLayoutBounds().getWidth();
            widths[1] = typeColumn.getWidth();
            widths[2] = table.getVisibleLeafColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
            widths[3] = table.getWidth();
            found.set(cell.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse(""));
        });
        Screenshots.save(window.getScene(), "catalog-columns-1024x700-light");
        assertThat(found.get()).as("the struct type's cell text").isEqualTo(structType);
        assertThat(widths[1]).as("Type column width").isGreaterThan(widths[0]);
        assertThat(widths[2]).as("the columns are wider than the table at 1024 px").isGreaterThan(widths[3]);

        ScrollBar hbar = table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar b
                && b.getOrientation() == Orientation.HORIZONTAL).map(ScrollBar.class::cast).findFirst().orElseThrow();
        assertThat(hbar.isVisible()).as("horizontal scroll bar").isTrue();
        robot.interact(() -> hbar.setValue(hbar.getMax()));
        UiTestSupport.waitUntil(PATIENCE, () -> true);
        Screenshots.save(window.getScene(), "catalog-columns-scrolled-1024x700-light");
        for (String title : List.of("Nullable", "Zerobus")) {
            var bounds = new AtomicReference<javafx.geometry.Bounds[]>();
            robot.interact(() -> {
                Node header = table.lookupAll(".column-header").stream().filter(n -> n instanceof TableColumnHeader h
                        && h.getTableColumn() != null && title.equals(h.getTableColumn().getText())).findFirst().orElseThrow();
                bounds.set(new javafx.geometry.Bounds[] {header.localToScene(header.getBoundsInLocal()),
                        table.localToScene(table.getBoundsInLocal())});
            });
            assertThat(bounds.get()[0].getMaxX()).as(title + " right edge, scrolled right").isLessThanOrEqualTo(bounds.get()[1].getMaxX() + 1);
            assertThat(bounds.get()[0].getMinX()).as(title + " left edge, scrolled right").isGreaterThanOrEqualTo(bounds.get()[1].getMinX() - 1);
        }
    }

    private static TableCell<?, ?> cellShowing(TableView<?> table, String text) {
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.isVisible() && text.equals(cell.getText())) return cell;
        }
        return null;
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
