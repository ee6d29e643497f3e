package dev.zerobus.console.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PulseProbe;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Connection pane inside the real main window, against a sandbox started here. */
@ExtendWith(ApplicationExtension.class)
class ConnectionPaneTest {
    private static final Duration CHECK = Duration.ofSeconds(60);
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    Scene scene;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        scene = UiTestSupport.showMainWindow(stage, context, 1280, 820).getScene();
    }

    @Test
    void createsEditsAndDeletesAProfile(FxRobot robot) {
        waitForProfiles(robot);
        click(robot, "#profile-add");
        doubleClick(robot, "#profile-name").write("dev-workspace");
        set(robot, "#profile-workspace-url", "https://adb-1234567890123456.7.azuredatabricks.net");
        set(robot, "#profile-client-id", "6f1c2a9e-0b7d-4c55-9a3e-2d8f1b7c4e10");
        click(robot, "#profile-endpoint").write("9876543210987654.zerobus.westeurope.azuredatabricks.net");
        assertThat(label(robot, "#profile-endpoint-detected")).isEqualTo("Detected: Azure westeurope, workspace 9876543210987654");
        assertThat(label(robot, "#profile-endpoint-error")).startsWith("Zerobus endpoint: ");
        screenshots(robot, "edit");
        set(robot, "#profile-endpoint", "1234567890123456.zerobus.westeurope.azuredatabricks.net");
        assertThat(robot.lookup("#profile-endpoint-error").query().isVisible()).isFalse();
        click(robot, "#profile-save");
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> context.profiles().find("dev-workspace").isPresent());
        assertThat(label(robot, "#notice-text")).startsWith("Saved 'dev-workspace'.");

        set(robot, "#profile-client-id", "client-2");
        assertThat(robot.lookup("#profile-unsaved").query().isVisible()).isTrue();
        click(robot, "#profile-save");
        UiTestSupport.waitUntil(Duration.ofSeconds(30),
                () -> context.profiles().find("dev-workspace").orElseThrow().clientId().equals("client-2"));
        screenshots(robot, "saved");

        click(robot, "#profile-delete");
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> context.profiles().find("dev-workspace").isEmpty());
        assertThat(robot.lookup("#notice-undo").query().isVisible()).isTrue();
        assertThat(profileNames(robot)).doesNotContain("dev-workspace");
    }

    @Test
    void showsTheFailingStepsCauseAndFixWhenTheSecretIsWrong(FxRobot robot) {
        waitForProfiles(robot);
        click(robot, "#form-duplicate");
        click(robot, "#profile-secret").write("not-the-secret");
        click(robot, "#check-run");
        UiTestSupport.waitUntil(CHECK, () -> "failed".equals(label(robot, "#step-status-token")));
        assertThat(label(robot, "#step-cause-token")).startsWith("Cause: ");
        assertThat(label(robot, "#step-fix-token")).startsWith("Fix: ").contains("client id");
        assertThat(label(robot, "#step-status-table")).isEqualTo("skipped");
        UiTestSupport.waitUntil(CHECK, () -> label(robot, "#check-summary").startsWith("Failed at step 4"));
        assertThat(context.tokenStatus().get()).as("the status bar is the active profile's, not the checked copy's")
                .isEqualTo("Not checked");
        screenshots(robot, "wrong-secret");
    }

    @Test
    void theDoctorReadsAGcpProfileAndStopsAtTheNetworkForAHostThatDoesNotExist(FxRobot robot) {
        // GCP shapes: https://docs.databricks.com/gcp/en/ingestion/zerobus-ingest. The host is made up, so the doctor
        // must pass the endpoint step (cloud, region, workspace id read) and fail at the network step with its fix.
        waitForProfiles(robot);
        click(robot, "#form-duplicate");
        set(robot, "#profile-name", "gcp-trial");
        set(robot, "#profile-workspace-url", "https://1234567890123456.0.gcp.databricks.com");
        set(robot, "#profile-endpoint", "1234567890123456.zerobus.us-central1.gcp.databricks.com");
        assertThat(label(robot, "#profile-endpoint-detected")).isEqualTo("Detected: Google Cloud us-central1, workspace 1234567890123456");
        click(robot, "#check-run");
        UiTestSupport.waitUntil(CHECK, () -> "failed".equals(label(robot, "#step-status-network")));
        assertThat(label(robot, "#step-status-endpoints")).isEqualTo("passed");
        assertThat(label(robot, "#step-detail-endpoints")).isEqualTo("Google Cloud us-central1, workspace 1234567890123456");
        assertThat(label(robot, "#step-cause-network")).startsWith("Cause: The workspace host '1234567890123456.0.gcp.databricks.com'");
        assertThat(label(robot, "#step-fix-network")).startsWith("Fix: ");
        assertThat(label(robot, "#step-status-token")).isEqualTo("skipped");
        screenshots(robot, "doctor-gcp");
    }

    @Test
    void showsTheGrantStatementForAPrincipalWithoutGrants(FxRobot robot) {
        waitForProfiles(robot);
        click(robot, "#form-duplicate");
        set(robot, "#profile-name", "no-grants");
        set(robot, "#profile-client-id", SandboxPrincipals.NO_GRANTS);
        set(robot, "#profile-secret", ui.secretOf(SandboxPrincipals.NO_GRANTS));
        click(robot, "#profile-save");
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> profileNames(robot).contains("no-grants"));
        click(robot, "#check-run");
        UiTestSupport.waitUntil(CHECK, () -> "failed".equals(label(robot, "#step-status-grants")));
        String grant = robot.lookup("#step-copyable-grants").queryAs(TextInputControl.class).getText();
        assertThat(grant).contains("GRANT").contains("TO `" + SandboxPrincipals.NO_GRANTS + "`");
        click(robot, "#step-copy-grants");
        assertThat(clipboard(robot)).isEqualTo(grant);
        click(robot, "#check-copy-report");
        assertThat(clipboard(robot)).contains("[FAILED   ] " + "Check the principal's grants on the table")
                .doesNotContain(ui.secretOf(SandboxPrincipals.NO_GRANTS));
        screenshots(robot, "no-grants");
    }

    @Test
    void passesEveryStepWithTheSandboxPrincipalWithoutBlockingTheFxThread(FxRobot robot) {
        waitForProfiles(robot);
        var probe = new PulseProbe();
        // The table step's catalog call is held by the sandbox until the test lets it go; the FX thread must keep
        // drawing meanwhile (bench/ui-responsiveness measures the pulse gaps of a whole run).
        ui.faults().catalogDelay(Duration.ofMinutes(10));
        try {
            click(robot, "#check-run");
            UiTestSupport.waitUntil(CHECK, () -> "running".equals(label(robot, "#step-status-table")) && ui.faults().heldCatalogCalls() > 0);
            robot.interact(probe::start);
            UiTestSupport.waitUntil(CHECK, () -> probe.pulses() >= 10);
            assertThat(ui.faults().heldCatalogCalls()).as("the pulses came while the call was held").isPositive();
            assertThat(label(robot, "#step-status-table")).isEqualTo("running");
        } finally {
            ui.faults().catalogDelay(Duration.ZERO);
            robot.interact(probe::stop);
        }
        UiTestSupport.waitUntil(CHECK, () -> label(robot, "#check-summary").startsWith("All 7 steps passed"));
        assertThat(context.tokenStatus().get()).startsWith("OK, expires ");
        screenshots(robot, "passed");
    }

    @Test
    void cancelsARunningCheckAtOnce(FxRobot robot) {
        waitForProfiles(robot);
        ui.faults().catalogDelay(Duration.ofSeconds(20));
        try {
            click(robot, "#check-run");
            UiTestSupport.waitUntil(CHECK, () -> "running".equals(label(robot, "#step-status-table")));
            click(robot, "#check-cancel");
            UiTestSupport.waitUntil(Duration.ofSeconds(5), () -> label(robot, "#check-summary").startsWith("Cancelled"));
            assertThat(label(robot, "#step-status-table")).isEqualTo("cancelled");
            assertThat(label(robot, "#step-status-stream")).isEqualTo("cancelled");
            assertThat(robot.lookup("#check-run").queryAs(Button.class).isDisabled()).isFalse();
        } finally {
            ui.faults().reset();
        }
    }

    @Test
    void usesTheSelectedProfileOnDoubleClick(FxRobot robot) {
        waitForProfiles(robot);
        click(robot, "#profile-add");
        set(robot, "#profile-name", "other");
        click(robot, "#profile-save");
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> profileNames(robot).contains("other"));
        robot.doubleClickOn("other");
        UiTestSupport.waitUntil(Duration.ofSeconds(5), () -> context.activeProfile().get().name().equals("other"));
        assertThat(robot.lookup("#active-profile").queryAs(Label.class).getText()).startsWith("other");
    }

    private void waitForProfiles(FxRobot robot) {
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> profileNames(robot).contains(AppContext.SANDBOX_PROFILE));
    }

    @SuppressWarnings("unchecked")
    private static List<String> profileNames(FxRobot robot) {
        ListView<ConnectionProfile> list = robot.lookup("#profile-list").queryAs(ListView.class);
        return list.getItems().stream().map(p -> p.name()).toList();
    }

    private static String label(FxRobot robot, String id) {
        Node node = robot.lookup(id).tryQuery().orElse(null);
        return node instanceof Label l ? l.getText() : "";
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    }

    private static String clipboard(FxRobot robot) {
        var text = new AtomicReference<String>();
        robot.interact(() -> text.set(Clipboard.getSystemClipboard().getString()));
        return text.get();
    }

    private void screenshots(FxRobot robot, String state) {
        robot.interact(() -> Theme.LIGHT.apply(scene));
        Screenshots.save(scene, "connection-" + state + "-light");
        robot.interact(() -> Theme.DARK.apply(scene));
        Screenshots.save(scene, "connection-" + state + "-dark");
        robot.interact(() -> Theme.LIGHT.apply(scene));
    }

    /** Clicks a node of the Connection pane after scrolling it into view (the form is taller than the window). */
    private static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
        return robot.clickOn(inView(robot, query));
    }

    private static org.testfx.api.FxRobotInterface doubleClick(FxRobot robot, String query) {
        return robot.doubleClickOn(inView(robot, query));
    }

    private static Node inView(FxRobot robot, String query) {
        return UiTestSupport.inConnectionView(robot, query);
    }
}
