package dev.zerobus.console.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The doctor's "Grant now" in the Connection pane: as the owner it turns no-grants-sp's failed grants step green; as
 * a user who may not grant, it shows the reason and the GRANT to hand to an owner. Each test uses its own seed table.
 */
@ExtendWith(ApplicationExtension.class)
class GrantNowPaneTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    Scene scene;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        scene = UiTestSupport.showMainWindow(stage, context, 1280, 820).getScene();
    }

    @Test
    void grantNowAsTheOwnerTurnsTheFailedGrantsStepGreen(FxRobot robot) {
        profile(robot, "owner", ui.workspace().endpoints().userToken(), "main.default.sensor_readings");
        fire(robot, "#check-run");
        UiTestSupport.waitUntil(PATIENCE, () -> "failed".equals(text(robot, "#step-status-grants")));
        assertThat(robot.lookup("#step-grant-now").tryQuery()).isPresent();
        Screenshots.save(scene, "connection-grant-now-before-light");
        fire(robot, "#step-grant-now");
        UiTestSupport.waitUntil(PATIENCE, () -> text(robot, "#check-summary").startsWith("All 7 steps passed"));
        assertThat(text(robot, "#step-status-grants")).isEqualTo("passed");
        assertThat(text(robot, "#notice-text")).startsWith("Granted " + SandboxPrincipals.NO_GRANTS);
        Screenshots.save(scene, "connection-grant-now-after-light");
    }

    @Test
    void aUserWhoMayNotGrantGetsTheReasonAndTheGrantToHandOver(FxRobot robot) {
        profile(robot, "analyst", ui.workspace().endpoints().analystToken(), "main.default.all_types");
        fire(robot, "#check-run");
        UiTestSupport.waitUntil(PATIENCE, () -> "failed".equals(text(robot, "#step-status-grants")));
        fire(robot, "#step-grant-now");
        UiTestSupport.waitUntil(PATIENCE, () -> !text(robot, "#grant-now-problem").isEmpty());
        assertThat(text(robot, "#grant-now-problem")).contains(SandboxPrincipals.ANALYST).contains("owner");
        String handover = robot.lookup("#grant-now-handover").queryAs(TextInputControl.class).getText();
        assertThat(handover).contains("GRANT").contains("`main`.`default`.`all_types`").contains("`" + SandboxPrincipals.NO_GRANTS + "`");
        assertThat(text(robot, "#step-status-grants")).isEqualTo("failed");
        assertThat(handover).doesNotContain(ui.workspace().endpoints().analystToken());
        Screenshots.save(scene, "connection-grant-now-refused-light");
        robot.interact(() -> Theme.DARK.apply(scene));
        Screenshots.save(scene, "connection-grant-now-refused-dark");
    }

    /** A saved profile: You = a user's PAT, Ingest as = no-grants-sp; in use, checking {@code table}. */
    private void profile(FxRobot robot, String name, String token, String table) {
        var e = ui.workspace().endpoints();
        UiTestSupport.waitUntil(PATIENCE, () -> !robot.lookup("#profile-list").queryListView().getItems().isEmpty());
        fire(robot, "#profile-add");
        set(robot, "#profile-name", name);
        set(robot, "#profile-workspace-url", e.workspaceUrl());
        set(robot, "#profile-endpoint", e.zerobusEndpoint());
        set(robot, "#profile-you-token", token);
        set(robot, "#profile-client-id", SandboxPrincipals.NO_GRANTS);
        set(robot, "#profile-secret", ui.workspace().secretOf(SandboxPrincipals.NO_GRANTS));
        set(robot, "#check-table", table);
        fire(robot, "#profile-save");
        UiTestSupport.waitUntil(PATIENCE, () -> context.profiles().find(name).isPresent());
    }

    private static void fire(FxRobot robot, String query) {
        robot.interact(() -> robot.lookup(query).queryAs(ButtonBase.class).fire());
    }

    private static void set(FxRobot robot, String query, String value) {
        robot.interact(() -> robot.lookup(query).queryAs(TextInputControl.class).setText(value));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText() : "").orElse("");
    }
}
