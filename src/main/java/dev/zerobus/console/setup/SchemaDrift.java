package dev.zerobus.console.setup;

import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Schema drift: columns a file or record has that the table lacks, and the {@code ALTER TABLE ... ADD COLUMNS} that
 * adds them (nullable), to show before it runs ({@link TableService#addColumns}). Columns the table has with another
 * type are listed, not changed: Delta cannot change a column's type in place. Immutable. {@link #of} throws a
 * {@code CatalogException} when a new column's name cannot be used.
 *
 * @param missing       columns to add, with the inferred type (always nullable)
 * @param typeConflicts "column 'qty': the table has INT, the file looks like DOUBLE" (for information)
 * @param alterSql      the statement adding {@code missing}, or null when nothing is missing
 */
public record SchemaDrift(String table, List<TableColumn> missing, List<String> typeConflicts, @Nullable String alterSql) {
    public SchemaDrift {
        missing = List.copyOf(missing);
        typeConflicts = List.copyOf(typeConflicts);
    }

    public boolean hasMissingColumns() {
        return !missing.isEmpty();
    }

    /** Compares a table with a file's inferred columns (matched by name, ignoring case, as Databricks does). */
    public static SchemaDrift of(TableSchema table, List<TableColumn> incoming) {
        Map<String, TableColumn> existing = table.columns().stream()
                .collect(Collectors.toMap(c -> c.name().toLowerCase(Locale.ROOT), c -> c, (a, b) -> a));
        List<TableColumn> missing = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (TableColumn c : incoming) {
            TableColumn have = existing.get(c.name().toLowerCase(Locale.ROOT));
            if (have == null) {
                missing.add(new TableColumn(c.name(), c.type(), true, c.comment()));
            } else if (!compatible(have.type(), c.type())) {
                conflicts.add("column '" + have.name() + "': the table has " + TableSql.typeSql(have.type())
                        + ", the data looks like " + TableSql.typeSql(c.type()));
            }
        }
        String sql = missing.isEmpty() ? null : TableSql.addColumns(table.fullName(), missing,
                table.columns().stream().map(TableColumn::name).collect(Collectors.toSet()));
        return new SchemaDrift(table.fullName(), missing, conflicts, sql);
    }

    /** Compares a table with a record's keys (e.g. a composed JSON record); new keys become STRING columns. */
    public static SchemaDrift ofKeys(TableSchema table, Collection<String> keys) {
        Set<String> ordered = new LinkedHashSet<>(keys);
        List<TableColumn> incoming = new ArrayList<>();
        for (String k : ordered) {
            var have = table.columns().stream().filter(c -> c.name().equalsIgnoreCase(k)).findFirst();
            incoming.add(have.orElse(new TableColumn(k, ColumnType.of(ColumnType.Kind.STRING), true)));
        }
        return of(table, incoming);
    }

    /** Whether values inferred as {@code inferred} load into a column of type {@code column} as they are. */
    private static boolean compatible(ColumnType column, ColumnType inferred) {
        if (column.equals(inferred)) return true;
        if (column instanceof ColumnType.Primitive p && inferred instanceof ColumnType.Primitive i) {
            return switch (p.kind()) {
                case STRING -> true;
                case DOUBLE, FLOAT -> i.kind() == ColumnType.Kind.LONG || i.kind() == ColumnType.Kind.DOUBLE;
                case LONG, INT, SHORT, BYTE -> i.kind() == ColumnType.Kind.LONG;
                case TIMESTAMP, TIMESTAMP_NTZ -> i.kind() == ColumnType.Kind.DATE || i.kind() == ColumnType.Kind.TIMESTAMP;
                default -> false;
            };
        }
        if (column instanceof ColumnType.Decimal && inferred instanceof ColumnType.Primitive i) {
            return i.kind() == ColumnType.Kind.LONG || i.kind() == ColumnType.Kind.DOUBLE;
        }
        return column.typeName().equals(inferred.typeName()); // nested: same shape class; the codec checks the rest
    }
}
