package dev.zerobus.console.setup;

import com.databricks.sdk.WorkspaceClient;
import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.SdkErrors;
import dev.zerobus.console.catalog.StatementFailedException;
import dev.zerobus.console.catalog.StatementRunner;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableName;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.workspace.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Tables the Databricks way, as "You": {@code CREATE TABLE} / {@code ALTER TABLE ... ADD COLUMNS} / {@code DROP TABLE}
 * as SQL on a SQL warehouse (Statement Execution API), never {@code POST /api/2.1/unity-catalog/tables}, which
 * "only supports creating external Delta tables" (https://docs.databricks.com/api/workspace/tables/create). The SQL
 * is built by {@link TableSql} so callers can show it before it runs. Every call blocks on HTTP. Thread-safe.
 */
public final class TableService {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final WorkspaceClient client;
    private final StatementRunner runner;
    private final CatalogBrowser browser;

    public TableService(WorkspaceClient you) {
        this(you, DEFAULT_TIMEOUT);
    }

    public TableService(WorkspaceClient you, Duration statementTimeout) {
        this.client = Objects.requireNonNull(you, "you");
        this.runner = new StatementRunner(you, statementTimeout);
        this.browser = new CatalogBrowser(you);
    }

    public boolean exists(String fullName) {
        TableName name = checked(() -> TableSql.tableName(fullName));
        try {
            Boolean exists = client.tables().exists(name.fullName()).getTableExists();
            return exists != null && exists;
        } catch (RuntimeException e) {
            throw new SetupException(SdkErrors.translate(e, "check whether table " + name.fullName() + " exists").problem());
        }
    }

    /** The table with its columns (as "You"). */
    public TableDetails table(String fullName) {
        try {
            return browser.table(fullName);
        } catch (CatalogException e) {
            throw new SetupException(e.problem());
        }
    }

    /** The statement {@link #create} would run. */
    public String createSql(String fullName, List<TableColumn> columns, @Nullable String comment) {
        return checked(() -> TableSql.createTable(fullName, columns, comment));
    }

    /**
     * Runs {@code CREATE TABLE} on {@code warehouseId} and returns the new table as Unity Catalog describes it. A taken
     * name, a missing CREATE TABLE / USE SCHEMA privilege or a bad column is a {@link SetupException} that says which
     * and how to fix it; nothing is created then.
     */
    public TableDetails create(String fullName, List<TableColumn> columns, @Nullable String comment, String warehouseId,
                               Cancellation cancellation) {
        String sql = createSql(fullName, columns, comment);
        TableName name = checked(() -> TableSql.tableName(fullName));
        if (exists(name.fullName())) throw new SetupException(taken(name.fullName()));
        run(warehouseId, sql, cancellation, "create table " + name.fullName());
        return table(name.fullName());
    }

    /** The drift between the table and {@code incoming} columns, with the ALTER to show. */
    public SchemaDrift drift(String fullName, List<TableColumn> incoming) {
        TableDetails details = table(fullName);
        return checked(() -> SchemaDrift.of(details.schema(), incoming));
    }

    /** Runs the drift's {@code ALTER TABLE ... ADD COLUMNS}; returns the table as it is afterwards. */
    public TableDetails addColumns(SchemaDrift drift, String warehouseId, Cancellation cancellation) {
        if (!drift.hasMissingColumns()) return table(drift.table());
        run(warehouseId, drift.alterSql(), cancellation, "add columns " + drift.missing().stream().map(TableColumn::name)
                .collect(Collectors.joining(", ")) + " to " + drift.table());
        return table(drift.table());
    }

    /** {@code DROP TABLE} (rollback of a table set-up created). */
    public void drop(String fullName, String warehouseId, Cancellation cancellation) {
        run(warehouseId, checked(() -> TableSql.dropTable(fullName)), cancellation, "drop table " + fullName);
    }

    /** Runs SQL text generation; a name or column it refuses becomes a {@link SetupException}. */
    static <T> T checked(java.util.function.Supplier<T> ddl) {
        try {
            return ddl.get();
        } catch (CatalogException e) {
            throw new SetupException(e.problem());
        }
    }

    /** Runs any statement as "You" (for {@code sql} and GRANTs); failures say which privilege is missing and who can grant it. */
    public StatementRunner.Result run(String warehouseId, String sql, Cancellation cancellation, String action) {
        try {
            return runner.run(warehouseId, sql, cancellation);
        } catch (StatementFailedException e) {
            throw new SetupException(explain(e, action));
        } catch (CatalogException e) {
            throw new SetupException(e.problem());
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SetupException(SdkErrors.translate(e, action).problem());
        }
    }

    /** A failed statement in the person's words: the privilege missing, who can grant it, and the GRANT to hand over. */
    Problem explain(StatementFailedException e, String action) {
        if (e.isPermissionDenied()) {
            var missing = PrivilegeAdvice.parse(e.serverMessage());
            String me = PrivilegeAdvice.me(client);
            if (missing.isPresent()) {
                var m = missing.get();
                String who = PrivilegeAdvice.whoCanGrant(client, m.securableType(), m.securable());
                return new Problem("You (" + me + ") cannot " + action + ": you lack " + m.privilege() + " on "
                        + m.securableType().toLowerCase(java.util.Locale.ROOT) + " " + m.securable() + ". The warehouse said: "
                        + e.serverMessage(), "Ask " + who + " to run the GRANT below, then try again.", m.grantTo(me) + ";", e);
            }
            return new Problem("You (" + me + ") may not " + action + ". The warehouse said: " + e.serverMessage(),
                    "Ask the object's owner, someone with MANAGE on it, or a metastore admin for the privilege named above.", null, e);
        }
        if (e.isAlreadyExists()) {
            return new Problem("Could not " + action + ": it exists already. The warehouse said: " + e.serverMessage(),
                    "Choose another name, or use the existing object.", null, e);
        }
        return new Problem("Could not " + action + ". The warehouse said: " + e.serverMessage()
                + (e.errorCode() == null ? "" : " (" + e.errorCode() + ")"), "Fix the statement below, or the cause the warehouse names, and run it again.",
                e.statement(), e);
    }

    static Problem taken(String fullName) {
        return new Problem("Table " + fullName + " exists already.",
                "Choose another name, or use the existing table (set-up then only grants and checks it).");
    }
}
