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
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema drift on import: the file's columns (inferred from a bounded sample) that the table lacks, and, when the
 * person agrees after seeing the SQL, {@code ALTER TABLE ... ADD COLUMNS} (nullable) run as You on a SQL warehouse.
 * The table then reloads everywhere (the active table changes). Properties are FX-thread only.
 */
public final class DriftCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DriftCheck.class);

    private final AppContext context;
    private final ReadOnlyObjectWrapper<@Nullable SchemaDrift> drift = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private long request;

    DriftCheck(AppContext context) {
        this.context = context;
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
        CompletableFuture.supplyAsync(() -> SchemaDrift.of(table.schema(), SchemaInference.infer(file).tableColumns()), context.background())
                .whenCompleteAsync((found, error) -> {
                    if (mine != request) return;
                    if (error != null) {
                        LOG.debug("No drift check for {}: {}", file.getFileName(), error.toString());
                        return; // the preview reports unreadable files; drift is only a hint on top
                    }
                    drift.set(found.hasMissingColumns() ? found : null);
                }, context.fx());
    }

    void clear() {
        request++;
        drift.set(null);
        problem.set("");
    }

    /** Runs the drift's ALTER TABLE as You; on success the active table is the altered one. */
    public void addColumns() {
        SchemaDrift d = drift.get();
        ConnectionProfile profile = context.activeProfile().get();
        if (d == null || profile == null || running.get()) return;
        running.set(true);
        problem.set("");
        CompletableFuture.supplyAsync(() -> {
            var you = WorkspaceClients.asYou(profile);
            String warehouse = new Warehouses(you).pick(null).id();
            return new TableService(you).addColumns(d, warehouse, Cancellation.none());
        }, context.background()).whenCompleteAsync((altered, error) -> {
            running.set(false);
            if (error == null) {
                drift.set(null);
                context.activeTable().set(altered);
                return;
            }
            Problem why = problemOf(error);
            problem.set(why.message() + " " + why.fix() + (why.copyableFix() == null ? "" : "\n" + why.copyableFix()));
        }, context.fx());
    }

    private static Problem problemOf(Throwable error) {
        Throwable cause = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
        if (cause instanceof SetupException e) return e.problem();
        if (cause instanceof CatalogException e) return e.problem();
        LOG.warn("Adding columns stopped unexpectedly", cause);
        return new Problem("Adding the columns stopped unexpectedly.", "Try again; if it repeats, attach the log file to a bug report.");
    }
}
