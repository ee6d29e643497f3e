package dev.zerobus.console.ui.records.load;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SyntheticRecords;
import dev.zerobus.console.ui.UiSettings;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic load from the table's schema at a target rate, for throughput trials. The form's values are remembered
 * across launches (settings "generate.*"). FX thread only.
 */
public final class GenerateModel {
    private final ObservableValue<@Nullable ConnectionProfile> profile;
    private final UiSettings settings;
    private final ObjectProperty<@Nullable TableDetails> table = new SimpleObjectProperty<>();
    private final LongProperty count = new SimpleLongProperty(10_000);
    private final IntegerProperty rate = new SimpleIntegerProperty(0);
    private final IntegerProperty streams = new SimpleIntegerProperty(1);
    private final IntegerProperty recordsPerRequest = new SimpleIntegerProperty(100);
    private final LongProperty seed = new SimpleLongProperty(42);
    private final ObjectProperty<RecordFormat> format = new SimpleObjectProperty<>(RecordFormat.JSON);
    private final LoadRunModel run;
    private final BooleanBinding canStart;

    /**
     * @param profile  the active connection profile (no load starts without one)
     * @param settings where the form's values are remembered
     * @param run      runs the load and shows its progress
     */
    public GenerateModel(ObservableValue<@Nullable ConnectionProfile> profile, UiSettings settings, LoadRunModel run) {
        this.profile = profile;
        this.settings = settings;
        this.run = run;
        remember();
        canStart = Bindings.createBooleanBinding(() -> table.get() != null && profile.getValue() != null
                && !run.runningProperty().get() && count.get() > 0, table, profile, run.runningProperty(), count);
    }

    public ObjectProperty<@Nullable TableDetails> tableProperty() { return table; }
    public LongProperty countProperty() { return count; }
    /** Records per second; 0 is as fast as the stream takes them. */
    public IntegerProperty rateProperty() { return rate; }
    public IntegerProperty streamsProperty() { return streams; }
    public IntegerProperty recordsPerRequestProperty() { return recordsPerRequest; }
    public LongProperty seedProperty() { return seed; }
    public ObjectProperty<RecordFormat> formatProperty() { return format; }
    public BooleanBinding canStart() { return canStart; }
    public LoadRunModel run() { return run; }

    public void start() {
        start(null);
    }

    /**
     * Continues a stopped generated load with its own count, seed and settings: the same seed makes the same records,
     * and the ones that already landed are skipped, so the table ends with each record once.
     */
    public void resume(UnfinishedLoad load) {
        var r = load.recipe();
        if (r.kind() != UnfinishedLoad.Recipe.Kind.GENERATED) return;
        count.set(r.count());
        seed.set(r.seed());
        rate.set(r.rate());
        streams.set(r.streams());
        recordsPerRequest.set(r.recordsPerRequest());
        format.set(r.format());
        start(load);
    }

    private void start(@Nullable UnfinishedLoad resume) {
        TableDetails t = table.get();
        ConnectionProfile active = profile.getValue();
        if (!canStart.get() || t == null || active == null) return;
        var records = new SyntheticRecords(t.schema(), seed.get());
        RecordSource source = records.asSource(count.get());
        CodecOptions codec = CodecOptions.defaults();
        LoadOptions options = LoadOptions.defaults(format.get()).withStreams(streams.get()).withCodec(codec)
                .withRecordsPerRequest(Math.max(1, recordsPerRequest.get())).withRate(rate.get())
                .withAlreadyDurable(resume == null ? null : resume.ranges());
        var job = new LoadJob(active, RecordCodec.forTable(t.schema(), codec), source, SourceOptions.jsonLines(),
                ColumnMapping.auto(t.schema(), source.columns()), options);
        var recipe = UnfinishedLoad.Recipe.generated(count.get(), seed.get(), rate.get(), streams.get(), recordsPerRequest.get(), format.get());
        run.start(job, "Generated load on " + t.schema().tableName(), active, t, recipe,
                resume == null ? UUID.randomUUID().toString() : resume.id());
    }

    /** Restores the last values and keeps them as they change. */
    private void remember() {
        UiSettings s = settings;
        count.set(Math.clamp(s.getLong("generate.count", count.get()), 1, 100_000_000));
        rate.set((int) Math.clamp(s.getLong("generate.rate", rate.get()), 0, 1_000_000));
        streams.set((int) Math.clamp(s.getLong("generate.streams", streams.get()), 1, 16));
        recordsPerRequest.set((int) Math.clamp(s.getLong("generate.recordsPerRequest", recordsPerRequest.get()), 1, 10_000));
        seed.set(Math.clamp(s.getLong("generate.seed", seed.get()), 0, Integer.MAX_VALUE));
        try {
            format.set(RecordFormat.valueOf(s.get("generate.format", format.get().name())));
        } catch (IllegalArgumentException unknown) {
            // A value from another version: keep the default.
        }
        count.subscribe(v -> s.putLong("generate.count", v.longValue()));
        rate.subscribe(v -> s.putLong("generate.rate", v.longValue()));
        streams.subscribe(v -> s.putLong("generate.streams", v.longValue()));
        recordsPerRequest.subscribe(v -> s.putLong("generate.recordsPerRequest", v.longValue()));
        seed.subscribe(v -> s.putLong("generate.seed", v.longValue()));
        format.subscribe(v -> s.put("generate.format", v.name()));
    }
}
