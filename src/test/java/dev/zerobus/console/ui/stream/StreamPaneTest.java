package dev.zerobus.console.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.SessionListener;
import dev.zerobus.console.ingest.SessionOptions;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StreamPaneTest {
    static final Duration LONG = Duration.ofSeconds(60);
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    MainWindow window;
    TableDetails table;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        window = UiTestSupport.showMainWindow(stage, context, 1280, 820);
        context.selectedPane().set(PaneId.STREAM);
    }

    @AfterEach
    void resetFaults() {
        ui.faults().reset();
    }

    private TableDetails table() {
        if (table == null) table = StreamFixtures.table(context);
        return table;
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsAStreamTheServiceEndsAsAPlannedRotationNotARetryAndLandsEveryRow(FxRobot robot) throws Exception {
        long before = StreamFixtures.rowsInSandbox(ui.workspace());
        ui.faults().closeStreamsAfter(1_500); // "Stream timeout reached" (6002): the service's scheduled end of a stream
        var job = StreamFixtures.csvJob(context.activeProfile().get(), table(), StreamFixtures.csv(dir.resolve("drop.csv"), 4_000),
                StreamFixtures.options());
        CompletableFuture<LoadResult> result = StreamFixtures.start(context, "drop.csv", table(), job, before);

        UiTestSupport.waitUntil(LONG, () -> !text(robot, "#stream-recoveries-detail").startsWith("0 rotation"));
        LoadResult done = result.get(2, TimeUnit.MINUTES);
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Load finished"));

        assertThat(done.acked()).isEqualTo(4_000);
        assertThat(done.rotations()).isPositive();
        assertThat(done.retries()).isZero();
        assertThat(StreamFixtures.rowsInSandbox(ui.workspace()) - before).isEqualTo(4_000);
        assertThat(text(robot, "#stream-acked")).isEqualTo("4,000");
        assertThat(text(robot, "#stream-retries")).isEqualTo("0");
        assertThat(text(robot, "#stream-recoveries-detail")).isEqualTo(done.rotations() + " rotation(s) · 0 error(s)");
        var pane = robot.lookup("#stream-pane").queryAs(StreamView.class);
        assertThat(pane.model().events()).anySatisfy(row -> {
            assertThat(row.event().kind()).isEqualTo(dev.zerobus.console.ingest.IngestEvent.Kind.ROTATED);
            assertThat(row.event().message()).startsWith("Planned rotation 1: the service ended the stream on schedule (code 6002)");
            assertThat(row.isProblem()).isFalse();
        });
        robot.clickOn("#stream-tab-problems");
        ListView<?> problems = robot.lookup("#stream-problems").queryAs(ListView.class);
        assertThat(problems.getItems()).isEmpty();
        robot.clickOn("#stream-tab-events");
        Screenshots.save(window.getScene(), "stream-rotation-light");
    }

    @Test
    void saysWhatToDoWhenNothingIsStreaming(FxRobot robot) {
        assertThat(robot.lookup("#stream-empty").query().isVisible()).isTrue();
        Screenshots.save(window.getScene(), "stream-empty-light");
        robot.clickOn("#stream-go-records");
        UiTestSupport.waitUntil(LONG, () -> context.selectedPane().get() == PaneId.RECORDS);
    }

    @Test
    void flushesAndClosesAComposerSessionFromThePane(FxRobot robot) throws Exception {
        var session = IngestionSession.open(SessionOptions.json(context.activeProfile().get(), StreamFixtures.TABLE), new SessionListener() {});
        for (int i = 0; i < 50; i++) session.ingest("{\"device_name\":\"composer-" + i + "\",\"temp\":20}", i);
        robot.interact(() -> context.ingestions().add(new ActiveIngestion("Composer", table(), Instant.now(), null, session, -1)));

        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Streaming"));
        robot.clickOn("#stream-flush");
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-message").startsWith("Flushed"));
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-acked").equals("50"));
        assertThat(text(robot, "#stream-inflight")).isEqualTo("0");

        robot.clickOn("#stream-close");
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Closed"));
        assertThat(text(robot, "#stream-message")).startsWith("Closed");
        assertThat(robot.lookup("#stream-flush").queryButton().isDisabled()).isTrue();
        assertThat(context.shortcuts().all()).extracting(s -> s.keys().getName() + " " + s.description()).contains(
                "Shift+Shortcut+F Flush the selected stream(s)", "Shift+Shortcut+V Verify: read the table back",
                "Shortcut+P Pause or resume the selected load");
    }

    @Test
    void savesTheSessionWithoutTheSecretAndOpensItReadOnly(FxRobot robot) throws Exception {
        var session = IngestionSession.open(SessionOptions.json(context.activeProfile().get(), StreamFixtures.TABLE), new SessionListener() {});
        session.ingest("{\"device_name\":\"bundle-1\",\"temp\":20}", 0);
        session.flush();
        robot.interact(() -> context.ingestions().add(new ActiveIngestion("Composer", table(), Instant.now(), null, session, -1)));
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-acked").equals("1"));
        StreamView pane = robot.lookup("#stream-pane").queryAs(StreamView.class);
        Path zip = dir.resolve("session.zip");

        robot.interact(() -> pane.files().saveBundle(zip));
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-message").startsWith("Saved the session to session.zip"));
        robot.interact(() -> pane.files().openBundle(zip));
        UiTestSupport.waitUntil(LONG, () -> robot.lookup("#bundle-profile-json").tryQuery().isPresent());

        var profile = robot.lookup("#bundle-profile-json").queryAs(TextArea.class);
        assertThat(profile.isEditable()).isFalse();
        assertThat(profile.getText()).contains("\"clientId\"").doesNotContain(ui.endpoints().clientSecret());
        assertThat(robot.lookup("#bundle-events-log").queryAs(TextArea.class).getText()).contains("OPENED");
        robot.interact(() -> profile.getScene().getWindow().hide());
        session.close();
    }

    @Test
    void verifyShowsTheRowCountDeltaAndTheLastRows(FxRobot robot) throws Exception {
        long before = StreamFixtures.rowsInSandbox(ui.workspace());
        var job = StreamFixtures.csvJob(context.activeProfile().get(), table(), StreamFixtures.csv(dir.resolve("verify.csv"), 1_200),
                StreamFixtures.options());
        StreamFixtures.start(context, "verify.csv", table(), job, before).get(2, TimeUnit.MINUTES);
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Load finished"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V)
                .release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-verify-summary").startsWith("+1,200 rows since the session began"));
        TableView<?> rows = robot.lookup("#stream-verify-rows").queryAs(TableView.class);
        assertThat(rows.getItems()).hasSize(VerifyModel.LAST_ROWS);
        assertThat(rows.getColumns()).extracting(c -> c.getText()).containsExactly("device_name", "temp", "humidity", "ts");
        Screenshots.save(window.getScene(), "stream-verify-light");
    }
}
