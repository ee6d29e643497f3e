package dev.zerobus.console.catalog;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.workspace.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Databricks SQL the set-up runs, as text to show before it runs: {@code CREATE TABLE}, {@code ALTER TABLE ...
 * ADD COLUMNS}, {@code DROP TABLE}, {@code GRANT} / {@code REVOKE}. Identifiers are quoted with backticks (a backtick
 * inside is doubled), string literals with single quotes and backslash escapes, as Databricks SQL reads them
 * (https://docs.databricks.com/aws/en/sql/language-manual/sql-ref-identifiers,
 * https://docs.databricks.com/aws/en/sql/language-manual/data-types/string-type). Names are checked against what
 * Zerobus accepts: "table and column names with ASCII letters, digits, and underscores"
 * (https://docs.databricks.com/aws/en/ingestion/zerobus-limits). Stateless.
 */
public final class TableSql {
    /** Zerobus' rule for table and column names (zerobus-limits). */
    static final Pattern ZEROBUS_NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** Privileges Zerobus needs, in GRANT order (zerobus-overview: USE CATALOG, USE SCHEMA, SELECT and MODIFY). */
    public static final List<String> INGEST_PRIVILEGES = List.of("USE CATALOG", "USE SCHEMA", "SELECT", "MODIFY");

    private TableSql() {}

    /**
     * {@code CREATE TABLE c.s.t (columns) [COMMENT '...']}: a managed Delta table (no LOCATION, no USING: Delta is
     * the default format of Unity Catalog managed tables). Fails with a {@link CatalogException} naming the column when
     * a name or type cannot be used.
     */
    public static String createTable(String fullName, List<TableColumn> columns, @Nullable String comment) {
        TableName name = tableName(fullName);
        checkColumns(columns, Set.of());
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name.quoted()).append(" (\n");
        for (int i = 0; i < columns.size(); i++) {
            sql.append("  ").append(columnDefinition(columns.get(i), true)).append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        sql.append(")");
        if (comment != null && !comment.isBlank()) sql.append("\nCOMMENT ").append(literal(comment.strip()));
        return sql.toString();
    }

    /**
     * {@code ALTER TABLE c.s.t ADD COLUMNS (...)}: new columns are always nullable (rows already in the table have no
     * value for them; Databricks rejects NOT NULL here).
     */
    public static String addColumns(String fullName, List<TableColumn> columns, Set<String> existing) {
        TableName name = tableName(fullName);
        if (columns.isEmpty()) throw new IllegalArgumentException("No columns to add");
        checkColumns(columns, existing);
        return "ALTER TABLE " + name.quoted() + " ADD COLUMNS (\n" + columns.stream()
                .map(c -> "  " + columnDefinition(new TableColumn(c.name(), c.type(), true, c.comment()), true))
                .collect(Collectors.joining(",\n")) + "\n)";
    }

    public static String dropTable(String fullName) {
        return "DROP TABLE " + tableName(fullName).quoted();
    }

    /** The three GRANTs Zerobus needs for {@code principal} (a service principal's application id) on the table. */
    public static List<String> ingestGrants(String fullName, String principal) {
        TableName name = tableName(fullName);
        String to = " TO " + TableName.quote(principal);
        return List.of(
                "GRANT USE CATALOG ON CATALOG " + TableName.quote(name.catalog()) + to,
                "GRANT USE SCHEMA ON SCHEMA " + TableName.quote(name.catalog()) + "." + TableName.quote(name.schema()) + to,
                "GRANT SELECT, MODIFY ON TABLE " + name.quoted() + to);
    }

    /** The REVOKE that undoes a GRANT made by {@link #ingestGrants}. */
    public static String revokeFor(String grant) {
        if (!grant.startsWith("GRANT ")) throw new IllegalArgumentException("Not a GRANT: " + grant);
        int to = grant.lastIndexOf(" TO ");
        return "REVOKE " + grant.substring("GRANT ".length(), to) + " FROM " + grant.substring(to + " TO ".length());
    }

    /** {@code `name` TYPE [NOT NULL] [COMMENT '...']}. */
    static String columnDefinition(TableColumn column, boolean withComment) {
        StringBuilder sb = new StringBuilder(TableName.quote(column.name())).append(' ').append(typeSql(column.type()));
        if (!column.nullable()) sb.append(" NOT NULL");
        if (withComment && column.comment() != null && !column.comment().isBlank()) {
            sb.append(" COMMENT ").append(literal(column.comment().strip()));
        }
        return sb.toString();
    }

    /** A type as Databricks SQL DDL writes it: {@code BIGINT}, {@code ARRAY<STRING>}, {@code STRUCT<`a`: DOUBLE>}. */
    public static String typeSql(ColumnType type) {
        return switch (type) {
            case ColumnType.Primitive p -> p.kind().text().toUpperCase(Locale.ROOT);
            case ColumnType.VarChar v -> "VARCHAR(" + v.maxLength() + ")";
            case ColumnType.Decimal d -> "DECIMAL(" + d.precision() + "," + d.scale() + ")";
            case ColumnType.Array a -> "ARRAY<" + typeSql(a.element()) + ">";
            case ColumnType.MapOf m -> "MAP<" + typeSql(m.key()) + ", " + typeSql(m.value()) + ">";
            case ColumnType.Struct s -> s.fields().stream()
                    .map(f -> TableName.quote(f.name()) + ": " + typeSql(f.type()) + (f.nullable() ? "" : " NOT NULL"))
                    .collect(Collectors.joining(", ", "STRUCT<", ">"));
            case ColumnType.Unsupported u -> u.typeText().toUpperCase(Locale.ROOT);
        };
    }

    /** {@code 'text'} with {@code \} and {@code '} escaped by a backslash, line breaks as {@code \n}. */
    public static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }

    /** The table name, checked against Zerobus' name rule so that a table set-up creates can take streams. */
    public static TableName tableName(String fullName) {
        String[] parts = fullName == null ? new String[0] : fullName.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new CatalogException(new Problem("'" + fullName + "' is not a three-part table name.",
                    "Write it as catalog.schema.table, e.g. main.default.orders."));
        }
        for (String part : parts) {
            if (!ZEROBUS_NAME.matcher(part).matches()) {
                throw new CatalogException(new Problem("'" + part + "' in '" + fullName + "' has characters Zerobus does not accept in "
                        + "table names.", "Use ASCII letters, digits and underscores only (Zerobus limits), e.g. "
                        + suggestName(part) + "."));
            }
        }
        return new TableName(parts[0], parts[1], parts[2]);
    }

    /** {@code "first name"} -> {@code "first_name"}: a name Zerobus accepts, for suggestions. */
    public static String suggestName(String name) {
        String s = name.strip().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "column" : s;
    }

    private static void checkColumns(List<TableColumn> columns, Set<String> existing) {
        if (columns.isEmpty()) {
            throw new CatalogException(new Problem("A table needs at least one column.", "Add a column, or infer them from a file."));
        }
        Set<String> seen = new HashSet<>();
        existing.forEach(e -> seen.add(e.toLowerCase(Locale.ROOT)));
        for (int i = 0; i < columns.size(); i++) {
            TableColumn c = columns.get(i);
            String where = "Column " + (i + 1) + " ('" + c.name() + "')";
            if (!ZEROBUS_NAME.matcher(c.name()).matches()) {
                throw new CatalogException(new Problem(where + " has characters Zerobus does not accept in column names.",
                        "Rename it with ASCII letters, digits and underscores, e.g. " + suggestName(c.name()) + "."));
            }
            // Databricks column names are case-insensitive: `Id` and `id` clash.
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new CatalogException(new Problem(where + " repeats a column name (names ignore case in Databricks).",
                        "Rename or remove one of the two."));
            }
            List<String> bad = new ArrayList<>();
            unsupported(c.type(), c.name(), bad);
            if (!bad.isEmpty()) {
                throw new CatalogException(new Problem(where + ": " + String.join("; ", bad) + ".",
                        "Pick a type from BIGINT, INT, DOUBLE, BOOLEAN, STRING, DATE, TIMESTAMP, ARRAY<...>, STRUCT<...>, MAP<...>."));
            }
        }
    }

    private static void unsupported(ColumnType type, String path, List<String> out) {
        switch (type) {
            case ColumnType.Unsupported u -> out.add(path + " has type " + u.typeText() + ", which the console cannot create (" + u.reason() + ")");
            case ColumnType.Array a -> unsupported(a.element(), path + "[]", out);
            case ColumnType.MapOf m -> { unsupported(m.key(), path + ".key", out); unsupported(m.value(), path + ".value", out); }
            case ColumnType.Struct s -> {
                if (s.fields().isEmpty()) out.add(path + " is a STRUCT without fields");
                for (ColumnType.Field f : s.fields()) {
                    if (!ZEROBUS_NAME.matcher(f.name()).matches()) out.add("field '" + path + "." + f.name() + "' has characters Zerobus does not accept");
                    unsupported(f.type(), path + "." + f.name(), out);
                }
            }
            default -> { }
        }
    }
}
