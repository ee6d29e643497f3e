package dev.zerobus.console.ui.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.records.compose.SentRecord;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RecordsPaneTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    Scene scene;
    RecordsModel model;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        scene = UiTestSupport.showMainWindow(stage, context, 1280, 820).getScene();
    }

    private void openTable(FxRobot robot, String table) throws Exception {
        TableDetails details = context.browser(context.sandboxProfile()).table(table);
        robot.interact(() -> {
            context.activeTable().set(details);
            context.selectedPane().set(PaneId.RECORDS);
        });
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#records-pane").tryQuery().isPresent());
        model = RecordsPane.modelOf(robot.lookup("#records-pane").query());
    }

    private long landedRows() {
        return ui.context().tables().count(context.activeTable().get().tableId());
    }

    private static void setText(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    @Test
    void sendsARecordComposedInTheFormAndShowsItsOffsetAcked(FxRobot robot) throws Exception {
        openTable(robot, "main.default.all_types");
        long before = landedRows();
        robot.interact(() -> {
            model.composer().zoneProperty().set(ZoneId.of("UTC"));
            model.composer().jsonTextProperty().set("{}");
        });
        robot.clickOn("#field-id").write("7");
        robot.clickOn("#field-c_boolean");
        setText(robot, "#field-c_tinyint", "-8");
        setText(robot, "#field-c_smallint", "300");
        setText(robot, "#field-c_int", "70000");
        setText(robot, "#field-c_bigint", "9007199254740993");
        setText(robot, "#field-c_float", "1.5");
        setText(robot, "#field-c_double", "2.25");
        setText(robot, "#field-c_string", "hello form");
        setText(robot, "#field-c_binary", "aGVsbG8=");
        robot.interact(() -> robot.lookup("#field-c_date").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 5, 1)));
        robot.interact(() -> robot.lookup("#field-c_timestamp-date").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 5, 1)));
        setText(robot, "#field-c_timestamp-time", "12:30:00");
        robot.interact(() -> robot.lookup("#field-c_timestamp_ntz-date").queryAs(DatePicker.class).setValue(LocalDate.of(2024, 5, 1)));
        setText(robot, "#field-c_timestamp_ntz-time", "08:00:00");
        fire(robot, "#field-c_array-add");
        setText(robot, "#field-c_array-0", "42");
        fire(robot, "#field-c_map-add");
        setText(robot, "#field-c_map-key-0", "answer");
        setText(robot, "#field-c_map-value-0", "41");
        setText(robot, "#field-c_struct-street", "Main St");
        setText(robot, "#field-c_struct-zip", "12345");
        setText(robot, "#field-c_struct-geo-lat", "52.5");
        fire(robot, "#field-c_array_struct-add");
        setText(robot, "#field-c_array_struct-0-k", "key");
        setText(robot, "#field-c_array_struct-0-v", "5");

        String json = model.composer().jsonTextProperty().get();
        assertThat(json).contains("\"id\" : 7", "\"c_boolean\" : true", "\"c_date\" : 19844",
                "\"c_timestamp\" : 1714566600000000", "\"c_timestamp_ntz\" : 1714550400000000", "\"answer\" : 41");
        assertThat(model.composer().validProperty().get()).as(model.composer().fieldErrors().toString()).isTrue();

        robot.clickOn("#send-button");
        UiTestSupport.waitUntil(PATIENCE, () -> !model.composer().history().isEmpty()
                && model.composer().history().getFirst().statusTextProperty().get().startsWith("ACKed"));
        SentRecord sent = model.composer().history().getFirst();
        assertThat(sent.offsetTextProperty().get()).matches("\\d+");
        UiTestSupport.waitUntil(PATIENCE, () -> landedRows() == before + 1);
        List<Object[]> rows = ui.context().tables().read(context.activeTable().get().tableId(),
                context.activeTable().get().schema(), 100);
        assertThat(rows).anySatisfy(row -> {
            assertThat(row[0]).isEqualTo(7L);
            assertThat(row[10]).isEqualTo(19844);
            assertThat(row[11]).isEqualTo(1714566600000000L);
        });
        robot.interact(() -> robot.lookup("#form-scroll").queryAs(ScrollPane.class).setVvalue(0.62));
        Screenshots.save(scene, "records-composer-light");
        robot.interact(() -> Theme.DARK.apply(scene));
        Screenshots.save(scene, "records-composer-dark");
        robot.interact(() -> Theme.LIGHT.apply(scene));

        // Verify on the Stream pane reads the table back through the SQL Statement API: the composed row is there.
        robot.interact(() -> context.selectedPane().set(PaneId.STREAM));
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#stream-selector").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        var selector = (ComboBox<ActiveIngestion>) robot.lookup("#stream-selector")
                .queryAs(ComboBox.class);
        robot.interact(() -> selector.getItems().stream().filter(i -> i.name().equals("Composer: all_types")).findFirst()
                .ifPresent(i -> selector.getSelectionModel().select(i)));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V)
                .release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        var verified = (TableView<Map<String, String>>) robot.lookup("#stream-verify-rows")
                .queryAs(TableView.class);
        UiTestSupport.waitUntil(PATIENCE, () -> verified.getItems().stream().anyMatch(r -> "7".equals(r.get("id"))));
        var row = verified.getItems().stream().filter(r -> "7".equals(r.get("id"))).findFirst().orElseThrow();
        assertThat(row).containsEntry("c_boolean", "true").containsEntry("c_tinyint", "-8").containsEntry("c_smallint", "300")
                .containsEntry("c_int", "70000").containsEntry("c_bigint", "9007199254740993").containsEntry("c_string", "hello form")
                .containsEntry("c_binary", "aGVsbG8=").containsEntry("c_date", "2024-05-01");
        assertThat(row.get("c_timestamp")).startsWith("2024-05-01T12:30:00");
        assertThat(row.get("c_timestamp_ntz")).startsWith("2024-05-01T08:00:00");
        assertThat(row.get("c_array")).isEqualTo("[42]");
        assertThat(row.get("c_map")).contains("\"answer\"").contains("41");
        assertThat(row.get("c_struct")).contains("Main St").contains("12345").contains("52.5");
    }

    @Test
    void marksTheFieldTheCodecRejectsWhileTyping(FxRobot robot) throws Exception {
        openTable(robot, "main.default.all_types");
        CodeArea area = robot.lookup("#json-editor").queryAs(CodeArea.class);
        robot.interact(() -> area.replaceText(""));
        robot.clickOn("#json-editor").write("{\"id\": 1, \"c_int\": \"abc\"}");
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#error-c_int").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#error-c_int").queryAs(Label.class).getText()).contains("abc");
        Node block = robot.lookup("#field-c_int").query().getParent();
        assertThat(block.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("invalid"));
        assertThat(robot.lookup("#field-c_int").queryAs(TextField.class).getText()).isEqualTo("abc");
        assertThat(robot.lookup("#send-button").query().isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#form-scroll").queryAs(ScrollPane.class).setVvalue(0.15));
        Screenshots.save(scene, "records-composer-invalid-light");
        robot.interact(() -> area.replaceText("{\"id\": 1, "));
        assertThat(robot.lookup("#json-error").queryAs(Label.class).getText()).contains("not valid JSON");
        robot.interact(() -> area.replaceText("{\"id\": 2, \"c_boolean\": false}"));
        assertThat(robot.lookup("#json-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#null-c_boolean").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#null-c_int").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#send-button").query().isDisabled()).isFalse();
    }

    @Test
    void importsACsvWithBadRowsAndSavesThem(FxRobot robot) throws Exception {
        openTable(robot, "main.default.all_types");
        long before = landedRows();
        Path csv = dir.resolve("readings.csv");
        Files.writeString(csv, """
                id,c_int,c_string,c_timestamp
                101,10,alpha,2024-05-01 12:30:00
                102,notanint,beta,2024-05-01 12:31:00
                103,30,gamma,2024-05-01T12:32:00Z
                ,40,delta,2024-05-01 12:33:00
                105,50,epsilon,yesterday
                106,60,zeta,2024-05-01 12:35:00
                107,"70,eta,2024-05-01 12:36:00
                108,80,theta,2024-05-01 12:37:00
                """);
        robot.interact(() -> robot.lookup("#records-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        robot.interact(() -> model.importFile(csv));
        UiTestSupport.waitUntil(PATIENCE, () -> model.importer().canStart().get());
        assertThat(robot.lookup("#map-problem-c_int").queryAs(Label.class).getText()).startsWith("Line 3");
        assertThat(robot.lookup("#map-preview-c_timestamp").queryAs(Label.class).getText()).matches("\\d+");
        assertThat(robot.lookup("#import-preview").queryAs(TableView.class).getItems()).hasSize(8)
                .anySatisfy(row -> assertThat(row.toString()).contains("⚠ A quote opened on line 8 in column 2 (c_int) is never closed"));

        robot.clickOn("#import-start");
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#import-outcome").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#import-outcome").queryAs(Label.class).getText()).startsWith("4 rows landed").contains("4 rows failed");
        assertThat(robot.lookup("#import-errors").queryAs(TableView.class).getItems()).hasSize(4);
        assertThat(landedRows()).isEqualTo(before + 4);
        assertThat(context.ingestions()).anySatisfy(i -> assertThat(i.name()).isEqualTo("Import readings.csv"));

        Path saved = dir.resolve("readings.failed.csv");
        model.importer().saveFailedRows(saved).get();
        assertThat(Files.readString(saved)).contains("notanint", "yesterday", "_error", "107,\"\"\"70,eta,2024-05-01 12:36:00\",,,8,");
        assertThat(model.importer().failedRowsFileProperty().get()).isEqualTo(saved);
        Screenshots.save(scene, "records-import-light");
        robot.interact(() -> Theme.DARK.apply(scene));
        Screenshots.save(scene, "records-import-dark");

        Files.writeString(saved, Files.readString(saved).replace("notanint", "20")
                .replace("\"\"\"70,eta,2024-05-01 12:36:00\",,", "70,eta,2024-05-01 12:36:00"));
        robot.interact(() -> model.importer().reloadFailedRows());
        UiTestSupport.waitUntil(PATIENCE, () -> saved.equals(model.importer().fileProperty().get())
                && robot.lookup("#import-preview").queryAs(TableView.class).getItems().size() == 4);
        assertThat(robot.lookup("#map-problem-c_int").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void runsAGeneratedLoadAndKeepsTemplatesPerTable(FxRobot robot) throws Exception {
        openTable(robot, "main.default.sensor_readings");
        long before = landedRows();
        robot.interact(() -> {
            model.composer().jsonTextProperty().set("{\"device_name\": \"probe-1\", \"temp\": 21}");
            model.composer().saveTemplate("warm probe");
            model.composer().jsonTextProperty().set("{}");
            model.composer().loadTemplate("warm probe");
        });
        assertThat(model.composer().templates()).containsExactly("warm probe");
        assertThat(model.composer().jsonTextProperty().get()).contains("probe-1");

        robot.interact(() -> {
            robot.lookup("#records-tabs").queryAs(TabPane.class).getSelectionModel().select(2);
            robot.lookup("#generate-count").queryAs(Spinner.class).getValueFactory().setValue(300);
            robot.lookup("#generate-batch").queryAs(Spinner.class).getValueFactory().setValue(50);
        });
        robot.clickOn("#generate-start");
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#generate-outcome").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#generate-outcome").queryAs(Label.class).getText()).startsWith("300 rows landed");
        assertThat(landedRows()).isEqualTo(before + 300);
        Screenshots.save(scene, "records-generate-light");
    }
}
