package dev.zerobus.console.ui.records.fileimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.records.ModelServices;
import dev.zerobus.console.ui.records.load.LoadRunModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV import through ImportModel without the FX toolkit or an app context: preview, mapping, load, per-row errors,
 * failed rows file. The model gets only the services it uses.
 */
class ImportModelTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String TABLE = "main.default.sensor_readings";

    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    @TempDir Path dir;
    ModelServices services;
    final List<Path> opened = new ArrayList<>();
    final List<TableDetails> altered = new ArrayList<>();
    ImportModel model;
    TableDetails table;

    @BeforeEach
    void open() throws Exception {
        services = new ModelServices(ui);
        table = services.table(TABLE);
        var drift = new DriftCheck(services.profile, altered::add, services.background, services.fx);
        model = new ImportModel(services.profile, services.loadRun(), drift, opened::add, services.background, services.fx);
        model.tableProperty().set(table);
    }

    private long rows() {
        return ui.context().tables().count(table.tableId());
    }

    @Test
    void importsTheGoodRowsAndNamesTheBadOne() throws Exception {
        Path csv = Files.writeString(dir.resolve("readings.csv"), """
                device_name,temp,humidity,ts
                a,20,40,1714566600000000
                b,warm,41,1714566600000001
                c,22,42,1714566600000002
                """);
        long before = rows();

        model.importFile(csv);
        services.fx.until(PATIENCE, () -> {}, () -> model.previewProperty().get() != null);
        assertThat(model.fileProblemProperty().get()).isEmpty();
        assertThat(model.mapping()).hasSize(table.schema().columns().size());
        assertThat(model.canStart().get()).isTrue();
        assertThat(opened).as("for File > Recent files").containsExactly(csv);

        model.start();
        LoadRunModel run = model.run();
        services.fx.until(PATIENCE, run::sample, () -> run.resultProperty().get() != null);

        assertThat(run.resultProperty().get().acked()).isEqualTo(2);
        assertThat(run.failedOutcomeProperty().get()).isTrue();
        assertThat(run.outcomeProperty().get()).startsWith("2 rows landed (ACKed) in ").contains("; 1 rows failed");
        assertThat(run.errors()).singleElement().satisfies(e -> assertThat(e.column()).isEqualTo("temp"));
        assertThat(rows() - before).isEqualTo(2);
        assertThat(services.streamList).singleElement().satisfies(i -> assertThat(i.name()).isEqualTo("Import readings.csv"));
    }

    @Test
    void saysWhatToDoWithAFileThatCannotBeRead() throws Exception {
        model.importFile(dir.resolve("missing.csv"));
        services.fx.until(PATIENCE, () -> {}, () -> !model.fileProblemProperty().get().isEmpty());

        assertThat(model.fileProblemProperty().get())
                .isEqualTo("Could not read missing.csv. Choose a CSV, JSON Lines or JSON file that exists and can be read.");
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.canStart().get()).isFalse();
    }
}
