package dev.zerobus.console.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.app.MainWindow;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.Screenshots;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.theme.Theme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
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
        LoadJob job = StreamFixtures.generatedJob(context.activeProfile().get(), table, 100_000, StreamFixtures.options());
        CompletableFuture<LoadResult> result = StreamFixtures.start(context, "Generated 100,000", table, job, -1);
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Streaming"));
        // What the ACKed counter showed at each FX pulse while the load ran: the pane samples the load on its timer
        // and the FX thread keeps drawing in between (bench/ui-responsiveness measures the pulse gaps).
        Label acked = robot.lookup("#stream-acked").queryAs(Label.class);
        List<String> shown = new ArrayList<>();
        var atEachPulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (shown.isEmpty() || !shown.getLast().equals(acked.getText())) shown.add(acked.getText());
            }
        };
        robot.interact(atEachPulse::start);

        LoadResult done = result.get(5, TimeUnit.MINUTES);
        UiTestSupport.waitUntil(LONG, () -> text(robot, "#stream-state").equals("Load finished"));
        robot.interact(atEachPulse::stop);

        assertThat(done.acked()).isEqualTo(100_000);
        assertThat(text(robot, "#stream-acked")).isEqualTo("100,000");
        List<Long> counts = shown.stream().filter(t -> !t.isBlank()).map(t -> Long.parseLong(t.replace(",", ""))).toList();
        assertThat(counts).as("the ACKed counter as drawn, pulse by pulse").isSorted().endsWith(100_000L)
                .anyMatch(n -> n > 0 && n < 100_000);
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
