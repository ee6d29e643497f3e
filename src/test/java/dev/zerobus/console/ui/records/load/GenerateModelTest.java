package dev.zerobus.console.ui.records.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.FxQueue;
import dev.zerobus.console.ui.UiSandbox;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A generated load through GenerateModel and its LoadRunModel, without the FX toolkit (the test thread is the FX thread). */
class GenerateModelTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String TABLE = "main.default.sensor_readings";

    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    final FxQueue fx = new FxQueue();
    AppContext context;
    GenerateModel model;
    TableDetails table;

    @BeforeEach
    void open() throws Exception {
        context = ui.newAppContext(fx);
        table = context.browser(context.sandboxProfile()).table(TABLE);
        model = new GenerateModel(context);
    }

    private long rows() {
        return ui.context().tables().count(table.tableId());
    }

    @Test
    void cannotStartWithoutATable() {
        assertThat(model.canStart().get()).isFalse();
        model.start();
        assertThat(model.run().runningProperty().get()).isFalse();
        assertThat(model.run().countsProperty().get()).isEqualTo("Not started");
    }

    @Test
    void generatesTheRowsAndSaysWhatLanded() throws Exception {
        long before = rows();
        model.tableProperty().set(table);
        model.countProperty().set(2_500);
        model.streamsProperty().set(2);
        assertThat(model.canStart().get()).isTrue();

        model.start();

        LoadRunModel run = model.run();
        assertThat(run.runningProperty().get()).isTrue();
        assertThat(model.canStart().get()).as("one load at a time").isFalse();
        fx.until(PATIENCE, run::sample, () -> !run.runningProperty().get());
        assertThat(run.resultProperty().get()).isNotNull();
        assertThat(run.resultProperty().get().acked()).isEqualTo(2_500);
        assertThat(run.outcomeProperty().get()).startsWith("2,500 rows landed (ACKed) in ").endsWith(".");
        assertThat(run.failedOutcomeProperty().get()).isFalse();
        assertThat(run.countsProperty().get()).isEqualTo("2,500 read · 2,500 sent · 2,500 ACKed · 0 failed");
        assertThat(run.fractionProperty().get()).isEqualTo(1.0);
        assertThat(context.ingestions()).singleElement().satisfies(i -> assertThat(i.name()).isEqualTo("Generated load on sensor_readings"));
        assertThat(rows() - before).isEqualTo(2_500);
    }
}
