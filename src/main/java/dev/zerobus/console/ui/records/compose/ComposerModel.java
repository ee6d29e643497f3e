package dev.zerobus.console.ui.records.compose;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.CodecResult;
import dev.zerobus.console.codec.FieldError;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.RecordSender;
import dev.zerobus.console.ingest.SessionOptions;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.source.SyntheticRecords;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.UiSettings;
import dev.zerobus.console.ui.records.shared.RecordJson;
import dev.zerobus.console.ui.records.shared.RowCounts;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.*;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The composer: one record as JSON text (the form edits the same record), validated by the table's codec as it
 * changes, sent once or N times on the table's composer stream, with the history of what was sent and the
 * templates saved for the table. FX thread only; generating copies, encoding and SDK calls run on the sender's
 * executor through the table's {@link RecordSender}. While records are on their way, {@link #trackingProperty()} is
 * true and the view calls {@link #refreshSent()} on a timer (~100 ms), never once per ACK.
 */
public final class ComposerModel {
    public enum Copies { SAME_RECORD, GENERATED }

    /** Opens a sender for a stream; {@code onOpened} runs on the sender's executor each time its stream opens. */
    @FunctionalInterface
    public interface Senders {
        RecordSender open(SessionOptions options, Consumer<IngestionSession> onOpened);
    }

    private static final int MAX_HISTORY_ROWS = 500;

    private final ObservableValue<@Nullable ConnectionProfile> profile;
    private final Senders senders;
    private final Function<ConnectionProfile, TableReader> readers;
    private final Consumer<ActiveIngestion> streamList;
    private final Executor fx;
    private final TableMemory memory;
    private final ObjectProperty<@Nullable TableDetails> table = new SimpleObjectProperty<>();
    private final StringProperty jsonText = new SimpleStringProperty("{}");
    private final ReadOnlyObjectWrapper<@Nullable Map<String, Object>> parsed = new ReadOnlyObjectWrapper<>();
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private final ObservableSet<String> unknownKeys = FXCollections.observableSet();
    private final ReadOnlyStringWrapper recordError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneId.systemDefault());
    private final ObjectProperty<RecordFormat> format = new SimpleObjectProperty<>(RecordFormat.JSON);
    private final IntegerProperty count = new SimpleIntegerProperty(1);
    private final ObjectProperty<Copies> copies = new SimpleObjectProperty<>(Copies.SAME_RECORD);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<SentRecord> history = FXCollections.observableArrayList();
    private final ObservableList<String> templates = FXCollections.observableArrayList();
    private final AtomicLong nextIndex = new AtomicLong();
    /** Records made on the background executor, with the sender they went to, until the FX thread lists them. */
    private final Queue<Arrival> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sendsRunning = new AtomicInteger();
    private final ReadOnlyBooleanWrapper tracking = new ReadOnlyBooleanWrapper();
    private volatile long historyEpoch; // FX thread writes; a table change starts a new history
    private @Nullable RecordCodec codec;
    private @Nullable RecordSender session;
    private long sampleSeed = 1;

    /**
     * @param profile    the active connection profile (nothing is sent without one)
     * @param settings   where each table's sent records and templates are remembered
     * @param senders    opens the table's stream sender (it runs on the background executor)
     * @param readers    a SQL reader per profile, for the rows before the stream (see {@link RowCounts})
     * @param streamList lists an opened stream in the Stream pane (called on the FX thread)
     * @param fx         the FX thread, where the listing is handed
     */
    public ComposerModel(ObservableValue<@Nullable ConnectionProfile> profile, UiSettings settings, Senders senders,
                         Function<ConnectionProfile, TableReader> readers, Consumer<ActiveIngestion> streamList, Executor fx) {
        this.profile = profile;
        this.senders = senders;
        this.readers = readers;
        this.streamList = streamList;
        this.fx = fx;
        this.memory = new TableMemory(settings);
        jsonText.addListener((obs, old, now) -> validate());
        zone.addListener((obs, old, now) -> { rebuildCodec(); validate(); });
        table.addListener((obs, old, now) -> tableChanged(now));
        format.addListener((obs, old, now) -> closeSession());
    }

    public ObjectProperty<@Nullable TableDetails> tableProperty() { return table; }
    public StringProperty jsonTextProperty() { return jsonText; }
    /** The record the JSON text holds, or null while the text is not a JSON object. */
    public ReadOnlyObjectProperty<@Nullable Map<String, Object>> parsedProperty() { return parsed.getReadOnlyProperty(); }
    /** The codec's message per top-level column. */
    public ObservableMap<String, String> fieldErrors() { return fieldErrors; }
    /** Top-level JSON keys that are no column of the table (the editor marks them). */
    public ObservableSet<String> unknownKeys() { return unknownKeys; }
    public ReadOnlyStringProperty recordErrorProperty() { return recordError.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ObjectProperty<ZoneId> zoneProperty() { return zone; }
    public ObjectProperty<RecordFormat> formatProperty() { return format; }
    public IntegerProperty countProperty() { return count; }
    public ObjectProperty<Copies> copiesProperty() { return copies; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<SentRecord> history() { return history; }
    public ObservableList<String> templates() { return templates; }
    /** Whether sent records may still change (being generated, sent or waiting for their ACK). */
    public ReadOnlyBooleanProperty trackingProperty() { return tracking.getReadOnlyProperty(); }

    /** The form changed: its record becomes the JSON text. */
    public void updateFromForm(Map<String, ?> record) {
        jsonText.set(RecordJson.write(record));
    }

    /** Fills the record with generated values; the seed advances so each click gives a new record. */
    public void fillSample() {
        TableDetails t = table.get();
        if (t == null) return;
        jsonText.set(RecordJson.write(new SyntheticRecords(t.schema(), sampleSeed++).next()));
    }

    /** Sends the record (or {@code count} copies or generated records) on the table's composer stream. */
    public void send() {
        TableDetails t = table.get();
        ConnectionProfile active = profile.getValue();
        if (t == null || codec == null) return;
        if (active == null) {
            status.set("Choose a connection profile in the Connection pane first.");
            return;
        }
        if (!valid.get()) {
            status.set("Not sent: fix the marked fields first.");
            return;
        }
        RecordSender s = session(active, t);
        long epoch = historyEpoch;
        String json = jsonText.get();
        boolean generated = copies.get() == Copies.GENERATED;
        var generator = generated ? new SyntheticRecords(t.schema(), System.nanoTime()) : null;
        int n = Math.max(1, count.get());
        sendsRunning.incrementAndGet();
        s.send(codec, n, i -> generator != null && i > 0 ? RecordJson.write(generator.next()) : json, sentJson -> {
            var record = new SentRecord(nextIndex.getAndIncrement(), sentJson, SentRecord.Status.SENDING);
            arrived.add(new Arrival(epoch, record));
            return record;
        });
        s.inOrder(sendsRunning::decrementAndGet);
        memory.remember(t.fullName(), json);
        status.set(n == 1 ? "Record sent to " + t.fullName() : n + " records sent to " + t.fullName());
        tracking.set(true);
    }

    public void resend(SentRecord record) {
        jsonText.set(record.json());
        send();
    }

    public void edit(SentRecord record) {
        jsonText.set(record.json());
    }

    public void saveTemplate(String name) {
        TableDetails t = table.get();
        if (t == null || name.isBlank()) return;
        memory.saveTemplate(t.fullName(), name.strip(), jsonText.get());
        if (!templates.contains(name.strip())) templates.add(name.strip());
        status.set("Template '" + name.strip() + "' saved for " + t.fullName());
    }

    public void loadTemplate(String name) {
        TableDetails t = table.get();
        if (t == null) return;
        String json = memory.templates(t.fullName()).get(name);
        if (json != null) jsonText.set(json);
    }

    /** Closes the composer's stream (the table, profile or record type changed, or the window closes). */
    public void closeSession() {
        if (session != null) session.close();
        session = null;
    }

    private RecordSender session(ConnectionProfile active, TableDetails t) {
        RecordFormat f = format.get();
        if (session != null && session.options().profile().equals(active) && session.options().table().equals(t.fullName())
                && session.options().format() == f) {
            return session;
        }
        closeSession();
        SessionOptions options = f == RecordFormat.JSON
                ? SessionOptions.json(active, t.fullName())
                : SessionOptions.proto(active, t.fullName(), ProtoSchemaMapper.map(t.schema()).descriptor());
        session = senders.open(options, opened -> announce(active, t, opened));
        return session;
    }

    /** Sender thread: lists the stream in the Stream pane, with the row count before it when that is cheap. */
    private void announce(ConnectionProfile active, TableDetails t, IngestionSession opened) {
        long before = RowCounts.before(readers, active, t);
        fx.execute(() -> streamList.accept(
                new ActiveIngestion("Composer: " + t.schema().tableName(), t, Instant.now(), null, opened, before)));
    }

    /** FX thread: lists the records made since the last call and shows what became of each. */
    public void refreshSent() {
        var fresh = new ArrayDeque<SentRecord>();
        for (Arrival a; (a = arrived.poll()) != null; ) {
            if (a.epoch() != historyEpoch) continue; // sent to the table shown before
            fresh.addFirst(a.record()); // newest first, as the history shows them
            if (fresh.size() > MAX_HISTORY_ROWS) fresh.removeLast();
        }
        if (!fresh.isEmpty()) history.addAll(0, fresh);
        if (history.size() > MAX_HISTORY_ROWS) history.remove(MAX_HISTORY_ROWS, history.size());
        boolean pending = sendsRunning.get() > 0 || !arrived.isEmpty();
        for (SentRecord r : history) pending |= r.refresh();
        tracking.set(pending);
    }

    private record Arrival(long epoch, SentRecord record) {}

    private void tableChanged(@Nullable TableDetails now) {
        closeSession();
        historyEpoch++;
        status.set(""); // "sent to" named the previous table
        history.clear();
        templates.clear();
        rebuildCodec();
        if (now == null) {
            jsonText.set("{}");
            return;
        }
        memory.history(now.fullName()).forEach(json ->
                history.add(new SentRecord(nextIndex.getAndIncrement(), json, SentRecord.Status.EARLIER)));
        templates.setAll(memory.templates(now.fullName()).keySet());
        if (history.isEmpty()) fillSample(); else jsonText.set(history.getFirst().json());
        validate();
    }

    private boolean isColumn(String name) {
        TableDetails t = table.get();
        return t != null && t.schema().columns().stream().anyMatch(c -> c.name().equals(name));
    }

    /** A key with no form field: the message names it and the fix, as the JSON editor marks it. */
    private void unknownKey(String key, FieldError error) {
        unknownKeys.add(key);
        String line = "JSON key \"" + key + "\": " + error.message() + " Fix: rename the key to a column of "
                + table.get().fullName() + " or remove it; Send stays off until then.";
        recordError.set(recordError.get().isEmpty() ? line : recordError.get() + "\n" + line);
    }

    private void rebuildCodec() {
        TableDetails t = table.get();
        codec = t == null ? null : RecordCodec.forTable(t.schema(), CodecOptions.defaults().withZone(zone.get()));
    }

    private void validate() {
        parsed.set(RecordJson.read(jsonText.get()));
        fieldErrors.clear();
        unknownKeys.clear();
        recordError.set("");
        if (codec == null) {
            valid.set(false);
            return;
        }
        CodecResult<String> result = codec.toJson(jsonText.get());
        if (result instanceof CodecResult.Invalid<String> invalid) {
            for (FieldError error : invalid.errors()) {
                String column = RecordJson.columnOf(error.path());
                if (column.isEmpty()) recordError.set(error.describe());
                else if (!isColumn(column)) unknownKey(column, error);
                else fieldErrors.merge(column, error.describe(), (a, b) -> a + "\n" + b);
            }
        }
        valid.set(result instanceof CodecResult.Encoded<String>);
    }
}
