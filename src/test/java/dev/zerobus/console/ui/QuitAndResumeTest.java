package dev.zerobus.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.StatementRunner;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.ingest.UnfinishedLoads;
import dev.zerobus.console.ui.records.RecordsModel;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Quitting during a load, through the window's close button and through File > Quit: both ask, both shut down the
 * same way (the load flushed and every stream closed before the window goes), and the next launch offers to resume
 * what was left; counted by SQL, every ACKed row is in the table exactly once.
 */
@ExtendWith(ApplicationExtension.class)
class QuitAndResumeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int ROWS = 3_000;

    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox sandbox = new UiSandbox();
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** One launch of the console: its context and window on {@code stage}; {@code exits} counts the exits. */
    private record Launch(AppContext context, MainWindow window, AtomicInteger exits) {
        RecordsModel records(FxRobot robot) {
            return RecordsPane.modelOf(robot.lookup("#records-pane").query());
        }
    }

    private Launch launch(FxRobot robot, UnfinishedLoads unfinished, UiSettings settings, Theme theme) {
        var context = UiTestSupport.context(sandbox.workspace(), dir.resolve("config"), unfinished, settings);
        var exits = new AtomicInteger();
        var holder = new MainWindow[1];
        robot.interact(() -> holder[0] = UiTestSupport.showMainWindow(stage, context, theme, 1280, 820, exits::incrementAndGet));
        return new Launch(context, holder[0], exits);
    }

    /** A fresh table, made the way Databricks makes managed tables: SQL on a warehouse. */
    private static TableDetails newTable(AppContext context, String name) {
        var profile = context.sandboxProfile();
        String warehouse = context.reader(profile).warehouseId();
        new StatementRunner(WorkspaceClients.create(profile), Duration.ofMinutes(1)).run(warehouse,
                "CREATE TABLE main.default." + name + " (id BIGINT, name STRING)", new Cancellation());
        return context.browser(profile).table("main.default." + name);
    }

    private static long countBySql(AppContext context, TableDetails table) {
        return context.reader(context.sandboxProfile()).count(table.fullName());
    }

    /** Starts a paced generated load (about 10 s) from the Generate tab and waits until rows are landing. */
    private static void startGeneratedLoad(FxRobot robot, Launch app, TableDetails table) {
        robot.interact(() -> {
            app.context().activeTable().set(table);
            app.context().selectedPane().set(PaneId.RECORDS);
        });
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#records-pane").tryQuery().isPresent());
        var generator = app.records(robot).generator();
        robot.interact(() -> {
            generator.countProperty().set(ROWS);
            generator.rateProperty().set(300); // about 10 s: time to answer the dialog
            generator.recordsPerRequestProperty().set(50);
        });
        robot.clickOn("#tab-generate");
        robot.clickOn("#generate-start");
        UiTestSupport.waitUntil(PATIENCE, () -> {
            var loads = app.context().ingestions();
            return !loads.isEmpty() && loads.getLast().job() != null && loads.getLast().job().progress().acked() > 100;
        });
    }

    private static boolean every(AppContext context, java.util.function.Predicate<IngestionSession> test) {
        return context.ingestions().stream().flatMap(i -> i.sessions().stream()).allMatch(test);
    }

    @Test
    void closeButtonAsksThenStopsAfterFlushingAndTheNextLaunchResumesTheRest(FxRobot robot) {
        Path state = dir.resolve("state-close/unfinished-loads.json");
        var first = launch(robot, UnfinishedLoads.in(state), UiTestSupport.settings(), Theme.LIGHT);
        TableDetails table = newTable(first.context(), "quit_by_close");
        startGeneratedLoad(robot, first, table);

        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))); // the close button
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#quit-dialog").tryQuery().isPresent());
        Node dialog = robot.lookup("#quit-dialog").query();
        Screenshots.save(dialog.getScene(), "quit-dialog-light");
        assertThat(robot.lookup("#quit-dialog .content").queryAs(Label.class).getText())
                .contains("A load is still running", "Generated load on quit_by_close", "offers to resume");
        assertThat(first.exits().get()).as("nothing closes before the person answers").isZero();
        robot.clickOn("#quit-stop");

        UiTestSupport.waitUntil(PATIENCE, () -> first.exits().get() == 1);
        assertThat(every(first.context(), s -> s.state().isTerminal())).as("every stream closed before the exit").isTrue();
        var saved = UnfinishedLoads.in(state).all();
        assertThat(saved).hasSize(1);
        UnfinishedLoad stopped = saved.getFirst();
        assertThat(stopped.acked()).isBetween(1L, ROWS - 1L);
        assertThat(countBySql(first.context(), table)).as("every ACKed row landed, nothing else").isEqualTo(stopped.acked());
        Label outcome = robot.lookup("#generate-outcome").queryAs(Label.class);
        UiTestSupport.waitUntil(PATIENCE, () -> outcome.getText().startsWith("Stopped at "));
        assertThat(outcome.getText()).contains(String.format("%,d rows landed", stopped.acked())).doesNotContain("Cancelled");
        assertThat(outcome.getPseudoClassStates()).extracting(Object::toString).contains("stopped").doesNotContain("failed");
        assertThat(robot.lookup("#generate-continue").queryAs(Node.class).isVisible()).isTrue();
        Screenshots.save(stage.getScene(), "records-stopped-light");
        robot.interact(() -> Theme.DARK.apply(stage.getScene()));
        Screenshots.save(stage.getScene(), "records-stopped-dark");

        var second = launch(robot, UnfinishedLoads.in(state), UiTestSupport.settings(), Theme.DARK);
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#last-session").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#last-session-text").queryAs(Label.class).getText())
                .startsWith("The last session stopped “Generated load on quit_by_close” into main.default.quit_by_close: ")
                .contains(String.format("%,d of %,d rows landed", stopped.acked(), ROWS));
        Screenshots.save(stage.getScene(), "last-session-resume-offer-dark");
        robot.clickOn("#last-session-resume");

        UiTestSupport.waitUntil(PATIENCE, () -> second.context().selectedPane().get() == PaneId.RECORDS
                && !second.context().ingestions().isEmpty() && second.context().ingestions().getLast().job().finished().isDone());
        assertThat(countBySql(second.context(), table)).as("the rest sent, the landed rows not sent again").isEqualTo(ROWS);
        assertThat(UnfinishedLoads.in(state).all()).as("a finished load is no longer offered").isEmpty();
        assertThat(robot.lookup("#last-session").queryAs(Node.class).isVisible()).isFalse();
    }

    @Test
    void fileQuitAsksTheSameQuestionAndFinishWaitsForTheWholeLoad(FxRobot robot) {
        Path state = dir.resolve("state-quit/unfinished-loads.json");
        var app = launch(robot, UnfinishedLoads.in(state), UiTestSupport.settings(), Theme.LIGHT);
        TableDetails table = newTable(app.context(), "quit_by_menu");
        startGeneratedLoad(robot, app, table);

        robot.clickOn("File").clickOn("Quit");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#quit-dialog").tryQuery().isPresent());
        robot.clickOn("#quit-finish");
        UiTestSupport.waitUntil(PATIENCE, () -> robot.lookup("#status-quitting").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#status-quitting").queryAs(Label.class).getText()).startsWith("Quitting once the running load finishes");

        UiTestSupport.waitUntil(PATIENCE, () -> app.exits().get() == 1);
        assertThat(every(app.context(), s -> s.state().isTerminal())).isTrue();
        assertThat(countBySql(app.context(), table)).isEqualTo(ROWS);
        assertThat(UnfinishedLoads.in(state).all()).isEmpty();
    }

    @Test
    void quittingWithNothingRunningDoesNotAsk(FxRobot robot) {
        var app = launch(robot, UnfinishedLoads.inMemory(), UiTestSupport.settings(), Theme.LIGHT);
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        UiTestSupport.waitUntil(PATIENCE, () -> app.exits().get() == 1);
        assertThat(robot.lookup("#quit-dialog").tryQuery()).isEmpty();
    }
}
