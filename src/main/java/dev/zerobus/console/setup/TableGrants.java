package dev.zerobus.console.setup;

import com.databricks.sdk.WorkspaceClient;
import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.HeldPrivilege;
import dev.zerobus.console.catalog.TableName;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The grants Zerobus needs, given as "You" with SQL {@code GRANT} on a warehouse: USE CATALOG and USE SCHEMA on the
 * parents, SELECT and MODIFY on the table itself (https://docs.databricks.com/aws/en/ingestion/zerobus-ingest). This
 * is the doctor's "Grant now": {@link #grantMissing} grants only what the principal lacks. When "You" may not grant
 * (only the owner, someone with MANAGE, or a metastore admin may), the outcome says which privilege you lack, who can
 * grant it and the GRANTs to hand them. Blocking; thread-safe.
 */
public final class TableGrants {
    private final WorkspaceClient client;
    private final TableService tables;

    public TableGrants(WorkspaceClient you) {
        this(you, new TableService(you));
    }

    TableGrants(WorkspaceClient you, TableService tables) {
        this.client = Objects.requireNonNull(you, "you");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /** Every GRANT Zerobus needs for {@code principal} (an application id) on {@code table}, in the order they run. */
    public static List<String> statements(String table, String principal) {
        return TableService.checked(() -> TableSql.ingestGrants(table, principal));
    }

    /**
     * The GRANTs {@code principal} still needs, from its effective privileges (read as "You"). When they cannot be
     * read, every GRANT (re-granting a held privilege changes nothing in Unity Catalog).
     */
    public List<String> missing(String table, String principal) {
        return missing(table, principal, null);
    }

    /**
     * As {@link #missing(String, String)}; when "You" may not read the principal's privileges, they are read as
     * {@code principalClient} (a principal may read its own, as the doctor does).
     */
    private List<String> missing(String table, String principal, @Nullable WorkspaceClient principalClient) {
        TableName name = TableService.checked(() -> TableSql.tableName(table));
        List<HeldPrivilege> held;
        try {
            held = new CatalogBrowser(client).effectivePrivileges(name.fullName(), principal);
        } catch (CatalogException e) {
            if (principalClient == null) return statements(table, principal);
            try {
                held = new CatalogBrowser(principalClient).effectivePrivileges(name.fullName(), principal);
            } catch (CatalogException again) {
                return statements(table, principal);
            }
        }
        Set<String> any = new TreeSet<>();
        Set<String> onTable = new TreeSet<>();
        for (HeldPrivilege p : held) {
            any.add(p.privilege());
            if (!p.isInherited()) onTable.add(p.privilege());
        }
        List<String> all = statements(table, principal);
        List<String> result = new ArrayList<>();
        boolean allPrivileges = any.contains("ALL_PRIVILEGES");
        if (!allPrivileges && !any.contains("USE_CATALOG")) result.add(all.get(0));
        if (!allPrivileges && !any.contains("USE_SCHEMA")) result.add(all.get(1));
        boolean tableAll = onTable.contains("ALL_PRIVILEGES");
        if (!tableAll && (!onTable.contains("SELECT") || !onTable.contains("MODIFY"))) result.add(all.get(2));
        return result;
    }

    /** "Grant now": grants what {@code principal} lacks on {@code table}; see {@link GrantOutcome}. */
    public GrantOutcome grantMissing(String table, String principal, String warehouseId, Cancellation cancellation) {
        return grant(table, principal, missing(table, principal), warehouseId, cancellation);
    }

    /** Runs every GRANT Zerobus needs (set-up of a new principal). */
    public GrantOutcome grantAll(String table, String principal, String warehouseId, Cancellation cancellation) {
        return grant(table, principal, statements(table, principal), warehouseId, cancellation);
    }

    private GrantOutcome grant(String table, String principal, List<String> todo, String warehouseId, Cancellation cancellation) {
        List<String> granted = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++) {
            String sql = todo.get(i);
            try {
                tables.run(warehouseId, sql, cancellation, "run " + sql);
                granted.add(sql);
            } catch (SetupException e) {
                List<String> rest = todo.subList(i, todo.size());
                return new GrantOutcome(table, principal, granted, rest, refused(e.problem(), rest));
            }
        }
        return new GrantOutcome(table, principal, granted, List.of(), null);
    }

    private static Problem refused(Problem why, List<String> rest) {
        String handOver = String.join(";\n", rest) + ";";
        return why.withText(why.message(), why.copyableFix() == null
                ? why.fix() + " Or hand the GRANT statements below to the table's owner, someone with MANAGE on it, or a metastore admin."
                : why.fix() + " Or hand them the GRANT statements below, which give the principal what Zerobus needs.",
                (why.copyableFix() == null ? "" : "-- for you:\n" + why.copyableFix() + "\n-- or, for the principal:\n") + handOver);
    }

    /**
     * "Grant now" for the doctor's failed GRANTS step: grants what {@code principal} lacks on {@code table} as "You"
     * on {@code warehouseId} (null: the first running warehouse).
     */
    public GrantOutcome grantNow(String table, String principal, @Nullable String warehouseId, Cancellation cancellation) {
        String warehouse = new Warehouses(client).pick(warehouseId).id();
        return grantMissing(table, principal, warehouse, cancellation);
    }

    /**
     * "Grant now" for a profile's "Ingest as" principal (what the doctor checked): what it lacks is read as "You",
     * else as the principal itself, so that only the missing GRANTs run.
     */
    public GrantOutcome grantNow(ConnectionProfile profile, String table, @Nullable String warehouseId, Cancellation cancellation) {
        String warehouse = new Warehouses(client).pick(warehouseId).id();
        WorkspaceClient principalClient = profile.hasIngestIdentity() ? WorkspaceClients.create(profile) : null;
        List<String> todo = missing(table, profile.clientId(), principalClient);
        return grant(table, profile.clientId(), todo, warehouse, cancellation);
    }
}
