package dev.zerobus.console.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.ZerobusSupport;
import dev.zerobus.console.ingest.IngestEvent;
import dev.zerobus.console.ingest.LoadProgress;
import dev.zerobus.console.ingest.SessionState;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ErrorExplainer;
import dev.zerobus.console.workspace.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pane's models without the toolkit: commands run on the calling thread ({@code Runnable::run}). */
class StreamModelsTest {
    @TempDir Path dir;

    static final TableSchema SCHEMA = new TableSchema("main.default.sensor_readings", List.of(
            new TableColumn("device_name", ColumnType.of(ColumnType.Kind.STRING), false),
            new TableColumn("ts", ColumnType.of(ColumnType.Kind.TIMESTAMP), true)));
    static final ConnectionProfile PROFILE = new ConnectionProfile("prod", ConnectionProfile.Source.SAVED,
            "https://dbc-1.cloud.databricks.com", "1.zerobus.us-west-2.cloud.databricks.com", "sp-id", Secret.of("s3cr3t-value"));

    static ActiveIngestion ingestion() {
        var table = new TableDetails(SCHEMA, "id", "MANAGED", "DELTA", null, null, null, null, null, Map.of(),
                ZerobusSupport.of("MANAGED", "DELTA"));
        return new ActiveIngestion("Composer", table, Instant.parse("2026-01-01T10:00:00Z"), null, null, 10);
    }

    static EventRow retry() {
        var why = ErrorExplainer.explain("Stream closed by server");
        return new EventRow(1, new IngestEvent(Instant.parse("2026-01-01T10:00:05Z"), IngestEvent.Kind.ERROR, why.message(), why));
    }

    @Test
    void savesABundleWithoutTheSecretAndOpensItAgain() throws Exception {
        Path zip = dir.resolve("session.zip");
        var content = new SessionBundle.Content(ingestion(), PROFILE, StreamStats.EMPTY, List.of(retry()),
                List.of(Map.of("device_name", "dev-1", "ts", "2026-01-01T10:00:00Z")));

        SessionBundle.write(zip, content);
        Map<String, String> files = SessionBundle.read(zip);

        assertThat(files).containsKeys("README.txt", "profile.json", "schema.json", "options.json", "summary.json", "events.log", "sample.jsonl");
        assertThat(String.join("\n", files.values())).doesNotContain("s3cr3t-value");
        assertThat(files.get("profile.json")).contains("\"clientId\" : \"sp-id\"", SessionBundle.SECRET_PLACEHOLDER);
        assertThat(files.get("schema.json")).contains("\"device_name\"", "\"timestamp\"");
        assertThat(files.get("events.log")).contains("ERROR", "| fix: ");
        assertThat(files.get("sample.jsonl")).contains("\"device_name\":\"dev-1\"");
    }

    @Test
    void saysInTheBundleWhyThereIsNoSample() throws Exception {
        Path zip = dir.resolve("empty.zip");
        SessionBundle.write(zip, new SessionBundle.Content(ingestion(), PROFILE, StreamStats.EMPTY, List.of(), List.of()));

        assertThat(SessionBundle.read(zip).get("README.txt")).contains("Run Verify before saving");
    }

    @Test
    void refusesToOpenAZipThatIsNoBundle() throws Exception {
        Path zip = dir.resolve("other.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("x.txt"));
        }
        var model = new StreamModel(FXCollections.observableArrayList(), Runnable::run, Runnable::run);
        var files = new SessionFiles(model, () -> null, Runnable::run, Runnable::run);

        files.openBundle(zip);

        assertThat(files.openedProperty().get()).isNull();
        assertThat(model.messageIsProblemProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("other.zip is not a session bundle: it has no profile.json or events.log. Open a .zip written by Save session….");
    }

    @Test
    void exportsOnlyTheEventsThatPassTheFilter() throws Exception {
        var model = new StreamModel(FXCollections.observableArrayList(), Runnable::run, Runnable::run);
        var files = new SessionFiles(model, () -> null, Runnable::run, Runnable::run);
        model.events().setAll(retry(), new EventRow(2, new IngestEvent(Instant.now(), IngestEvent.Kind.OPENED, "Stream 1 open", null)));
        model.eventFilterProperty().set("error");

        files.exportEvents(dir.resolve("events.log"));

        assertThat(Files.readAllLines(dir.resolve("events.log"))).hasSize(1).first().asString().contains("stream 1  ERROR");
        assertThat(model.messageProperty().get()).isEqualTo("Exported 1 event(s) to events.log.");
    }

    @Test
    void theWorstStreamStateWinsTheBadge() {
        var running = new LoadProgress(10, 0, 10, 5, 0, 0, 0, 1, 0.5, Duration.ofSeconds(1), null, false, false, false);
        var paused = new LoadProgress(10, 0, 10, 5, 0, 0, 0, 1, 0.5, Duration.ofSeconds(1), null, true, false, false);
        var done = new LoadProgress(10, 0, 10, 10, 0, 0, 0, 1, 1, Duration.ofSeconds(1), null, false, true, false);

        assertThat(StreamBadge.of(List.of(SessionState.OPEN, SessionState.RECOVERING), running)).isEqualTo(StreamBadge.RECOVERING);
        assertThat(StreamBadge.of(List.of(SessionState.OPEN, SessionState.FAILED), running)).isEqualTo(StreamBadge.FAILED);
        assertThat(StreamBadge.of(List.of(SessionState.OPEN), paused)).isEqualTo(StreamBadge.PAUSED);
        assertThat(StreamBadge.of(List.of(SessionState.CLOSED, SessionState.CLOSED), done)).isEqualTo(StreamBadge.DONE);
        assertThat(StreamBadge.of(List.of(SessionState.CLOSED), null)).isEqualTo(StreamBadge.CLOSED);
    }

    @Test
    void theGaugeWarningSaysNearOnlyAt80To100PercentAndOverAbove() {
        // default quota: 100,000 records/s per stream (quotas page)
        assertThat(withRates(50_000, 1_000_000, 1).limitWarning()).as("50 %").isNull();
        assertThat(withRates(90_000, 1_000_000, 1).limitWarning()).as("90 %")
                .isEqualTo("Near the quota: 90 % of 100,000 records/s per stream. Add streams or batch records before you reach it.");
        assertThat(withRates(300_000, 1_000_000, 1).limitWarning()).as("300 %")
                .startsWith("Over the quota: 300,000 records/s is 300 % of 100,000 records/s per stream.")
                .contains("ask Databricks to raise the quota");
        assertThat(withRates(90_000, 1_000_000, 2).limitWarning()).as("45 % of two streams' quota").isNull();
        assertThat(withRates(100, 85_000_000, 1).limitWarning()).startsWith("Near the quota: 85 % of 100 MB/s per stream.");
        assertThat(withRates(100, 300_000_000, 1).limitWarning()).startsWith("Over the quota: 300 % of 100 MB/s per stream.");
    }

    @Test
    void theGaugesFollowTheProfilesQuota() {
        StreamStats older = new StreamStats(StreamBadge.OPEN, 1, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, 13_500, 0, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, null, null, null, 15_000, 0);
        assertThat(older.recordsLimit()).isEqualTo(15_000);
        assertThat(older.limitWarning()).isEqualTo("Near the quota: 90 % of 15,000 records/s per stream. Add streams or batch records "
                + "before you reach it.");
    }

    @Test
    void describesTheRowCountDeltaSinceTheSessionBegan() {
        assertThat(VerifyModel.describe(1_000, 5_000, 4_000)).startsWith("+4,000 rows since the session began (1,000 → 5,000)");
        assertThat(VerifyModel.describe(-1, 5_000, 4_000)).startsWith("5,000 rows in the table now");
        assertThat(VerifyModel.newestFirstColumn(SCHEMA)).isEqualTo("ts");
    }

    private static StreamStats withRates(double records, double bytes, int streams) {
        var e = StreamStats.EMPTY;
        return new StreamStats(StreamBadge.OPEN, streams, 0, 0, 0, 0, 0, -1, -1, 0, 0, 0, records, bytes, e.latencyP50(),
                e.latencyP99(), e.elapsed(), null, null, null, e.recordsQuota(), 0);
    }
}
