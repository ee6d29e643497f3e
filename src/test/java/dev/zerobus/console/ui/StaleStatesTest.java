package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.records.RecordsModel;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every view shows the state of what is selected, or nothing: no result, token state or table from another context. */
@ExtendWith(ApplicationExtension.class)
class StaleStatesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox sandbox = new UiSandbox();
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private AppContext launch(FxRobot robot, UiSettings settings) {
        return UiTestSupport.showMainWindow(robot, stage, sandbox.workspace(), dir.resolve("config"), settings, () -> {});
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theConnectionTestResultAndTheTokenStateBelongToTheirProfile(FxRobot robot) {
        var context = launch(robot, UiTestSupport.settings());
        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = robot.lookup("#profile-list").queryAs(ListView.class);
        UiTestSupport.waitUntil(PATIENCE, () -> list.getItems().size() >= 2);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn(UiTestSupport.inConnectionView(robot, "#check-run")); // the profile form is taller than the window
        UiTestSupport.waitUntil(PATIENCE, () -> text(robot, "#check-summary").startsWith("All "));
        assertThat(context.tokenStatus().get()).isNotEqualTo("Not checked");

        robot.interact(() -> list.getSelectionModel().select(1)); // the no-grants profile: not checked
        assertThat(text(robot, "#check-summary")).isEqualTo("Not run yet: press Test connection.");
        robot.interact(() -> context.activeProfile().set(list.getItems().get(1)));
        assertThat(context.tokenStatus().get()).as("the token state was the other profile's").isEqualTo("Not checked");
        assertThat(text(robot, "#status-token")).isEqualTo("Token: Not checked");
        Screenshots.save(stage.getScene(), "connection-other-profile-not-checked-light");
    }

    @Test
    void theRecordsSentHeaderNamesTheCurrentTable(FxRobot robot) {
        var context = launch(robot, UiTestSupport.settings());
        var browser = context.browser(context.sandboxProfile());
        TableDetails first = browser.table("main.default.sensor_readings");
        TableDetails second = browser.table("main.default.all_types");
        robot.interact(() -> {
            context.activeTable().set(first);
            context.selectedPane().set(PaneId.RECORDS);
        });
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#records-pane").tryQuery().isPresent());
        RecordsModel model = RecordsPane.modelOf(robot.lookup("#records-pane").query());
        robot.interact(() -> model.composer().send());
        UiTestSupport.waitUntil(PATIENCE, () -> text(robot, "#composer-status").endsWith("sent to main.default.sensor_readings"));

        robot.interact(() -> context.activeTable().set(second));
        assertThat(text(robot, "#composer-status")).doesNotContain("sensor_readings");
    }

    @Test
    void theLastTableIsInTheTopBarAndTheDoctorAfterARestartBeforeTheCatalogIsOpened(FxRobot robot) {
        UiSettings settings = UiTestSupport.settings();
        settings.put(RememberedTable.KEY, "main.default.all_types"); // what the Catalog pane stored last session
        var context = launch(robot, settings);
        UiTestSupport.waitUntil(PATIENCE, () -> text(robot, "#active-table").equals("main.default.all_types"));
        assertThat(robot.lookup("#check-table").queryAs(TextField.class).getText()).isEqualTo("main.default.all_types");
        assertThat(context.selectedPane().get()).isEqualTo(PaneId.CONNECTION);
        assertThat(robot.lookup("#catalog-pane").tryQuery()).as("the Catalog was not opened").isEmpty();
    }
}
