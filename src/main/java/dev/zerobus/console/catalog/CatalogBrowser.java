package dev.zerobus.console.catalog;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.EffectivePermissionsList;
import com.databricks.sdk.service.catalog.EffectivePrivilegeAssignment;
import com.databricks.sdk.service.catalog.GetEffectiveRequest;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.catalog.ListSchemasRequest;
import com.databricks.sdk.service.catalog.ListTablesRequest;
import com.databricks.sdk.service.catalog.PrivilegeAssignment;
import com.databricks.sdk.service.catalog.SchemaInfo;
import com.databricks.sdk.service.iam.MeRequest;
import dev.zerobus.console.schema.TableColumn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Browses and manages Unity Catalog through the official {@link WorkspaceClient}. Every call blocks on HTTP: run it off
 * the FX thread. Thread-safe (holds only the thread-safe client). Failures are {@link CatalogException}s; a cancelled
 * listing throws {@link CancellationException} and returns nothing.
 */
public final class CatalogBrowser {
    private final WorkspaceClient client;

    public CatalogBrowser(WorkspaceClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public List<CatalogSummary> listCatalogs() {
        return listCatalogs(Cancellation.none(), item -> {});
    }

    /** {@code onItem} sees each entry as its page arrives (for progress); on cancel, discard what it saw. */
    public List<CatalogSummary> listCatalogs(Cancellation cancellation, Consumer<? super CatalogSummary> onItem) {
        return list(() -> client.catalogs().list(new ListCatalogsRequest()), CatalogBrowser::catalog,
                cancellation, onItem, "list the catalogs");
    }

    public List<SchemaSummary> listSchemas(String catalog) {
        return listSchemas(catalog, Cancellation.none(), item -> {});
    }

    public List<SchemaSummary> listSchemas(String catalog, Cancellation cancellation, Consumer<? super SchemaSummary> onItem) {
        return list(() -> client.schemas().list(new ListSchemasRequest().setCatalogName(catalog)), CatalogBrowser::schema,
                cancellation, onItem, "list the schemas of catalog " + catalog);
    }

    public List<TableSummary> listTables(String catalog, String schema) {
        return listTables(catalog, schema, Cancellation.none(), item -> {});
    }

    public List<TableSummary> listTables(String catalog, String schema, Cancellation cancellation,
                                         Consumer<? super TableSummary> onItem) {
        var request = new ListTablesRequest().setCatalogName(catalog).setSchemaName(schema)
                .setOmitColumns(true).setOmitProperties(true);
        return list(() -> client.tables().list(request), TableInfos::summary, cancellation, onItem,
                "list the tables of " + catalog + "." + schema);
    }

    /** The table with its parsed columns; a missing table's problem lists the tables that do exist in its schema. */
    public TableDetails table(String fullName) {
        TableName name = TableName.parse(fullName);
        try {
            return TableInfos.details(client.tables().get(name.fullName()));
        } catch (RuntimeException e) {
            throw SdkErrors.isNotFound(e) ? tableNotFound(name, e) : SdkErrors.translate(e, "read table " + name.fullName());
        }
    }

    /**
     * Creates a managed Delta table the way Databricks does: {@code CREATE TABLE} SQL (see {@link TableSql#createTable})
     * on a SQL warehouse — the first running one, else the first listed. Never {@code POST /api/2.1/unity-catalog/tables}:
     * that call "only supports creating external Delta tables" (https://docs.databricks.com/api/workspace/tables/create).
     * The caller needs USE CATALOG, USE SCHEMA and CREATE TABLE. To pick the warehouse, show the SQL first or get
     * privilege advice, use {@code setup.TableService}.
     */
    public TableDetails createTable(String catalog, String schema, String name, List<TableColumn> columns) {
        return createTable(catalog, schema, name, columns, null, null);
    }

    /** As {@link #createTable(String, String, String, List)}, with a table comment and a chosen warehouse (null: first running). */
    public TableDetails createTable(String catalog, String schema, String name, List<TableColumn> columns,
                                    @Nullable String comment, @Nullable String warehouseId) {
        String sql = TableSql.createTable(catalog + "." + schema + "." + name, columns, comment);
        TableName table = TableName.parse(catalog + "." + schema + "." + name);
        var reader = new TableReader(client, warehouseId, TableReader.DEFAULT_TIMEOUT);
        try {
            new StatementRunner(client, TableReader.DEFAULT_TIMEOUT).run(reader.warehouseId(), sql, Cancellation.none());
        } catch (StatementFailedException e) {
            if (e.isAlreadyExists()) throw new CatalogException(CatalogProblems.alreadyExists("create table " + table.fullName(), e.serverMessage(), e));
            throw e;
        } catch (CatalogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SdkErrors.translate(e, "create table " + table.fullName());
        }
        return table(table.fullName());
    }

    public void deleteTable(String fullName) {
        TableName name = TableName.parse(fullName);
        try {
            client.tables().delete(name.fullName());
        } catch (RuntimeException e) {
            throw SdkErrors.isNotFound(e) ? tableNotFound(name, e) : SdkErrors.translate(e, "delete table " + name.fullName());
        }
    }

    /** Privileges granted directly on the table, per principal (not the inherited ones: see {@link #effectivePrivileges}). */
    public List<TableGrant> grants(String fullName) {
        TableName name = TableName.parse(fullName);
        try {
            var response = client.grants().get("table", name.fullName());
            List<TableGrant> grants = new ArrayList<>();
            if (response.getPrivilegeAssignments() == null) return List.of();
            for (PrivilegeAssignment a : response.getPrivilegeAssignments()) {
                List<String> privileges = a.getPrivileges() == null ? List.of()
                        : a.getPrivileges().stream().filter(Objects::nonNull).map(Enum::name).toList();
                grants.add(new TableGrant(a.getPrincipal(), privileges));
            }
            return List.copyOf(grants);
        } catch (RuntimeException e) {
            throw SdkErrors.translate(e, "read the grants on table " + name.fullName());
        }
    }

    /** What {@code principal} may do on the table, each privilege with the securable it was granted on. */
    public List<HeldPrivilege> effectivePrivileges(String fullName, String principal) {
        TableName name = TableName.parse(fullName);
        try {
            EffectivePermissionsList response = client.grants().getEffective(new GetEffectiveRequest()
                    .setSecurableType("table").setFullName(name.fullName()).setPrincipal(principal));
            List<HeldPrivilege> held = new ArrayList<>();
            if (response.getPrivilegeAssignments() == null) return List.of();
            for (EffectivePrivilegeAssignment a : response.getPrivilegeAssignments()) {
                if (!principal.equals(a.getPrincipal()) || a.getPrivileges() == null) continue;
                for (var p : a.getPrivileges()) {
                    if (p.getPrivilege() == null) continue; // a privilege this SDK version cannot name
                    boolean direct = p.getInheritedFromType() == null;
                    held.add(new HeldPrivilege(p.getPrivilege().name(),
                            direct ? "table" : p.getInheritedFromType().name().toLowerCase(Locale.ROOT),
                            direct ? name.fullName() : p.getInheritedFromName()));
                }
            }
            return List.copyOf(held);
        } catch (RuntimeException e) {
            throw SdkErrors.translate(e, "read the privileges of " + principal + " on table " + name.fullName());
        }
    }

    /** The SCIM user name of whoever the client authenticates as (a service principal's application id). */
    public String currentPrincipal() {
        try {
            return client.currentUser().me(new MeRequest()).getUserName();
        } catch (RuntimeException e) {
            throw SdkErrors.translate(e, "identify the current user");
        }
    }

    private CatalogException tableNotFound(TableName name, RuntimeException cause) {
        List<String> available;
        try {
            available = listTables(name.catalog(), name.schema()).stream().map(TableSummary::name).toList();
        } catch (CatalogException e) {
            available = null;
        }
        return new CatalogException(CatalogProblems.tableNotFound(name.fullName(), available, cause));
    }

    /** Walks the SDK's paging iterator; each page fetch is one cancellable call. */
    private static <S, T> List<T> list(Supplier<Iterable<S>> pages, Function<S, T> map, Cancellation cancellation,
                                       Consumer<? super T> onItem, String action) {
        try {
            Iterator<S> iterator = cancellation.call(() -> pages.get().iterator());
            List<T> items = new ArrayList<>();
            while (cancellation.call(iterator::hasNext)) {
                cancellation.throwIfCancelled();
                T item = map.apply(iterator.next());
                items.add(item);
                onItem.accept(item);
            }
            return List.copyOf(items);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw SdkErrors.translate(e, action);
        }
    }

    private static CatalogSummary catalog(CatalogInfo info) {
        return new CatalogSummary(info.getName(), info.getName(), info.getComment(), info.getOwner());
    }

    private static SchemaSummary schema(SchemaInfo info) {
        String fullName = info.getFullName() != null ? info.getFullName() : info.getCatalogName() + "." + info.getName();
        return new SchemaSummary(info.getName(), fullName, info.getComment(), info.getOwner());
    }
}
