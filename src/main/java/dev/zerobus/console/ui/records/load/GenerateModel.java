package dev.zerobus.console.ui.records.load;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SyntheticRecords;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.workspace.ConnectionProfile;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/** A synthetic load from the table's schema at a target rate, for throughput trials. FX thread only. */
public final class GenerateModel {
    private final AppContext context;
    private final ObjectProperty<@Nullable TableDetails> table = new SimpleObjectProperty<>();
    private final LongProperty count = new SimpleLongProperty(10_000);
    private final IntegerProperty rate = new SimpleIntegerProperty(0);
    private final IntegerProperty streams = new SimpleIntegerProperty(1);
    private final IntegerProperty recordsPerRequest = new SimpleIntegerProperty(100);
    private final LongProperty seed = new SimpleLongProperty(42);
    private final ObjectProperty<RecordFormat> format = new SimpleObjectProperty<>(RecordFormat.JSON);
    private final LoadRunModel run;
    private final BooleanBinding canStart;

    public GenerateModel(AppContext context) {
        this.context = context;
        this.run = new LoadRunModel(context);
        canStart = Bindings.createBooleanBinding(() -> table.get() != null && context.activeProfile().get() != null
                && !run.runningProperty().get() && count.get() > 0, table, context.activeProfile(), run.runningProperty(), count);
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
        TableDetails t = table.get();
        ConnectionProfile profile = context.activeProfile().get();
        if (!canStart.get() || t == null || profile == null) return;
        var records = new SyntheticRecords(t.schema(), seed.get());
        RecordSource source = records.asSource(count.get());
        CodecOptions codec = CodecOptions.defaults();
        LoadOptions options = LoadOptions.defaults(format.get()).withStreams(streams.get()).withCodec(codec)
                .withRecordsPerRequest(Math.max(1, recordsPerRequest.get())).withRate(rate.get());
        var job = new LoadJob(profile, RecordCodec.forTable(t.schema(), codec), source, SourceOptions.jsonLines(),
                ColumnMapping.auto(t.schema(), source.columns()), options);
        run.start(job, "Generated load on " + t.schema().tableName(), profile, t);
    }
}
