package dev.zerobus.console.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ingest.IngestionSession.LedgerEntry.Outcome;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Stream pane says what happened: a stopped load is "stopped" at the percentage it reached (not "finished,
 * 100 %"); the person's pause, resume and close are in the event log; a filter with no match says so; a short load
 * has a windowed rate, a line and a ledger that still lists its last requests.
 */
@ExtendWith(ApplicationExtension.class)
class StreamHonestStatesTest {
    static final Duration LONG = Duration.ofSeconds(30);
    @TempDir static Path dir;
    @RegisterExtension static final UiSandbox sandbox = new UiSandbox();
    AppContext context;
    Scene scene;

    @Start
    void start(Stage stage) {
        context = UiTestSupport.context(sandbox.workspace(), dir.resolve("config"));
        var window = new MainWindow(context, Theme.LIGHT);
        scene = new Scene(window, 1280, 820);
        Theme.LIGHT.apply(scene);
        stage.setScene(scene);
        window.attached();
        stage.show();
        context.selectedPane().set(PaneId.STREAM);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private StreamModel model(FxRobot robot) {
        return robot.lookup("#stream-pane").queryAs(StreamView.class).model();
    }

    @Test
    void aLoadStoppedByThePersonSaysStoppedAtItsPercentageWithPauseResumeAndCloseInTheLog(FxRobot robot) throws Exception {
        TableDetails table = StreamFixtures.table(context);
        LoadJob job = StreamFixtures.generatedJob(context.activeProfile().get(), table, 5_000,
                StreamFixtures.options().withRecordsPerRequest(20).withRate(500));
        CompletableFuture<LoadResult> result = StreamFixtures.start(context, "Paced load", table, job, -1);
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Streaming") && job.progress().acked() > 100);

        robot.clickOn("#stream-pause");
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Paused"));
        robot.clickOn("#stream-pause");
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Streaming"));
        robot.clickOn("#stream-close");
        LoadResult done = result.get(1, TimeUnit.MINUTES);
        try {
            UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Load stopped"));
        } catch (AssertionError e) {
            throw new AssertionError("State: " + text(robot, "#stream-state") + ", load: " + text(robot, "#stream-load-text"), e);
        }

        assertThat(done.cancelled()).isTrue();
        long percent = Math.round(100.0 * done.read() / 5_000);
        assertThat(text(robot, "#stream-load-text")).startsWith("Load stopped at " + percent + "%")
                .endsWith("the rest was not sent").doesNotContain("100%", "finished");
        assertThat(robot.lookup("#stream-state").queryAs(Label.class).getStyleClass()).contains("neutral").doesNotContain("success");
        UiTestSupport.waitUntil(LONG, () -> model(robot).events().stream().anyMatch(e -> e.event().message().startsWith("Stream closed")));
        assertThat(model(robot).events()).extracting(e -> e.event().message()).anySatisfy(m -> assertThat(m).startsWith("Load paused"))
                .anySatisfy(m -> assertThat(m).startsWith("Load resumed"))
                .anySatisfy(m -> assertThat(m).startsWith("Load stopped"));
        Screenshots.save(scene, "stream-stopped-light");
        robot.interact(() -> Theme.DARK.apply(scene));
        Screenshots.save(scene, "stream-stopped-dark");
        robot.interact(() -> Theme.LIGHT.apply(scene));

        robot.clickOn("#stream-tab-events");
        robot.interact(() -> model(robot).eventFilterProperty().set("no-such-event"));
        assertThat(text(robot, "#stream-events-placeholder")).startsWith("No events match “no-such-event” (")
                .contains("in the log). Clear the filter");
        Screenshots.save(scene, "stream-events-no-match-light");
        robot.interact(() -> model(robot).eventFilterProperty().set(""));
    }

    @Test
    void aShortFastLoadShowsAnAverageRateALineAndItsLastRequestsInTheLedger(FxRobot robot) throws Exception {
        TableDetails table = StreamFixtures.table(context);
        LoadJob job = StreamFixtures.generatedJob(context.activeProfile().get(), table, 4_000,
                StreamFixtures.options().withRecordsPerRequest(10));
        LoadResult done = StreamFixtures.start(context, "Short load", table, job, -1).get(2, TimeUnit.MINUTES);
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Load finished"));
        StreamModel model = model(robot);
        robot.interact(() -> model.selectedProperty().set(model.ingestions().getLast()));
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Load finished"));
        StreamStats stats = model.stats().getValue();

        double average = done.acked() / Math.max(1e-3, stats.elapsed().toNanos() / 1e9);
        assertThat(stats.recordsPerSecond()).as("the average over the load, not a rate over the last milliseconds")
                .isCloseTo(average, org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(text(robot, "#stream-records-chart-caption")).startsWith("average ");
        assertThat(model.points()).as("a line, not one dot").hasSizeGreaterThanOrEqualTo(2);
        assertThat(model.points().getFirst().seconds()).isZero();
        double lastSecond = model.points().getLast().seconds();
        var axis = (NumberAxis) robot.lookup("#stream-records-chart").queryAs(LineChart.class).getXAxis();
        assertThat(axis.getUpperBound()).as("the time axis fits the load (last point at %.1f s), not a fixed minute", lastSecond)
                .isEqualTo(Math.max(10, Math.ceil(lastSecond / 10) * 10));

        robot.clickOn("#stream-tab-ack-ledger");
        UiTestSupport.waitUntil(LONG, () -> !model.ledger().isEmpty());
        assertThat(model.ledger()).hasSize(200).allMatch(r -> r.outcome() == Outcome.DURABLE);
        assertThat(model.ledger().getFirst().sourceIndex()).as("newest first, up to the last request").isEqualTo(3_990);
        for (int i = 1; i < model.ledger().size(); i++) {
            assertThat(model.ledger().get(i - 1).sourceIndex() - model.ledger().get(i).sourceIndex()).as("no gaps").isEqualTo(10);
        }
        Screenshots.save(scene, "stream-short-load-ledger-light");
    }
}
