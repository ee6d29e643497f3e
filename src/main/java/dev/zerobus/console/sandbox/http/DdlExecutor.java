package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.sandbox.delta.DeltaTableStore;
import dev.zerobus.console.sandbox.http.DdlStatement.AddColumns;
import dev.zerobus.console.sandbox.http.DdlStatement.CreateTable;
import dev.zerobus.console.sandbox.http.DdlStatement.DropTable;
import dev.zerobus.console.sandbox.http.DdlStatement.Grant;
import dev.zerobus.console.sandbox.http.DdlStatement.Name;
import dev.zerobus.console.sandbox.http.DdlStatement.ObjectKind;
import dev.zerobus.console.sandbox.http.DdlStatement.ShowGrants;
import dev.zerobus.console.sandbox.http.StatementResult.Chunk;
import dev.zerobus.console.sandbox.http.StatementResult.Column;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.metadata.MetadataException;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import dev.zerobus.console.schema.TableColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link DdlStatement}s as the calling principal, checking its privileges as Unity Catalog does and failing
 * with Databricks' error conditions (https://docs.databricks.com/error-messages/index.html): INSUFFICIENT_PERMISSIONS
 * (42501), TABLE_OR_VIEW_ALREADY_EXISTS (42P07), TABLE_OR_VIEW_NOT_FOUND (42P01), SCHEMA_NOT_FOUND (42704),
 * NO_SUCH_CATALOG_EXCEPTION (42704), PRINCIPAL_DOES_NOT_EXIST, COLUMN_ALREADY_EXISTS (42711), FIELD_ALREADY_EXISTS,
 * DELTA_OPERATION_NOT_ALLOWED (0AKDC). Grants go to the same store as the UC permissions API ({@link GrantsApi}).
 * Thread-safe over thread-safe parts; a statement is not atomic against a concurrent one on the same table.
 */
final class DdlExecutor {
    /**
     * Privileges Unity Catalog accepts on each securable type, within what the sandbox keeps (privileges reference,
     * https://docs.databricks.com/data-governance/unity-catalog/manage-privileges/privileges.html; BROWSE is a
     * catalog privilege only).
     */
    private static final Map<ObjectKind, Set<String>> APPLICABLE = Map.of(
            ObjectKind.TABLE, Set.of("ALL_PRIVILEGES", "APPLY_TAG", "MANAGE", "MODIFY", "SELECT"),
            ObjectKind.SCHEMA, Set.of("ALL_PRIVILEGES", "APPLY_TAG", "MANAGE", "MODIFY", "SELECT", "USE_SCHEMA", "CREATE_TABLE",
                    "CREATE_FUNCTION", "CREATE_VOLUME", "EXECUTE", "READ_VOLUME", "WRITE_VOLUME"),
            ObjectKind.CATALOG, Set.of("ALL_PRIVILEGES", "APPLY_TAG", "MANAGE", "MODIFY", "SELECT", "USE_SCHEMA", "USE_CATALOG",
                    "CREATE_TABLE", "CREATE_SCHEMA", "CREATE_FUNCTION", "CREATE_VOLUME", "EXECUTE", "READ_VOLUME",
                    "WRITE_VOLUME", "BROWSE"));
    /** Delta without column mapping refuses these in column names (DELTA_INVALID_CHARACTERS_IN_COLUMN_NAMES). */
    private static final String INVALID_COLUMN_CHARACTERS = " ,;{}()\n\t=";

    /** A failed statement: error_code, message ("[CLASS] text SQLSTATE: x") and SQLSTATE. */
    static final class Failure extends RuntimeException {
        final String sqlState;

        Failure(String errorClass, String text, @Nullable String sqlState) {
            super("[" + errorClass + "] " + text + (sqlState == null ? "" : " SQLSTATE: " + sqlState));
            this.sqlState = sqlState;
        }

        StatementResult.Failed result() {
            return new StatementResult.Failed("BAD_REQUEST", getMessage(), sqlState);
        }
    }

    private final UcAccess access;
    private final DeltaTableStore store;
    private final Predicate<String> principalExists;
    /** Fault injection: true to stop an ALTER between its Delta commit and the catalog file, as a crash would. */
    private final BooleanSupplier crashAfterSchemaCommit;

    DdlExecutor(UcAccess access, DeltaTableStore store, Predicate<String> principalExists, BooleanSupplier crashAfterSchemaCommit) {
        this.access = access;
        this.store = store;
        this.principalExists = principalExists;
        this.crashAfterSchemaCommit = crashAfterSchemaCommit;
    }

    private WorkspaceState state() {
        return access.state();
    }

    StatementResult execute(String principal, DdlStatement statement, @Nullable String catalog, @Nullable String schema) {
        try {
            return switch (statement) {
                case CreateTable create -> create(principal, create, catalog, schema);
                case AddColumns add -> addColumns(principal, add, catalog, schema);
                case DropTable drop -> drop(principal, drop, catalog, schema);
                case Grant grant -> grant(principal, grant, catalog, schema);
                case ShowGrants show -> showGrants(principal, show, catalog, schema);
            };
        } catch (Failure e) {
            return e.result();
        } catch (MetadataException e) {
            return new StatementResult.Failed("BAD_REQUEST", e.getMessage(), null);
        }
    }

    // ---- CREATE TABLE ----

    /**
     * Needs USE CATALOG, USE SCHEMA and CREATE TABLE on the schema (or ownership)
     * (https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-create-table-using.html). The table is a
     * MANAGED Delta table owned by the caller, with a real Delta table under the data dir, as the seeded ones.
     */
    private StatementResult create(String principal, CreateTable create, @Nullable String catalog, @Nullable String schema) {
        String fullName = tableName(create.table(), catalog, schema);
        if (create.location() != null) {
            throw new Failure("UNSUPPORTED_FEATURE.EXTERNAL_TABLE", "CREATE TABLE ... LOCATION makes an external table, and the"
                    + " sandbox has no external locations (nor storage credentials): leave LOCATION out to create a managed"
                    + " table.", "0A000");
        }
        if (create.format() != null && !create.format().equals("DELTA")) {
            throw new Failure("UNSUPPORTED_FEATURE", "Managed tables in the sandbox are Delta tables: USING "
                    + create.format() + " is not supported; write USING DELTA or leave USING out.", "0A000");
        }
        Securable schemaSecurable = existingSchema(fullName);
        requireUse(principal, schemaSecurable);
        if (state().findTable(fullName).isPresent()) {
            if (create.ifNotExists()) return done();
            throw new Failure("TABLE_OR_VIEW_ALREADY_EXISTS", "Cannot create table or view " + quoted(fullName)
                    + " because it already exists. Choose a different name, drop the existing object, or add the IF NOT"
                    + " EXISTS clause to tolerate pre-existing objects.", "42P07");
        }
        require(principal, schemaSecurable, "CREATE_TABLE");
        checkColumns(create.columns(), List.of());
        String[] parts = fullName.split("\\.");
        TableInfo created = state().createTable(parts[0], parts[1], parts[2], "MANAGED", "DELTA", create.columns(),
                create.comment(), principal, Map.of());
        try {
            store.create(created.tableId(), created.schema());
        } catch (RuntimeException e) {
            state().deleteTable(created.fullName());
            throw new Failure("INTERNAL_ERROR", "The sandbox could not create the Delta table for " + fullName + ": "
                    + e.getMessage(), "XX000");
        }
        return done();
    }

    // ---- ALTER TABLE ADD COLUMNS ----

    /**
     * Needs USE CATALOG, USE SCHEMA and MODIFY on the table ("If you use Unity Catalog you must have MODIFY
     * permission to: ... ADD COLUMN", https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-alter-table.html).
     * New columns are nullable; NOT NULL is refused as Delta refuses it. The Delta table's schema changes in the same
     * call, so a Zerobus stream opened afterwards sees the new columns.
     *
     * <p>The Delta commit is the source of truth and comes first (one atomic put-if-absent commit file); the catalog
     * file follows. A crash between the two leaves the catalog one change behind, and the next start takes the schema
     * from the Delta log ({@code SchemaReconciler}), so the two never disagree after a restart.
     */
    private StatementResult addColumns(String principal, AddColumns add, @Nullable String catalog, @Nullable String schema) {
        TableInfo table = existingTable(tableName(add.table(), catalog, schema));
        Securable securable = Securable.table(table.fullName());
        requireUse(principal, securable.parent());
        require(principal, securable, "MODIFY");
        if (!add.notNullColumns().isEmpty()) {
            throw new Failure("DELTA_OPERATION_NOT_ALLOWED", "Operation not allowed: `NOT NULL in ALTER TABLE ADD COLUMNS` is"
                    + " not supported for Delta tables (column " + add.notNullColumns() + "). Add the column without NOT NULL.",
                    "0AKDC");
        }
        if (!table.isManagedDelta()) {
            throw new Failure("UNSUPPORTED_FEATURE", "The sandbox alters managed Delta tables only; " + table.fullName() + " is "
                    + table.tableType() + " " + table.dataSourceFormat() + ".", "0A000");
        }
        checkColumns(add.columns(), table.columns());
        List<TableColumn> columns = new ArrayList<>(table.columns());
        columns.addAll(add.columns());
        try {
            store.addColumns(table.tableId(), new TableInfo(table.catalogName(), table.schemaName(), table.name(),
                    table.tableId(), table.tableType(), table.dataSourceFormat(), table.storageLocation(), table.owner(),
                    table.comment(), table.createdAt(), table.updatedAt(), columns, table.properties()).schema());
        } catch (RuntimeException e) {
            throw new Failure("INTERNAL_ERROR", "The sandbox could not change the Delta table of " + table.fullName() + ": "
                    + e.getMessage(), "XX000");
        }
        if (crashAfterSchemaCommit.getAsBoolean()) {
            throw new IllegalStateException("Injected crash after the Delta commit of ALTER TABLE " + table.fullName()
                    + ", before the catalog file was written");
        }
        try {
            state().replaceColumns(table.fullName(), columns);
        } catch (java.io.UncheckedIOException e) {
            throw new Failure("INTERNAL_ERROR", "The columns were added to the Delta table of " + table.fullName() + ", but"
                    + " the sandbox could not write its catalog file (" + e.getMessage() + "); the next start of the"
                    + " sandbox takes the schema from the Delta log.", "XX000");
        }
        return done();
    }

    // ---- DROP TABLE ----

    /**
     * Needs MANAGE on the table, or ownership of it, its schema or its catalog
     * (https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-drop-table.html), plus USE CATALOG and
     * USE SCHEMA. The managed table's files are deleted at once (Databricks keeps them up to 7 days for UNDROP).
     */
    private StatementResult drop(String principal, DropTable drop, @Nullable String catalog, @Nullable String schema) {
        String fullName = tableName(drop.table(), catalog, schema);
        Securable schemaSecurable = existingSchema(fullName);
        if (state().findTable(fullName).isEmpty()) {
            if (drop.ifExists()) return done();
            throw tableNotFound(fullName);
        }
        TableInfo table = state().table(fullName);
        Securable securable = Securable.table(table.fullName());
        requireUse(principal, schemaSecurable);
        if (!ownsOrManages(principal, securable)) {
            throw insufficient("User is not an owner of Table '" + table.fullName() + "' and does not have MANAGE on it.");
        }
        state().deleteTable(table.fullName());
        if (table.isManagedDelta()) store.delete(table.tableId());
        return done();
    }

    // ---- GRANT / REVOKE ----

    /**
     * Needs ownership of the securable or of a parent, or MANAGE on it or on a parent, plus USE CATALOG (and USE
     * SCHEMA below a catalog) (https://docs.databricks.com/sql/language-manual/security-grant.html). Users are named
     * by their email and service principals by their application id
     * (https://docs.databricks.com/sql/language-manual/sql-ref-principal.html); an unknown one is PRINCIPAL_DOES_NOT_EXIST.
     */
    private StatementResult grant(String principal, Grant grant, @Nullable String catalog, @Nullable String schema) {
        Securable securable = existingSecurable(grant.kind(), grant.object(), catalog, schema);
        List<String> privileges = new ArrayList<>();
        for (String written : grant.privileges()) {
            String privilege = written.replace(' ', '_');
            if (!APPLICABLE.get(grant.kind()).contains(privilege)) {
                throw new Failure("INVALID_PARAMETER_VALUE", "Privilege " + written + " is not applicable to " + grant.kind()
                        + " '" + securable.fullName() + "'. Privileges on a " + grant.kind() + ": "
                        + new TreeSet<>(APPLICABLE.get(grant.kind())).stream().map(p -> p.replace('_', ' ')).toList() + ".", "22023");
            }
            privileges.add(privilege);
        }
        if (!principalExists.test(grant.principal())) {
            throw new Failure("PRINCIPAL_DOES_NOT_EXIST", "Could not find principal with name " + grant.principal()
                    + ". Name a user by email (`someone@example.com`) or a service principal by its application id.", "42704");
        }
        if (securable.parent() != null) requireUse(principal, securable.parent());
        else require(principal, securable, "USE_CATALOG");
        if (!ownsOrManages(principal, securable)) {
            throw insufficient("User does not have MANAGE on " + kindWord(securable) + " '" + securable.fullName() + "'.");
        }
        if (grant.revoke()) state().updateGrants(securable, grant.principal(), List.of(), privileges);
        else state().updateGrants(securable, grant.principal(), privileges, List.of());
        return done();
    }

    // ---- SHOW GRANTS ----

    /**
     * Rows {@code principal, actionType, objectType, objectKey} ("Displays all privileges (inherited, denied, and
     * granted) that affect the securable object", https://docs.databricks.com/sql/language-manual/security-show-grant.html):
     * the grants on the object and those inherited from its schema and catalog. The caller must own the object, hold
     * MANAGE on it (ownership or MANAGE of a parent counts, as for GRANT), or be the principal asked about, plus USE
     * CATALOG / USE SCHEMA on the parents. Column names follow what Unity Catalog warehouses print (Principal,
     * ActionType, ObjectType, ObjectKey); the reference spells them in lower camel case, and SQL matches either.
     */
    private StatementResult showGrants(String principal, ShowGrants show, @Nullable String catalog, @Nullable String schema) {
        Securable securable = existingSecurable(show.kind(), show.object(), catalog, schema);
        if (securable.parent() != null) requireUse(principal, securable.parent());
        else require(principal, securable, "USE_CATALOG");
        if (!principal.equals(show.principal()) && !ownsOrManages(principal, securable)) {
            throw insufficient("User does not have MANAGE on " + kindWord(securable) + " '" + securable.fullName()
                    + "' and is not its owner, so it may not read every grant on it (it may read its own: SHOW GRANTS `"
                    + principal + "` ON ...).");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Securable s = securable; s != null; s = s.parent()) {
            for (var entry : state().grants(s).entrySet()) {
                if (show.principal() != null && !show.principal().equals(entry.getKey())) continue;
                for (String privilege : new TreeSet<>(entry.getValue())) {
                    rows.add(List.of(entry.getKey(), privilege.replace('_', ' '), s.type().name(), s.fullName()));
                }
            }
        }
        List<Column> columns = List.of(new Column("Principal", "STRING", "STRING", 0, 0),
                new Column("ActionType", "STRING", "STRING", 0, 0), new Column("ObjectType", "STRING", "STRING", 0, 0),
                new Column("ObjectKey", "STRING", "STRING", 0, 0));
        long bytes = rows.stream().flatMap(List::stream).mapToLong(v -> v.length() + 3).sum();
        return new StatementResult.Succeeded(columns, List.of(new Chunk(0, rows, bytes)), rows.size(), false);
    }

    // ---- checks ----

    private void checkColumns(List<TableColumn> added, List<TableColumn> existing) {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        existing.forEach(c -> seen.add(c.name()));
        for (TableColumn c : added) {
            for (char ch : c.name().toCharArray()) {
                if (INVALID_COLUMN_CHARACTERS.indexOf(ch) >= 0) {
                    throw new Failure("DELTA_INVALID_CHARACTERS_IN_COLUMN_NAMES", "Found invalid character(s) among"
                            + " ' ,;{}()\\n\\t=' in the column name `" + c.name() + "`. Use letters, digits and underscores"
                            + " (Zerobus accepts no other characters).", "42K05");
                }
            }
            if (!seen.add(c.name())) {
                throw existing.stream().anyMatch(e -> e.name().equalsIgnoreCase(c.name()))
                        ? new Failure("FIELD_ALREADY_EXISTS", "Cannot add column, because `" + c.name()
                                + "` already exists in the table.", "42710")
                        : new Failure("COLUMN_ALREADY_EXISTS", "The column `" + c.name() + "` already exists. Choose another"
                                + " name or rename the existing column.", "42711");
            }
            String reason = ColumnRequests.unsupportedReason(c.type());
            if (reason != null) {
                throw new Failure("UNSUPPORTED_DATATYPE", "Column `" + c.name() + "` has type " + c.type().typeText()
                        + ", which the sandbox cannot store: " + reason + ".", "0A000");
            }
        }
    }

    /** USE CATALOG on the catalog and, for a schema, USE SCHEMA on it. */
    private void requireUse(String principal, Securable container) {
        if (container.type() == Securable.Type.SCHEMA) {
            require(principal, container.parent(), "USE_CATALOG");
            require(principal, container, "USE_SCHEMA");
        } else {
            require(principal, container, "USE_CATALOG");
        }
    }

    private void require(String principal, Securable on, String privilege) {
        if (!state().holds(principal, on, privilege)) {
            throw insufficient("User does not have " + privilege.replace('_', ' ') + " on " + kindWord(on) + " '"
                    + on.fullName() + "'.");
        }
    }

    /** Ownership of the object or a parent, or MANAGE granted on it or a parent (ALL PRIVILEGES does not include MANAGE). */
    private boolean ownsOrManages(String principal, Securable securable) {
        for (Securable s = securable; s != null; s = s.parent()) {
            if (principal.equals(access.owner(s))) return true;
            if (state().grants(s).getOrDefault(principal, Set.of()).contains("MANAGE")) return true;
        }
        return false;
    }

    private Securable existingSecurable(ObjectKind kind, Name name, @Nullable String catalog, @Nullable String schema) {
        return switch (kind) {
            case CATALOG -> {
                if (name.parts().size() != 1) throw new Failure("INVALID_PARAMETER_VALUE", "A catalog name has one part, not "
                        + name.text() + ".", "42601");
                yield existingCatalog(name.parts().getFirst());
            }
            case SCHEMA -> {
                String full = switch (name.parts().size()) {
                    case 1 -> defaultCatalog(catalog) + "." + name.parts().getFirst();
                    case 2 -> name.text();
                    default -> throw new Failure("INVALID_PARAMETER_VALUE", "A schema name has at most two parts, not "
                            + name.text() + ".", "42601");
                };
                yield existingSchema(full + ".x");
            }
            case TABLE -> Securable.table(existingTable(tableName(name, catalog, schema)).fullName());
        };
    }

    private Securable existingCatalog(String name) {
        try {
            return Securable.catalog(state().catalog(name).name());
        } catch (MetadataException e) {
            throw new Failure("NO_SUCH_CATALOG_EXCEPTION", "Catalog '" + name.toLowerCase(Locale.ROOT) + "' was not found."
                    + " Please verify the catalog name and then retry the query or command again.", "42704");
        }
    }

    /** The schema of a three-part table name. */
    private Securable existingSchema(String tableFullName) {
        String[] parts = tableFullName.split("\\.");
        existingCatalog(parts[0]);
        try {
            return Securable.schema(state().schema(parts[0] + "." + parts[1]).fullName());
        } catch (MetadataException e) {
            throw new Failure("SCHEMA_NOT_FOUND", "The schema `" + parts[0] + "`.`" + parts[1] + "` cannot be found. Verify"
                    + " the spelling and correctness of the schema and catalog. If you did not qualify the name with a"
                    + " catalog, verify the current_schema() output, or qualify the name with the correct catalog.", "42704");
        }
    }

    private TableInfo existingTable(String fullName) {
        existingSchema(fullName);
        return state().findTable(fullName).orElseThrow(() -> tableNotFound(fullName));
    }

    private static Failure tableNotFound(String fullName) {
        return new Failure("TABLE_OR_VIEW_NOT_FOUND", "The table or view " + quoted(fullName) + " cannot be found. Verify the"
                + " spelling and correctness of the schema and catalog.", "42P01");
    }

    static Failure insufficient(String report) {
        return new Failure("INSUFFICIENT_PERMISSIONS", "Insufficient privileges: " + report, "42501");
    }

    private static StatementResult done() {
        return new StatementResult.Succeeded(List.of(), List.of(new Chunk(0, List.of(), 0)), 0, false);
    }

    /** Unqualified names use the statement's catalog and schema (default main.default), as SelectStatement does. */
    private static String tableName(Name name, @Nullable String catalog, @Nullable String schema) {
        List<String> p = name.parts();
        String full = switch (p.size()) {
            case 1 -> defaultCatalog(catalog) + "." + (schema == null || schema.isBlank() ? "default" : schema) + "." + p.get(0);
            case 2 -> defaultCatalog(catalog) + "." + p.get(0) + "." + p.get(1);
            default -> name.text();
        };
        return full.toLowerCase(Locale.ROOT);
    }

    private static String defaultCatalog(@Nullable String catalog) {
        return catalog == null || catalog.isBlank() ? "main" : catalog;
    }

    private static String quoted(String fullName) {
        return "`" + String.join("`.`", fullName.split("\\.")) + "`";
    }

    static String kindWord(Securable s) {
        String lower = s.type().lower();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
