package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.ui.records.load.GenerateModel;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What the console keeps for the next launch (the pane, the Generate form) and the ready-made sandbox profiles. */
@ExtendWith(ApplicationExtension.class)
class RememberedStateTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
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

    @Test
    void theWindowReopensOnThePaneThePersonLeft(FxRobot robot) {
        UiSettings settings = UiTestSupport.settings();
        var first = launch(robot, settings);
        robot.clickOn("#nav-stream");
        UiTestSupport.waitUntil(PATIENCE, () -> first.selectedPane().get() == PaneId.STREAM);

        var second = launch(robot, settings);
        assertThat(second.selectedPane().get()).isEqualTo(PaneId.STREAM);
        assertThat(robot.lookup("#stream-pane").tryQuery()).isPresent();
    }

    @Test
    void theGenerateFormRemembersItsValues(FxRobot robot) {
        UiSettings settings = UiTestSupport.settings();
        var context = launch(robot, settings);
        robot.interact(() -> {
            var form = RecordsPane.model(context).generator();
            form.countProperty().set(12_345);
            form.rateProperty().set(250);
            form.streamsProperty().set(3);
            form.recordsPerRequestProperty().set(40);
            form.seedProperty().set(7);
            form.formatProperty().set(RecordFormat.PROTO);
        });
        var next = new GenerateModel[1];
        robot.interact(() -> next[0] = RecordsPane.model(launch(robot, settings)).generator());
        assertThat(next[0].countProperty().get()).isEqualTo(12_345);
        assertThat(next[0].rateProperty().get()).isEqualTo(250);
        assertThat(next[0].streamsProperty().get()).isEqualTo(3);
        assertThat(next[0].recordsPerRequestProperty().get()).isEqualTo(40);
        assertThat(next[0].seedProperty().get()).isEqualTo(7);
        assertThat(next[0].formatProperty().get()).isEqualTo(RecordFormat.PROTO);
    }

    @Test
    void offersTheSandboxPrincipalWithoutGrantsAsASecondReadyMadeProfile(FxRobot robot) {
        launch(robot, UiTestSupport.settings());
        @SuppressWarnings("unchecked")
        ListView<ConnectionProfile> list = robot.lookup("#profile-list").queryAs(ListView.class);
        UiTestSupport.waitUntil(PATIENCE, () -> list.getItems().size() >= 2);
        assertThat(list.getItems()).extracting(ConnectionProfile::name)
                .startsWith(AppContext.SANDBOX_PROFILE, AppContext.SANDBOX_NO_GRANTS_PROFILE);
        ConnectionProfile noGrants = list.getItems().get(1);
        assertThat(noGrants.clientId()).isEqualTo(SandboxPrincipals.NO_GRANTS);
        assertThat(noGrants.clientSecret()).isNotNull();
        assertThat(noGrants.clientSecret().reveal()).as("its secret comes from the running sandbox")
                .isEqualTo(sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
        robot.interact(() -> list.getSelectionModel().select(1));
        Screenshots.save(stage.getScene(), "connection-no-grants-profile-light");
    }
}
