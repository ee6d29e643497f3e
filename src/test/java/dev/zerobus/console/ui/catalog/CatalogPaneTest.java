package dev.zerobus.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PulseProbe;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CatalogPaneTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A catalog delay no test waits out: the sandbox holds the call until the test sets the delay back to zero. */
    private static final Duration HELD = Duration.ofMinutes(10);

    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    CatalogModel model;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        model = new CatalogModel(context);
        var scene = new Scene(new CatalogView(model), 1200, 780);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void browsesToAllTypesAndShowsItsGeneratedProto(FxRobot robot) {
        robot.interact(model::refresh);
        robot.doubleClickOn(cell(robot, "main"));
        robot.doubleClickOn(cell(robot, "default"));
        robot.clickOn(cell(robot, "all_types"));

        UiTestSupport.waitUntil(PATIENCE, () -> protoText(robot).contains("message all_types"));
        assertThat(protoText(robot)).contains("c_array_struct", "map<string, int32> c_map");
        assertThat(robot.lookup("#table-writable").queryAs(Label.class).getText()).isEqualTo("Ready for Zerobus");
        assertThat(context.activeTable().get().fullName()).isEqualTo("main.default.all_types");
        assertThat(context.settings().get(CatalogModel.LAST_TABLE, "")).isEqualTo("main.default.all_types");
    }

    @Test
    void filtersTheLoadedTablesByName(FxRobot robot) {
        robot.interact(model::refresh);
        UiTestSupport.waitUntil(PATIENCE, () -> !model.roots().isEmpty());
        robot.interact(() -> model.reveal("main.default.all_types"));
        UiTestSupport.waitUntil(PATIENCE, () -> model.tableProperty().get() != null);

        robot.clickOn("#catalog-filter").write("sensor");

        UiTestSupport.waitUntil(PATIENCE, () -> visibleTables(robot).equals(List.of("sensor_readings")));
        robot.interact(() -> model.filterProperty().set(""));
        UiTestSupport.waitUntil(PATIENCE, () -> visibleTables(robot).containsAll(List.of("all_types", "sensor_readings")));
    }

    private static List<String> visibleTables(FxRobot robot) {
        return robot.lookup("#catalog-tree").lookup((Node n) -> n instanceof TreeCell<?> c && !c.isEmpty()
                && c.getItem() instanceof CatalogNode node && node.isTable()).queryAll().stream()
                .map(n -> ((CatalogNode) ((TreeCell<?>) n).getItem()).name()).sorted().toList();
    }

    @Test
    void reselectsTheRememberedTableOnStart(FxRobot robot) {
        context.settings().put(CatalogModel.LAST_TABLE, "main.default.sensor_readings");
        robot.interact(model::refresh);
        UiTestSupport.waitUntil(PATIENCE, () -> model.tableProperty().get() != null);
        assertThat(model.tableProperty().get().fullName()).isEqualTo("main.default.sensor_readings");
    }

    @Test
    void flagsAColumnThatProtoCannotCarry(FxRobot robot) {
        var browser = context.browser(context.activeProfile().get());
        dev.zerobus.console.sandbox.SandboxSql.run(ui.workspace(), "CREATE TABLE main.default.with_decimal (id BIGINT NOT NULL,"
                + " price DECIMAL(10,2))");
        try {
            robot.interact(model::refresh);
            UiTestSupport.waitUntil(PATIENCE, () -> !model.roots().isEmpty());
            robot.interact(() -> model.reveal("main.default.with_decimal"));

            UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#unsupported-price").tryQuery().isPresent());
            var flag = robot.lookup("#unsupported-price").queryLabeled();
            assertThat(flag.getText()).isEqualTo("unsupported");
            assertThat(flag.getTooltip().getText()).contains("Column 'price'", "DECIMAL has no protobuf mapping");
            assertThat(robot.lookup("#proto-problems").lookup(".label").queryLabeled().getText()).contains("DECIMAL");
            assertThat(robot.lookup("#table-writable").queryAs(Label.class).getText()).isEqualTo("Cannot take Zerobus streams");
        } finally {
            browser.deleteTable("main.default.with_decimal");
        }
    }

    @Test
    void createsATrialTableWithTheColumnsEditorAndSelectsIt(FxRobot robot) {
        robot.interact(model::refresh);
        UiTestSupport.waitUntil(PATIENCE, () -> !model.roots().isEmpty());
        robot.clickOn("#catalog-new-table");
        var dialog = robot.lookup("#new-table-create").query().getScene().getWindow();
        assertThat(dialog.getHeight()).as("fits a 1024x700 window").isLessThanOrEqualTo(700);
        assertThat(dialog.getWidth()).isLessThanOrEqualTo(1024);
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#new-table-warehouse-note").queryLabeled().getText().startsWith("Pick"));
        robot.clickOn("#new-table-name").write("trial_events");
        robot.clickOn("#new-column-name-1").write("price");
        robot.interact(() -> robot.lookup("#new-column-type-1").queryAs(TextField.class).setText("decimall(10,2)"));
        robot.clickOn("#new-table-create");
        assertThat(robot.lookup("#new-table-problem").queryLabeled().getText()).startsWith("Column price:");

        robot.interact(() -> robot.lookup("#new-column-type-1").queryAs(TextField.class).setText("decimal(10,2)"));
        robot.clickOn("#new-table-create");
        try {
            UiTestSupport.waitUntil(PATIENCE, () -> model.tableProperty().get() != null
                    && model.tableProperty().get().fullName().equals("main.default.trial_events"));
            UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#unsupported-price").tryQuery().isPresent());
            assertThat(robot.lookup("#new-table-name").tryQuery()).isEmpty();
        } finally {
            context.browser(context.activeProfile().get()).deleteTable("main.default.trial_events");
        }
    }

    @Test
    void schemaCheckReportsAMissingColumn(FxRobot robot) {
        robot.interact(model::refresh);
        UiTestSupport.waitUntil(PATIENCE, () -> !model.roots().isEmpty());
        robot.interact(() -> model.reveal("main.default.sensor_readings"));
        UiTestSupport.waitUntil(PATIENCE, () -> model.tableProperty().get() != null);

        robot.clickOn("#tab-check");
        robot.interact(() -> robot.lookup("#check-input").queryAs(TextArea.class).setText("{\"temp\": 21, \"humidity\": 40}"));
        robot.clickOn("#check-run");

        UiTestSupport.waitUntil(PATIENCE, () -> !model.check().findings().isEmpty());
        assertThat(model.check().findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("Missing");
            assertThat(f.path()).isEqualTo("device_name");
        });
        assertThat(robot.lookup("#check-summary").queryAs(Label.class).getText()).startsWith("1 difference(s)");
    }

    @Test
    void schemaCheckReadsPastedProtoText(FxRobot robot) {
        robot.interact(model::refresh);
        UiTestSupport.waitUntil(PATIENCE, () -> !model.roots().isEmpty());
        robot.interact(() -> model.reveal("main.default.sensor_readings"));
        UiTestSupport.waitUntil(PATIENCE, () -> model.tableProperty().get() != null);

        robot.clickOn("#tab-check");
        robot.clickOn("#check-input-proto");
        robot.interact(() -> robot.lookup("#check-input").queryAs(TextArea.class).setText("""
                syntax = "proto2";
                message sensor_readings {
                  optional int32 temp = 1;
                  optional int32 humidity = 2;
                  optional int64 ts = 3;
                }
                """));
        robot.clickOn("#check-run");

        UiTestSupport.waitUntil(PATIENCE, () -> !model.check().findings().isEmpty());
        assertThat(model.check().findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("Missing");
            assertThat(f.path()).isEqualTo("device_name");
        });
    }

    @Test
    void theProtoPreviewAndTheSchemaCheckSayWhichColumnsMayBeLeftOut(FxRobot robot) {
        robot.interact(model::refresh);
        UiTestSupport.waitUntil(PATIENCE, () -> !model.roots().isEmpty());
        robot.interact(() -> model.reveal("main.default.sensor_readings"));
        UiTestSupport.waitUntil(PATIENCE, () -> model.tableProperty().get() != null);
        UiTestSupport.waitUntil(PATIENCE, () -> protoText(robot).contains("message sensor_readings"));
        assertThat(robot.lookup("#proto-omittable").queryAs(Label.class).getText())
                .isEqualTo("May be left out (nullable, lands as NULL): temp, humidity, ts. Must be sent (NOT NULL): device_name.");

        robot.clickOn("#tab-check");
        robot.clickOn("#check-input-proto");
        robot.interact(() -> robot.lookup("#check-input").queryAs(TextArea.class).setText("""
                syntax = "proto2";
                message sensor_readings {
                  required string device_name = 1;
                  optional int32 temp = 2;
                  optional int64 ts = 4;
                }
                """));
        robot.clickOn("#check-run");
        UiTestSupport.waitUntil(PATIENCE, () -> !model.check().findings().isEmpty());
        assertThat(model.check().findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("May omit");
            assertThat(f.path()).isEqualTo("humidity");
            assertThat(f.blocks()).isFalse();
        });
        assertThat(robot.lookup("#check-summary").queryAs(Label.class).getText())
                .isEqualTo("Zerobus accepts this for main.default.sensor_readings: 1 nullable column(s) left out land as NULL.");
    }

    @Test
    void staysResponsiveDuringASlowCatalogCallAndCancelStopsIt(FxRobot robot) {
        var probe = new PulseProbe();
        // Each catalog call is held by the sandbox until the test lets it go (bench/ui-responsiveness measures the
        // pulse gaps and how soon cancel ends a slow call).
        ui.faults().catalogDelay(HELD);
        try {
            robot.clickOn("#catalog-refresh");
            UiTestSupport.waitUntil(PATIENCE, () -> ui.faults().heldCatalogCalls() > 0);
            assertThat(model.busyProperty().get()).isTrue();
            robot.interact(probe::start);
            // A catalog call on the FX thread would stop every pulse while the sandbox holds it.
            UiTestSupport.waitUntil(PATIENCE, () -> probe.pulses() >= 10);
            assertThat(ui.faults().heldCatalogCalls()).as("the pulses came while the call was held").isPositive();
            ui.faults().catalogDelay(Duration.ZERO);
            UiTestSupport.waitUntil(PATIENCE, () -> !model.busyProperty().get());
            assertThat(model.roots()).extracting(CatalogNode::name).containsExactly("main");

            ui.faults().catalogDelay(HELD);
            robot.clickOn("#catalog-refresh");
            UiTestSupport.waitUntil(PATIENCE, () -> ui.faults().heldCatalogCalls() > 0 && robot.lookup("#catalog-cancel").query().isVisible());
            robot.clickOn("#catalog-cancel");
            UiTestSupport.waitUntil(PATIENCE, () -> !model.busyProperty().get());

            assertThat(ui.faults().heldCatalogCalls()).as("cancel did not wait for the held call").isPositive();
            assertThat(model.statusProperty().get()).isEqualTo("Cancelled.");
            assertThat(model.roots()).extracting(CatalogNode::name).containsExactly("main"); // the tree on show is kept
        } finally {
            ui.faults().catalogDelay(Duration.ZERO);
            robot.interact(probe::stop);
        }
    }

    /** The tree row showing {@code name} (a cell, which outlives the graphic it rebuilds on every update). */
    private static Node cell(FxRobot robot, String name) {
        Predicate<Node> row = n -> n instanceof TreeCell<?> c && !c.isEmpty()
                && c.getItem() instanceof CatalogNode node && node.name().equals(name);
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#catalog-tree").lookup(row).tryQuery().isPresent());
        return robot.lookup("#catalog-tree").lookup(row).query();
    }

    private static String protoText(FxRobot robot) {
        return robot.lookup("#proto-text").queryAs(CodeArea.class).getText();
    }
}
