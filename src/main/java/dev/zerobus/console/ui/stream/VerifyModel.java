package dev.zerobus.console.ui.stream;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * "Verify": reads the table back through a SQL warehouse (row count and the newest rows) so the user sees the records
 * land. Runs on {@code background} with a Cancel; a warehouse that has to start can take a minute.
 */
public final class VerifyModel {
    static final int LAST_ROWS = 10;

    private final Function<ConnectionProfile, TableReader> readers;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(
            "Verify reads the table back: the rows added since the session began and the newest rows.");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<Map<String, @Nullable String>> rows = FXCollections.observableArrayList();
    private @Nullable Cancellation cancellation;

    private record Result(long after, List<Map<String, @Nullable String>> rows) {}

    /** What Verify showed for one ingestion, restored when it is selected again. */
    private record Shown(String summary, String problem, List<String> columns, List<Map<String, @Nullable String>> rows) {}

    private static final String INTRO = "Verify reads the table back: the rows added since the session began and the newest rows.";
    private final Map<ActiveIngestion, Shown> shownFor = new IdentityHashMap<>();
    private @Nullable ActiveIngestion current;

    public VerifyModel(Function<ConnectionProfile, TableReader> readers, Executor background, Executor fx) {
        this.readers = readers;
        this.background = background;
        this.fx = fx;
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ObservableList<String> columns() { return columns; }
    /** The newest rows read back, each column name to the warehouse's text (null for NULL). */
    public ObservableList<Map<String, @Nullable String>> rows() { return rows; }

    /**
     * Shows what Verify found for {@code ingestion} (the one selected in the Stream pane), or the introduction if it
     * was not verified: a result never shows under another session. A Verify still running keeps its result for its
     * own ingestion.
     */
    public void select(@Nullable ActiveIngestion ingestion) {
        current = ingestion;
        Shown shown = ingestion == null ? null : shownFor.get(ingestion);
        summary.set(shown == null ? INTRO : shown.summary());
        problem.set(shown == null ? "" : shown.problem());
        columns.setAll(shown == null ? List.of() : shown.columns());
        rows.setAll(shown == null ? List.of() : shown.rows());
    }

    /** Reads back as the ingestion's streams wrote (their profile), else as {@code fallback} (the active profile). */
    public void verify(@Nullable ActiveIngestion ingestion, @Nullable ConnectionProfile fallback, long recordsAcked) {
        if (running.get()) return;
        ConnectionProfile profile = ingestion == null || ingestion.sessions().isEmpty() ? fallback
                : ingestion.sessions().getFirst().options().profile();
        current = ingestion;
        if (ingestion == null || profile == null) {
            problem.set("Nothing to verify: start a load or a composer session in the Records pane first.");
            return;
        }
        TableSchema schema = ingestion.table().schema();
        var token = new Cancellation();
        cancellation = token;
        running.set(true);
        problem.set("");
        summary.set("Reading " + schema.fullName() + " back…");
        CompletableFuture.supplyAsync(() -> {
            TableReader reader = readers.apply(profile);
            long after = reader.count(schema.fullName(), token);
            return new Result(after, reader.lastRows(schema, LAST_ROWS, newestFirstColumn(schema), token));
        }, background).whenCompleteAsync((result, error) -> {
            running.set(false);
            Shown shown;
            if (error != null) {
                boolean cancelled = error instanceof CancellationException || error.getCause() instanceof CancellationException;
                shown = new Shown(cancelled ? "Verify cancelled." : "Verify failed.", cancelled ? "" : StreamProblems.describe(error),
                        List.of(), List.of());
            } else {
                shown = new Shown(describe(ingestion.rowsBefore(), result.after(), recordsAcked), "",
                        schema.columns().stream().map(TableColumn::name).toList(), result.rows());
            }
            shownFor.put(ingestion, shown);
            if (ingestion == current) select(ingestion);
        }, fx);
    }

    public void cancel() {
        if (cancellation != null) cancellation.cancel();
    }

    static String describe(long before, long after, long acked) {
        if (before < 0) {
            return String.format(Locale.ROOT, "%,d rows in the table now (the count when the session began is unknown); %,d records ACKed.", after, acked);
        }
        return String.format(Locale.ROOT, "%+,d rows since the session began (%,d → %,d); %,d records ACKed by the stream(s).",
                after - before, before, after, acked);
    }

    /** The newest rows are those with the latest timestamp, when the table has one. */
    static @Nullable String newestFirstColumn(TableSchema schema) {
        return schema.columns().stream()
                .filter(c -> c.type() instanceof ColumnType.Primitive p && p.kind().name().startsWith("TIMESTAMP"))
                .map(TableColumn::name).findFirst().orElse(null);
    }
}
