package dev.zerobus.console.ui.records.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.records.ModelServices;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The composer's model without the FX toolkit or an app context: the test's thread is the FX thread, the sandbox is
 * real, and the model gets only the services it uses.
 */
class ComposerModelTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TABLE = "main.default.sensor_readings";

    @RegisterExtension static final UiSandbox ui = new UiSandbox();
    ModelServices services;
    ComposerModel model;
    TableDetails table;

    @BeforeEach
    void open() throws Exception {
        services = new ModelServices(ui);
        table = services.table(TABLE);
        model = new ComposerModel(services.profile, services.settings, services.senders(), services::reader,
                services.streamList::add, services.fx);
        model.tableProperty().set(table);
    }

    private long rows() {
        return ui.context().tables().count(table.tableId());
    }

    private List<String> statuses() {
        return model.history().stream().filter(r -> r.status() != SentRecord.Status.EARLIER)
                .map(r -> r.statusTextProperty().get()).toList();
    }

    @Test
    void sendsGeneratedCopiesOffTheCallersThreadAndShowsEachAcked() throws Exception {
        long before = rows();
        model.jsonTextProperty().set("{\"device_name\":\"composer-1\",\"temp\":21,\"humidity\":40,\"ts\":1714566600000000}");
        assertThat(model.validProperty().get()).isTrue();
        model.copiesProperty().set(ComposerModel.Copies.GENERATED);
        model.countProperty().set(5);

        model.send();

        assertThat(model.statusProperty().get()).isEqualTo("5 records sent to " + TABLE);
        assertThat(model.trackingProperty().get()).isTrue();
        services.fx.until(PATIENCE, model::refreshSent, () -> !model.trackingProperty().get());
        assertThat(statuses()).hasSize(5).containsOnly("ACKed (durable)");
        assertThat(model.history().getLast().json()).contains("composer-1"); // the first record sent is the oldest row
        assertThat(model.history().stream().map(SentRecord::json).distinct()).hasSize(5);
        assertThat(rows() - before).isEqualTo(5);
        assertThat(services.streamList).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("Composer: sensor_readings");
            assertThat(i.rowsBefore()).as("counted before the stream, for Verify").isEqualTo(before);
        });
    }

    @Test
    void sendsProtoOnItsOwnStreamAfterTheRecordTypeChanges() throws Exception {
        long before = rows();
        model.jsonTextProperty().set("{\"device_name\":\"composer-proto\",\"temp\":5,\"humidity\":1,\"ts\":1714566600000000}");
        model.send();
        model.formatProperty().set(RecordFormat.PROTO);
        model.send();

        services.fx.until(PATIENCE, model::refreshSent, () -> !model.trackingProperty().get());
        assertThat(statuses()).containsExactly("ACKed (durable)", "ACKed (durable)");
        assertThat(rows() - before).isEqualTo(2);
        assertThat(services.streamList).as("one stream per record type").hasSize(2);
    }

    @Test
    void refusesAnInvalidRecordWithTheFieldToFix() {
        model.jsonTextProperty().set("{\"device_name\":\"x\",\"temp\":\"warm\"}");

        model.send();

        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.fieldErrors()).containsKey("temp");
        assertThat(model.statusProperty().get()).isEqualTo("Not sent: fix the marked fields first.");
        assertThat(model.trackingProperty().get()).isFalse();
    }
}
