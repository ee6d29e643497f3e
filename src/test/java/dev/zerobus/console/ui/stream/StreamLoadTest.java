package dev.zerobus.console.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.PulseProbe;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Loads through the pane at speed: the FX thread stays free (sampling, not pushing), and the screenshots with live charts. */
@ExtendWith(ApplicationExtension.class)
class StreamLoadTest {
    static final Duration LONG = Duration.ofSeconds(90);
    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    AppContext context;
    MainWindow window;
    Scene scene;

    @Start
    void start(Stage stage) {
        context = ui.newAppContext();
        window = UiTestSupport.showMainWindow(stage, context, 1280, 820);
        scene = window.getScene();
        context.selectedPane().set(PaneId.STREAM);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void keepsTheFxThreadFreeDuringAFullRateLoad(FxRobot robot) throws Exception {
        TableDetails table = StreamFixtures.table(context);
        var idle = new GapProbe();
        robot.interact(idle::start);
        UiTestSupport.waitUntil(LONG, () -> idle.pulses() >= 60);
        robot.interact(idle::stop);
        System.out.printf("Idle window: gap p50 %d ms, p99 %d ms%n", idle.percentileMillis(50), idle.percentileMillis(99));
        LoadJob job = StreamFixtures.generatedJob(context.activeProfile().get(), table, 100_000, StreamFixtures.options());
        CompletableFuture<LoadResult> result = StreamFixtures.start(context, "Generated 100,000", table, job, -1);
        // Measured from the first sample on: building the pane's nodes once is not what this checks.
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Streaming"));
        var probe = new PulseProbe();
        var gaps = new GapProbe();
        robot.interact(() -> {
            probe.start();
            gaps.start();
        });

        LoadResult done = result.get(5, TimeUnit.MINUTES);
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Load finished"));
        robot.interact(() -> {
            probe.stop();
            gaps.stop();
        });

        long longestSample = robot.lookup("#stream-pane").queryAs(StreamView.class).model().longestSampleMillis();
        System.out.printf("Stream pane during a 100,000-record load: %d pulses, gap p50 %d ms, p99 %d ms, max %d ms; longest sample %d ms%n",
                gaps.pulses(), gaps.percentileMillis(50), gaps.percentileMillis(99), probe.maxGapMillis(), longestSample);
        assertThat(done.acked()).isEqualTo(100_000);
        assertThat(text(robot, "#stream-acked")).isEqualTo("100,000");
        // Measured on the shared 2-core machine (load average ~18, sandbox and SDK in this JVM, software rendering):
        // idle p99 ~110 ms, GC pauses up to ~340 ms; the long gaps sit in the renderer, not in the pane's code.
        assertThat(gaps.percentileMillis(50)).as("median gap between FX pulses, ms").isLessThan(100);
        assertThat(probe.maxGapMillis()).as("largest gap between FX pulses, ms").isLessThan(2_000);
        assertThat(longestSample).as("longest sample of the counters, ms").isLessThan(500);
    }

    @Test
    void screenshotsTheStreamPaneDuringALoad(FxRobot robot) throws Exception {
        TableDetails table = StreamFixtures.table(context);
        robot.interact(() -> context.activeTable().set(table));
        ui.faults().closeStreamsAfter(12_000);
        LoadJob job = StreamFixtures.generatedJob(context.activeProfile().get(), table, 2_000_000,
                StreamFixtures.options().withStreams(2).withRecordsPerRequest(50).withRate(9_000));
        StreamFixtures.start(context, "Generated load, 2 streams", table, job, StreamFixtures.rowsInSandbox(ui.workspace()));
        try {
            UiTestSupport.waitUntil(LONG, () -> !text(robot, "#stream-recoveries-detail").startsWith("0 rotation"));
            ui.faults().reset();
            var pane = robot.lookup("#stream-pane").queryAs(StreamView.class);
            UiTestSupport.waitUntil(LONG, () -> pane.model().points().size() >= 25);
            Screenshots.save(scene, "stream-load-light");
            robot.interact(() -> Theme.DARK.apply(scene));
            Screenshots.save(scene, "stream-load-dark");
            robot.clickOn("#stream-tab-ack-ledger");
            UiTestSupport.waitUntil(LONG, () -> !pane.model().ledger().isEmpty());
            Screenshots.save(scene, "stream-ledger-dark");
        } finally {
            robot.interact(() -> Theme.LIGHT.apply(scene));
            job.cancel();
        }
    }
}
