package dev.zerobus.console.ui.records.fileimport;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.setup.SchemaDrift;
import dev.zerobus.console.setup.SchemaInference;
import dev.zerobus.console.setup.SetupException;
import dev.zerobus.console.setup.TableService;
import dev.zerobus.console.setup.Warehouses;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema drift on import: the file's columns (inferred from a bounded sample) that the table lacks, and, when the
 * person agrees after seeing the SQL, {@code ALTER TABLE ... ADD COLUMNS} (nullable) run as You on a SQL warehouse.
 * The altered table then goes to {@code altered} (the app makes it the active table, so it reloads everywhere).
 * Properties are FX-thread only.
 */
public final class DriftCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DriftCheck.class);

    private final ObservableValue<@Nullable ConnectionProfile> profile;
    private final Consumer<TableDetails> altered;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<@Nullable SchemaDrift> drift = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private long request;

    /**
     * @param profile    the active connection profile; its "You" runs the ALTER TABLE
     * @param altered    takes the table once its columns are added (called on the FX thread)
     * @param background runs the inference and the SQL
     * @param fx         the FX thread, where results come back
     */
    public DriftCheck(ObservableValue<@Nullable ConnectionProfile> profile, Consumer<TableDetails> altered, Executor background,
                      Executor fx) {
        this.profile = profile;
        this.altered = altered;
        this.background = background;
        this.fx = fx;
    }

    /** The drift when the file has columns the table lacks, else null. */
    public ReadOnlyObjectProperty<@Nullable SchemaDrift> driftProperty() { return drift.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Why adding the columns failed (which privilege you lack, who can grant it), empty when it did not. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    /** "The file has 2 columns the table lacks: note STRING, score DOUBLE." */
    public static String describe(SchemaDrift d) {
        return "The file has " + d.missing().size() + (d.missing().size() == 1 ? " column" : " columns") + " the table lacks: "
                + d.missing().stream().map(c -> c.name() + " " + TableSql.typeSql(c.type()))
                .collect(Collectors.joining(", ")) + ". They are not loaded unless you add them.";
    }

    void check(TableDetails table, Path file) {
        long mine = ++request;
        drift.set(null);
        problem.set("");
        CompletableFuture.supplyAsync(() -> SchemaDrift.of(table.schema(), SchemaInference.infer(file).tableColumns()), background)
                .whenCompleteAsync((found, error) -> {
                    if (mine != request) return;
                    if (error != null) {
                        LOG.debug("No drift check for {}: {}", file.getFileName(), error.toString());
                        return; // the preview reports unreadable files; drift is only a hint on top
                    }
                    drift.set(found.hasMissingColumns() ? found : null);
                }, fx);
    }

    void clear() {
        request++;
        drift.set(null);
        problem.set("");
    }

    /** Runs the drift's ALTER TABLE as You; on success the altered table goes to {@code altered}. */
    public void addColumns() {
        SchemaDrift d = drift.get();
        ConnectionProfile active = profile.getValue();
        if (d == null || active == null || running.get()) return;
        running.set(true);
        problem.set("");
        CompletableFuture.supplyAsync(() -> {
            var you = WorkspaceClients.asYou(active);
            String warehouse = new Warehouses(you).pick(null).id();
            return new TableService(you).addColumns(d, warehouse, Cancellation.none());
        }, background).whenCompleteAsync((table, error) -> {
            running.set(false);
            if (error == null) {
                drift.set(null);
                altered.accept(table);
                return;
            }
            Problem why = problemOf(error);
            problem.set(why.message() + " " + why.fix() + (why.copyableFix() == null ? "" : "\n" + why.copyableFix()));
        }, fx);
    }

    private static Problem problemOf(Throwable error) {
        Throwable cause = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
        if (cause instanceof SetupException e) return e.problem();
        if (cause instanceof CatalogException e) return e.problem();
        LOG.warn("Adding columns stopped unexpectedly", cause);
        return new Problem("Adding the columns stopped unexpectedly.", "Try again; if it repeats, attach the log file to a bug report.");
    }
}
