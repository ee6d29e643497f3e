package dev.zerobus.console.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PulseProbe;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Connection pane inside the real main window, against a sandbox started here. */
@ExtendWith(ApplicationExtension.class)
class ConnectionPaneTest {
    private static final Duration CHECK = Duration.ofSeconds(60);
    @TempDir static Path dir;
    static SandboxWorkspace sandbox;
    AppContext context;
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
        context = UiTestSupport.context(sandbox, dir.resolve("config-" + UUID.randomUUID()));
        var window = new MainWindow(context, Theme.LIGHT);
        scene = new Scene(window, 1280, 820);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        window.attached();
        stage.show();
    }

    @Test
    void createsEditsAndDeletesAProfile(FxRobot robot) {
        waitForProfiles(robot);
        robot.clickOn("#profile-add");
        robot.doubleClickOn("#profile-name").write("dev-workspace");
        set(robot, "#profile-workspace-url", "https://adb-1234567890123456.7.azuredatabricks.net");
        set(robot, "#profile-client-id", "6f1c2a9e-0b7d-4c55-9a3e-2d8f1b7c4e10");
        robot.clickOn("#profile-endpoint").write("9876543210987654.zerobus.westeurope.azuredatabricks.net");
        assertThat(label(robot, "#profile-endpoint-detected")).isEqualTo("Detected: Azure westeurope, workspace 9876543210987654");
        assertThat(label(robot, "#profile-endpoint-error")).startsWith("Zerobus endpoint: ");
        screenshots(robot, "edit");
        set(robot, "#profile-endpoint", "1234567890123456.zerobus.westeurope.azuredatabricks.net");
        assertThat(robot.lookup("#profile-endpoint-error").query().isVisible()).isFalse();
        robot.clickOn("#profile-save");
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> context.profiles().find("dev-workspace").isPresent());
        assertThat(label(robot, "#notice-text")).startsWith("Saved 'dev-workspace'.");

        set(robot, "#profile-client-id", "client-2");
        assertThat(robot.lookup("#profile-unsaved").query().isVisible()).isTrue();
        robot.clickOn("#profile-save");
        UiTestSupport.waitUntil(Duration.ofSeconds(30),
                () -> context.profiles().find("dev-workspace").orElseThrow().clientId().equals("client-2"));
        screenshots(robot, "saved");

        robot.clickOn("#profile-delete");
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> context.profiles().find("dev-workspace").isEmpty());
        assertThat(robot.lookup("#notice-undo").query().isVisible()).isTrue();
        assertThat(profileNames(robot)).doesNotContain("dev-workspace");
    }

    @Test
    void showsTheFailingStepsCauseAndFixWhenTheSecretIsWrong(FxRobot robot) {
        waitForProfiles(robot);
        robot.clickOn("#form-duplicate");
        robot.clickOn("#profile-secret").write("not-the-secret");
        robot.clickOn("#check-run");
        UiTestSupport.waitUntil(CHECK, () -> "failed".equals(label(robot, "#step-status-token")));
        assertThat(label(robot, "#step-cause-token")).startsWith("Cause: ");
        assertThat(label(robot, "#step-fix-token")).startsWith("Fix: ").contains("client id");
        assertThat(label(robot, "#step-status-table")).isEqualTo("skipped");
        UiTestSupport.waitUntil(CHECK, () -> label(robot, "#check-summary").startsWith("Failed at step 3"));
        assertThat(context.tokenStatus().get()).as("the status bar is the active profile's, not the checked copy's")
                .isEqualTo("Not checked");
        screenshots(robot, "wrong-secret");
    }

    @Test
    void showsTheGrantStatementForAPrincipalWithoutGrants(FxRobot robot) {
        waitForProfiles(robot);
        robot.clickOn("#form-duplicate");
        set(robot, "#profile-name", "no-grants");
        set(robot, "#profile-client-id", SandboxPrincipals.NO_GRANTS);
        set(robot, "#profile-secret", sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
        robot.clickOn("#profile-save");
        UiTestSupport.waitUntil(Duration.ofSeconds(30), () -> profileNames(robot).contains("no-grants"));
        robot.clickOn("#check-run");
        UiTestSupport.waitUntil(CHECK, () -> "failed".equals(label(robot, "#step-status-grants")));
        String grant = robot.lookup("#step-copyable-grants").queryAs(TextInputControl.class).getText();
        assertThat(grant).contains("GRANT").contains("TO `" + SandboxPrincipals.NO_GRANTS + "`");
        robot.clickOn("#step-copy-grants");
        assertThat(clipboard(robot)).isEqualTo(grant);
        robot.clickOn("#check-copy-report");
        assertThat(clipboard(robot)).contains("[FAILED   ] " + "Check the principal's grants on the table")
                .doesNotContain(sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
        screenshots(robot, "no-grants");
    }

    @Test
    void passesEveryStepWithTheSandboxPrincipalWithoutBlockingTheFxThread(FxRobot robot) {
        waitForProfiles(robot);
        var probe = new PulseProbe();
        robot.interact(probe::start);
        robot.clickOn("#check-run");
        UiTestSupport.waitUntil(CHECK, () -> label(robot, "#check-summary").startsWith("All 6 steps passed"));
        robot.interact(probe::stop);
        assertThat(context.tokenStatus().get()).startsWith("OK, expires ");
        assertThat(probe.maxGapMillis()).isLessThan(1500);
        screenshots(robot, "passed");
    }

    @Test
    void cancelsARunningCheckAtOnce(FxRobot robot) {
        waitForProfiles(robot);
        sandbox.faults().catalogDelay(Duration.ofSeconds(20));
        try {
            robot.clickOn("#check-run");
            UiTestSupport.waitUntil(CHECK, () -> "running".equals(label(robot, "#step-status-table")));
            robot.clickOn("#check-cancel");
            UiTestSupport.waitUntil(Duration.ofSeconds(5), () -> label(robot, "#check-summary").startsWith("Cancelled"));
            assertThat(label(robot, "#step-status-table")).isEqualTo("cancelled");
            assertThat(label(robot, "#step-status-stream")).isEqualTo("cancelled");
            assertThat(robot.lookup("#check-run").queryAs(Button.class).isDisabled()).isFalse();
        } finally {
            sandbox.faults().reset();
        }
    }

    @Test
    void usesTheSelectedProfileOnDoubleClick(FxRobot robot) {
        waitForProfiles(robot);
        robot.clickOn("#profile-add");
        set(robot, "#profile-name", "other");
        robot.clickOn("#profile-save");
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
}
