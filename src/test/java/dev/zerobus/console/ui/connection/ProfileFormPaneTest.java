package dev.zerobus.console.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.LayoutCheck;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The profile form at 1024x700 in the real main window: what the endpoint field expects while it is typed, the
 * doctor's first step failing on the endpoint itself, a new profile brought into view with the cursor in it, and the
 * question (Save / Discard / Cancel) before an unsaved new profile is left or the console quits.
 */
@ExtendWith(ApplicationExtension.class)
class ProfileFormPaneTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    Stage stage;
    final AtomicInteger exits = new AtomicInteger();

    @Start
    void start(Stage primary) {
        // A stage of its own per test: the window's close handler must be this test's alone.
        stage = new Stage();
        context = ui.newAppContext();
        var window = new MainWindow(context, Theme.LIGHT);
        var scene = new Scene(window, 1024, 700);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        window.attached(exits::incrementAndGet);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::hide);
    }

    @Test
    void theEndpointFieldSaysWhatItExpectsWhileTypedAndTheDoctorStopsAtTheEndpoint(FxRobot robot) {
        waitForProfiles(robot);
        click(robot, "#profile-add");
        click(robot, "#profile-endpoint").write("foo");
        assertThat(label(robot, "#profile-endpoint-detected")).isEqualTo("""
                Expected:
                <workspace-id>.zerobus.<region>.cloud.databricks.com (AWS)
                <workspace-id>.zerobus.<region>.azuredatabricks.net (Azure)
                <workspace-id>.zerobus.<region>.gcp.databricks.com (Google Cloud)
                http://localhost:<port> or http://127.0.0.1:<port> (the local sandbox)""");
        robot.write(".zerobus.nowhere");
        assertThat(text(robot, "#profile-endpoint")).isEqualTo("foo.zerobus.nowhere");
        assertThat(label(robot, "#profile-endpoint-error")).contains("'foo' is not a workspace id",
                "'nowhere' is not a Databricks cloud domain", "End the endpoint with <region>.cloud.databricks.com (AWS)");
        assertThat(label(robot, "#profile-endpoint-detected")).startsWith("Expected:\n");
        screenshots(robot, "connection-endpoint-expected-1024x700");

        set(robot, "#profile-endpoint", "1234567890123456.zerobus.us-west-2.cloud.data");
        assertThat(label(robot, "#profile-endpoint-detected"))
                .isEqualTo("Expected:\n<workspace-id>.zerobus.<region>.cloud.databricks.com (AWS)");
        set(robot, "#profile-endpoint", "zerobus.us-west-2.cloud.databricks.com");
        assertThat(label(robot, "#profile-endpoint-error")).contains("The workspace id is missing");

        // The doctor, on the same form: step 1 fails on the endpoint and the network is not tried.
        set(robot, "#profile-workspace-url", ui.endpoints().workspaceUrl());
        set(robot, "#profile-endpoint", "foo.zerobus.nowhere");
        click(robot, "#check-run");
        UiTestSupport.waitUntil(PATIENCE, () -> "failed".equals(label(robot, "#step-status-endpoints")));
        assertThat(label(robot, "#step-cause-endpoints")).startsWith("Cause: Zerobus endpoint 'foo.zerobus.nowhere': ")
                .contains("'nowhere' is not a Databricks cloud domain");
        assertThat(label(robot, "#step-fix-endpoints")).startsWith("Fix: ").contains("Expected: <workspace-id>.zerobus.<region>.cloud.databricks.com");
        assertThat(label(robot, "#step-status-network")).isEqualTo("skipped");
        UiTestSupport.inConnectionView(robot, "#step-cause-endpoints");
        screenshots(robot, "connection-doctor-endpoint-1024x700");
        assertNothingCutInTheConnectionPane(robot); // the keychain box and step 2's long title wrap
    }

    @Test
    void theDoctorsStepsAndTheKeychainBoxAreWholeAt1024x700(FxRobot robot) {
        waitForProfiles(robot);
        click(robot, "#profile-add");
        set(robot, "#profile-workspace-url", ui.endpoints().workspaceUrl());
        set(robot, "#profile-endpoint", ui.endpoints().zerobusEndpoint());
        click(robot, "#check-run");
        UiTestSupport.waitUntil(PATIENCE, () -> !label(robot, "#step-status-network").isEmpty()
                && !"running".equals(label(robot, "#step-status-network")));
        var title = robot.lookup("#step-network .step-title").queryAs(Label.class);
        assertThat(title.getText()).isEqualTo("2.  Resolve and connect to the workspace and the Zerobus endpoint");
        // Whole on screen, not only in its tooltip (LayoutCheck accepts a tooltip): the text the skin drew is all of it.
        var drawn = title.getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.text.Text).findFirst().orElseThrow();
        assertThat(((javafx.scene.text.Text) drawn).getText().replaceAll("\\s+", " ")).isEqualTo(title.getText().replaceAll("\\s+", " "));
        UiTestSupport.inConnectionView(robot, "#step-network");
        screenshots(robot, "connection-doctor-steps-1024x700");
        assertNothingCutInTheConnectionPane(robot);
        var remember = robot.lookup("#profile-remember-secret").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(remember.getText()).startsWith("Remember the secret and token in the OS keychain");
        UiTestSupport.inConnectionView(robot, "#profile-remember-secret");
        Screenshots.save(stage.getScene(), "connection-remember-1024x700-light");
    }

    @Test
    void quittingNamesEveryUnsavedProfileAndSaveAllKeepsThemAll(FxRobot robot) {
        waitForProfiles(robot);
        click(robot, "#profile-add");
        set(robot, "#profile-name", "prod-aws");
        set(robot, "#profile-workspace-url", ui.endpoints().workspaceUrl());
        click(robot, "#profile-save");
        UiTestSupport.waitUntil(PATIENCE, () -> context.profiles().find("prod-aws").isPresent() && names(robot).contains("prod-aws"));
        // An edit of a saved profile is kept as a draft when another profile is selected, without a question...
        set(robot, "#profile-client-id", "edited-before-quit");
        robot.clickOn(AppContext.SANDBOX_PROFILE);
        UiTestSupport.waitUntil(PATIENCE, () -> AppContext.SANDBOX_PROFILE.equals(text(robot, "#profile-name")));
        assertThat(robot.lookup("#unsaved-profile-dialog").tryQuery()).isEmpty();
        // ...and the list marks it, with a tooltip that says what the mark means.
        UiTestSupport.waitUntil(PATIENCE, () -> unsavedMarks(robot).size() == 1);
        Node cell = unsavedMarks(robot).get(0);
        while (!(cell instanceof ProfileCell)) cell = cell.getParent();
        assertThat(((ProfileCell) cell).getItem().name()).isEqualTo("prod-aws");
        assertThat(((ProfileCell) cell).getTooltip().getText()).startsWith("'prod-aws' has unsaved changes");
        click(robot, "#profile-add");
        set(robot, "#profile-name", "half-typed");
        screenshots(robot, "connection-unsaved-marks-1024x700");

        robot.clickOn("File").clickOn("Quit");
        DialogPane dialog = waitForDialog(robot);
        assertFullyVisible(robot, dialog);
        assertThat(robot.lookup("#unsaved-profile-text").queryAs(Label.class).getText()).isEqualTo("2 profiles have unsaved changes: "
                + "prod-aws (edited), half-typed (new). Save all, discard all, or cancel to go on editing.");
        assertThat(robot.lookup("#unsaved-save").queryAs(Button.class).getText()).isEqualTo("Save all");
        Screenshots.save(dialog.getScene(), "connection-unsaved-on-quit-two-profiles-1024x700-light");
        robot.interact(() -> Theme.DARK.apply(dialog.getScene()));
        Screenshots.save(dialog.getScene(), "connection-unsaved-on-quit-two-profiles-1024x700-dark");
        robot.clickOn("#unsaved-cancel");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#unsaved-profile-dialog").tryQuery().isEmpty());
        assertThat(exits.get()).as("Cancel keeps the console open").isZero();
        assertThat(text(robot, "#profile-name")).as("and the new profile on show").isEqualTo("half-typed");

        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))); // the close button
        waitForDialog(robot);
        robot.clickOn("#unsaved-save");
        UiTestSupport.waitUntil(PATIENCE, () -> exits.get() == 1);
        assertThat(context.profiles().find("prod-aws").orElseThrow().clientId()).isEqualTo("edited-before-quit");
        assertThat(context.profiles().find("half-typed")).isPresent();
    }

    private static List<Label> unsavedMarks(FxRobot robot) {
        return robot.lookup("#profile-list .unsaved-mark").queryAllAs(Label.class).stream().filter(Node::isVisible).toList();
    }

    private void assertNothingCutInTheConnectionPane(FxRobot robot) {
        var pane = robot.lookup("#connection-pane").query();
        var problems = new List[1];
        robot.interact(() -> problems[0] = LayoutCheck.problems(stage.getScene(), pane));
        assertThat(problems[0]).isEmpty();
    }

    @Test
    void aNewProfileComesIntoViewWithTheCursorInItsName(FxRobot robot) {
        waitForProfiles(robot);
        var scroll = robot.lookup("#connection-details").queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(scroll.getVmax())); // as after a connection check
        robot.clickOn("#profile-add");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#profile-name").queryAs(TextField.class).isFocused());
        assertThat(scroll.getVvalue()).isEqualTo(scroll.getVmin());
        TextField name = robot.lookup("#profile-name").queryAs(TextField.class);
        assertThat(name.getText()).startsWith("new-profile");
        assertThat(name.getSelectedText()).as("typing replaces the suggested name").isEqualTo(name.getText());
        Bounds field = name.localToScene(name.getBoundsInLocal());
        Bounds view = scroll.localToScene(scroll.getBoundsInLocal());
        assertThat(field.getMinY()).isGreaterThanOrEqualTo(view.getMinY());
        assertThat(field.getMaxY()).isLessThanOrEqualTo(view.getMaxY());
        robot.write("typed-at-once");
        assertThat(name.getText()).isEqualTo("typed-at-once");
        Screenshots.save(stage.getScene(), "connection-new-profile-1024x700-light");
    }

    @Test
    void leavingAnUnsavedNewProfileAsksSaveDiscardOrCancel(FxRobot robot) {
        waitForProfiles(robot);
        // Untouched, a new profile is left without a question: nothing would be lost.
        click(robot, "#profile-add");
        robot.clickOn(AppContext.SANDBOX_PROFILE);
        UiTestSupport.waitUntil(PATIENCE, () -> AppContext.SANDBOX_PROFILE.equals(text(robot, "#profile-name")));
        assertThat(robot.lookup("#unsaved-profile-dialog").tryQuery()).isEmpty();

        click(robot, "#profile-add");
        set(robot, "#profile-name", "half-typed");
        robot.clickOn(AppContext.SANDBOX_PROFILE);
        DialogPane dialog = waitForDialog(robot);
        assertFullyVisible(robot, dialog);
        assertThat(robot.lookup("#unsaved-profile-text").queryAs(Label.class).getText())
                .isEqualTo("The new profile 'half-typed' is not saved. Save it, discard it, or cancel to go on editing.");
        Screenshots.save(dialog.getScene(), "connection-unsaved-dialog-1024x700-light");
        robot.clickOn("#unsaved-cancel");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#unsaved-profile-dialog").tryQuery().isEmpty());
        assertThat(text(robot, "#profile-name")).as("Cancel goes back to the new profile").isEqualTo("half-typed");
        assertThat(list(robot).getSelectionModel().getSelectedItem()).isNull();

        robot.clickOn(AppContext.SANDBOX_PROFILE);
        waitForDialog(robot);
        robot.clickOn("#unsaved-discard");
        UiTestSupport.waitUntil(PATIENCE, () -> AppContext.SANDBOX_PROFILE.equals(text(robot, "#profile-name")));
        assertThat(context.profiles().find("half-typed")).isEmpty();

        click(robot, "#profile-add");
        set(robot, "#profile-name", "kept-on-leaving");
        robot.clickOn(AppContext.SANDBOX_NO_GRANTS_PROFILE);
        waitForDialog(robot);
        robot.clickOn("#unsaved-save");
        UiTestSupport.waitUntil(PATIENCE, () -> AppContext.SANDBOX_NO_GRANTS_PROFILE.equals(text(robot, "#profile-name")));
        assertThat(context.profiles().find("kept-on-leaving")).isPresent();
        assertThat(names(robot)).contains("kept-on-leaving");
        assertThat(list(robot).getSelectionModel().getSelectedItem().name()).as("then the profile clicked")
                .isEqualTo(AppContext.SANDBOX_NO_GRANTS_PROFILE);
    }

    @Test
    void quittingWithAnUnsavedNewProfileAsksFirst(FxRobot robot) {
        waitForProfiles(robot);
        click(robot, "#profile-add");
        set(robot, "#profile-name", "saved-on-quit");
        robot.interact(() -> context.selectedPane().set(PaneId.STREAM));
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))); // the close button
        DialogPane dialog = waitForDialog(robot);
        assertThat(context.selectedPane().get()).as("shows what would be lost").isEqualTo(PaneId.CONNECTION);
        assertFullyVisible(robot, dialog);
        Screenshots.save(dialog.getScene(), "connection-unsaved-on-quit-dialog-1024x700-light");
        robot.clickOn("#unsaved-cancel");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#unsaved-profile-dialog").tryQuery().isEmpty());
        assertThat(exits.get()).as("Cancel keeps the console open").isZero();

        robot.clickOn("File").clickOn("Quit");
        waitForDialog(robot);
        robot.clickOn("#unsaved-save");
        UiTestSupport.waitUntil(PATIENCE, () -> exits.get() == 1);
        assertThat(context.profiles().find("saved-on-quit")).isPresent();
    }

    private static DialogPane waitForDialog(FxRobot robot) {
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#unsaved-profile-dialog").tryQuery().isPresent());
        return robot.lookup("#unsaved-profile-dialog").queryAs(DialogPane.class);
    }

    /** Within 1024x700, with nothing cut: the text whole, and Save, Discard and Cancel whole and inside the dialog. */
    private static void assertFullyVisible(FxRobot robot, DialogPane dialog) {
        var window = dialog.getScene().getWindow();
        assertThat(window.getWidth()).isLessThanOrEqualTo(1024);
        assertThat(window.getHeight()).isLessThanOrEqualTo(700);
        var problems = new List[1];
        robot.interact(() -> problems[0] = LayoutCheck.problems(dialog.getScene(), dialog));
        assertThat(problems[0]).isEmpty();
        for (String id : List.of("#unsaved-save", "#unsaved-discard", "#unsaved-cancel")) {
            Button button = robot.lookup(id).queryAs(Button.class);
            Bounds b = button.localToScene(button.getBoundsInLocal());
            assertThat(button.isVisible()).as(id).isTrue();
            assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(dialog.getScene().getWidth());
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(dialog.getScene().getHeight());
            assertThat(button.getWidth()).as(id + " not cut").isGreaterThanOrEqualTo(button.prefWidth(-1) - 0.5);
        }
    }

    private void waitForProfiles(FxRobot robot) {
        UiTestSupport.waitUntil(PATIENCE, () -> names(robot).contains(AppContext.SANDBOX_PROFILE));
    }

    @SuppressWarnings("unchecked")
    private static ListView<ConnectionProfile> list(FxRobot robot) {
        return robot.lookup("#profile-list").queryAs(ListView.class);
    }

    private static List<String> names(FxRobot robot) {
        return list(robot).getItems().stream().map(ConnectionProfile::name).toList();
    }

    private static String label(FxRobot robot, String id) {
        Node node = robot.lookup(id).tryQuery().orElse(null);
        return node instanceof Label l ? l.getText() : "";
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextInputControl.class).getText();
    }

    private static void set(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(value));
    }

    private static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
        return robot.clickOn(UiTestSupport.inConnectionView(robot, query));
    }

    private void screenshots(FxRobot robot, String name) {
        Screenshots.save(stage.getScene(), name + "-light");
        robot.interact(() -> Theme.DARK.apply(stage.getScene()));
        Screenshots.save(stage.getScene(), name + "-dark");
        robot.interact(() -> Theme.LIGHT.apply(stage.getScene()));
    }
}
