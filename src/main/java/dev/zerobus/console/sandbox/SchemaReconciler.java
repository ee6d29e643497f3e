package dev.zerobus.console.sandbox;

import dev.zerobus.console.sandbox.delta.DeltaTableStore;
import dev.zerobus.console.sandbox.metadata.Catalogs.CatalogInfo;
import dev.zerobus.console.sandbox.metadata.Catalogs.SchemaInfo;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import dev.zerobus.console.schema.TableColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, makes each managed Delta table's columns in the catalog file (workspace.json) those of its Delta log,
 * the source of truth: ALTER TABLE commits to Delta first, so a crash before the catalog file was written leaves
 * the catalog behind, and this puts it right. A column the catalog describes as Delta stores it is kept as the catalog
 * has it (VARCHAR length, comment); one only the Delta log has is taken from it; one only the catalog has (never
 * committed: nothing can be stored in it) is dropped. A managed table without any Delta log (CREATE TABLE interrupted
 * between the catalog and the Delta commit) gets its empty Delta table. Runs before any request is served.
 */
final class SchemaReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaReconciler.class);

    private SchemaReconciler() {}

    /** Returns the full names of the tables whose catalog columns were replaced. */
    static List<String> reconcile(WorkspaceState state, DeltaTableStore tables) {
        List<String> changed = new ArrayList<>();
        for (CatalogInfo catalog : state.catalogs()) {
            for (SchemaInfo schema : state.schemas(catalog.name())) {
                for (TableInfo table : state.tables(catalog.name(), schema.name())) {
                    if (!table.isManagedDelta()) continue;
                    Optional<List<TableColumn>> inDelta;
                    try {
                        inDelta = tables.columns(table.tableId());
                    } catch (RuntimeException e) {
                        LOG.warn("Cannot read the Delta schema of {}; its catalog columns stay as they are", table.fullName(), e);
                        continue;
                    }
                    if (inDelta.isEmpty()) {
                        // CREATE TABLE writes the catalog first: a crash before the Delta commit leaves no log. The
                        // table was never written to, so its empty Delta table is made now, as CREATE would have.
                        LOG.warn("Managed table {} has no Delta log (a CREATE TABLE was interrupted); creating it empty", table.fullName());
                        tables.create(table.tableId(), table.schema());
                        continue;
                    }
                    List<TableColumn> columns = merge(table.columns(), inDelta.get());
                    if (!columns.equals(table.columns())) {
                        LOG.warn("The catalog columns of {} were {} but its Delta log has {}: an ALTER TABLE was interrupted;"
                                + " taking the Delta log's", table.fullName(), names(table.columns()), names(columns));
                        state.replaceColumns(table.fullName(), columns);
                        changed.add(table.fullName());
                    }
                }
            }
        }
        return changed;
    }

    private static List<TableColumn> merge(List<TableColumn> catalog, List<TableColumn> delta) {
        List<TableColumn> merged = new ArrayList<>(delta.size());
        for (TableColumn d : delta) {
            TableColumn kept = catalog.stream().filter(c -> c.name().equals(d.name()) && same(c, d)).findFirst().orElse(d);
            merged.add(kept);
        }
        return merged;
    }

    private static boolean same(TableColumn catalog, TableColumn delta) {
        try {
            return DeltaTableStore.sameInDelta(catalog, delta);
        } catch (IllegalArgumentException e) {
            return false; // a type Delta cannot hold: the Delta log's column wins
        }
    }

    private static List<String> names(List<TableColumn> columns) {
        return columns.stream().map(TableColumn::name).toList();
    }
}
