package dev.zerobus.console.ui.records.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.records.ModelServices;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A generated load through GenerateModel and its LoadRunModel, without the FX toolkit or an app context: the test
 * thread is the FX thread and the models get only the services they use.
 */
class GenerateModelTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String TABLE = "main.default.sensor_readings";

    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    ModelServices services;
    GenerateModel model;
    TableDetails table;

    @BeforeEach
    void open() throws Exception {
        services = new ModelServices(ui);
        table = services.table(TABLE);
        model = new GenerateModel(services.profile, services.settings, services.loadRun());
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
    void cannotStartWithoutAProfile() {
        model.tableProperty().set(table);
        assertThat(model.canStart().get()).isTrue();
        services.profile.set(null);
        assertThat(model.canStart().get()).isFalse();
        model.start();
        assertThat(model.run().runningProperty().get()).isFalse();
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
        services.fx.until(PATIENCE, run::sample, () -> !run.runningProperty().get());
        assertThat(run.resultProperty().get()).isNotNull();
        assertThat(run.resultProperty().get().acked()).isEqualTo(2_500);
        assertThat(run.outcomeProperty().get()).startsWith("2,500 rows landed (ACKed) in ").endsWith(".");
        assertThat(run.failedOutcomeProperty().get()).isFalse();
        assertThat(run.countsProperty().get()).isEqualTo("2,500 read · 2,500 sent · 2,500 ACKed · 0 failed");
        assertThat(run.fractionProperty().get()).isEqualTo(1.0);
        assertThat(services.streamList).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("Generated load on sensor_readings");
            assertThat(i.rowsBefore()).isEqualTo(before);
        });
        assertThat(services.unfinishedLoads.all()).as("a load that ended in full is not kept to continue").isEmpty();
        assertThat(rows() - before).isEqualTo(2_500);
    }
}
