package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.sandbox.delta.DeltaTableStore;
import dev.zerobus.console.sandbox.http.SelectStatement.Literal;
import dev.zerobus.console.sandbox.http.StatementResult.Chunk;
import dev.zerobus.console.sandbox.http.StatementResult.Column;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link SelectStatement} against a managed Delta table: resolve the table with the session's catalog and
 * schema, check SELECT, read, filter, sort, limit, render and chunk. Stateless and thread-safe.
 */
final class StatementExecutor {
    /** Databricks splits INLINE results into chunks; the sandbox does so at this many rows or bytes. */
    static final int CHUNK_ROWS = 10_000;
    static final long CHUNK_BYTES = 4L * 1024 * 1024;
    /**
     * "Statements with disposition=INLINE are limited to 25 MiB and will fail when this limit is exceeded"
     * (https://docs.databricks.com/api/workspace/statementexecution). The reference gives no error text: the statement
     * FAILS (as any run-time error) with the sandbox's own words; the size counted is that of the rendered values.
     */
    static final long INLINE_LIMIT_BYTES = 25L * 1024 * 1024;

    private final UcAccess access;
    private final DeltaTableStore store;

    StatementExecutor(UcAccess access, DeltaTableStore store) {
        this.access = access;
        this.store = store;
    }

    /**
     * Every error here happens while running the statement, so it is a FAILED statement, never an HTTP error: "If the
     * SQL warehouse fails to execute the provided statement, a 200 response is returned with status.state set to
     * FAILED (in contrast to a failure when accepting the request, which results in a non-200 response)"
     * (https://docs.databricks.com/api/workspace/statementexecution/executestatement). Messages are rendered as
     * Databricks renders error conditions, "[CONDITION] message SQLSTATE: xxxxx"
     * (https://docs.databricks.com/error-messages/index.html).
     */
    StatementResult execute(String principal, String sql, @Nullable String catalog, @Nullable String schema, long rowLimit) {
        SelectStatement statement;
        try {
            statement = SelectStatement.parse(sql);
        } catch (SelectStatement.Unsupported e) {
            return new DdlExecutor.Failure("PARSE_SYNTAX_ERROR", e.getMessage(), "42601").result();
        }
        String fullName = qualify(statement.table(), catalog, schema);
        Optional<TableInfo> found = access.state().findTable(fullName);
        if (found.isEmpty()) {
            return new DdlExecutor.Failure("TABLE_OR_VIEW_NOT_FOUND", "The table or view `"
                    + String.join("`.`", fullName.split("\\.")) + "` cannot be found. Verify the spelling and correctness of"
                    + " the schema and catalog (unqualified names use the statement's catalog and schema, default"
                    + " main.default).", "42P01").result();
        }
        TableInfo table = found.get();
        StatementResult.Failed denied = missingReadPrivilege(principal, table);
        if (denied != null) return denied;
        if (!table.isManagedDelta()) {
            return new DdlExecutor.Failure("UNSUPPORTED_FEATURE", "Table " + table.fullName() + " is " + table.tableType() + " "
                    + table.dataSourceFormat() + "; the sandbox reads managed Delta tables only.", "0A000").result();
        }
        if (statement.countOnly()) {
            long count = store.count(table.tableId());
            return new StatementResult.Succeeded(List.of(new Column("count(1)", "LONG", "BIGINT", 0, 0)),
                    List.of(new Chunk(0, List.of(List.of(Long.toString(count))), 8)), 1, false);
        }
        try {
            return select(statement, table, rowLimit);
        } catch (UnresolvedColumn e) {
            return new DdlExecutor.Failure("UNRESOLVED_COLUMN.WITH_SUGGESTION", e.getMessage(), "42703").result();
        }
    }

    /**
     * Reading a table needs USE CATALOG, USE SCHEMA and SELECT (https://docs.databricks.com/data-governance/unity-catalog/manage-privileges/privileges.html);
     * the first one missing fails the statement with INSUFFICIENT_PERMISSIONS (SQLSTATE 42501), worded as Databricks
     * words it: "Insufficient privileges: User does not have SELECT on Table 'main.default.t'." (the user is not named).
     */
    private StatementResult.@Nullable Failed missingReadPrivilege(String principal, TableInfo table) {
        Securable onTable = Securable.table(table.fullName());
        Securable onSchema = onTable.parent();
        Securable onCatalog = onSchema.parent();
        Map<Securable, String> needed = new LinkedHashMap<>();
        needed.put(onCatalog, "USE_CATALOG");
        needed.put(onSchema, "USE_SCHEMA");
        needed.put(onTable, "SELECT");
        for (var need : needed.entrySet()) {
            if (!access.state().holds(principal, need.getKey(), need.getValue())) {
                return DdlExecutor.insufficient("User does not have " + need.getValue().replace('_', ' ') + " on "
                        + DdlExecutor.kindWord(need.getKey()) + " '" + need.getKey().fullName() + "'.").result();
            }
        }
        return null;
    }

    private StatementResult select(SelectStatement statement, TableInfo table, long rowLimit) {
        List<TableColumn> columns = table.columns();
        List<Integer> projection = new ArrayList<>();
        if (statement.columns().isEmpty()) {
            for (int i = 0; i < columns.size(); i++) projection.add(i);
        } else {
            for (String name : statement.columns()) projection.add(resolve(table, name));
        }
        Integer where = statement.whereColumn() == null ? null : resolve(table, statement.whereColumn());
        Integer order = statement.orderBy() == null ? null : resolve(table, statement.orderBy());
        long limit = statement.limit() == null ? Long.MAX_VALUE : statement.limit();
        boolean capped = rowLimit > 0 && rowLimit < limit;
        long wanted = capped ? rowLimit : limit;
        // Without WHERE or ORDER BY only the first rows are needed; ask one more to know whether row_limit cut the result.
        long readLimit = where == null && order == null && wanted < Long.MAX_VALUE ? wanted + 1 : Long.MAX_VALUE;
        List<Object[]> rows = new ArrayList<>(store.read(table.tableId(), table.schema(), readLimit));
        if (where != null) {
            ColumnType type = columns.get(where).type();
            int index = where;
            rows.removeIf(row -> !equalsLiteral(row[index], type, statement.whereValue()));
        }
        if (order != null) {
            int index = order;
            Comparator<Object[]> byColumn = Comparator.comparing(row -> row[index],
                    Comparator.nullsFirst((a, b) -> compare(a, b, columns.get(index).type())));
            rows.sort(statement.descending() ? byColumn.reversed() : byColumn);
        }
        boolean truncated = capped && rows.size() > rowLimit;
        if (rows.size() > wanted) rows = rows.subList(0, (int) wanted);
        List<Column> resultColumns = projection.stream().map(i -> column(columns.get(i))).toList();
        List<Chunk> chunks = chunks(rows, projection, columns);
        long bytes = chunks.stream().mapToLong(Chunk::byteCount).sum();
        if (bytes > INLINE_LIMIT_BYTES) {
            return new StatementResult.Failed("BAD_REQUEST", "The result of the statement is " + bytes + " bytes, more than the"
                    + " " + INLINE_LIMIT_BYTES + " bytes (25 MiB) allowed with disposition INLINE. Add a LIMIT, set row_limit,"
                    + " or select fewer columns.", null);
        }
        return new StatementResult.Succeeded(resultColumns, chunks, rows.size(), truncated);
    }

    private static List<Chunk> chunks(List<Object[]> rows, List<Integer> projection, List<TableColumn> columns) {
        List<Chunk> chunks = new ArrayList<>();
        List<List<String>> current = new ArrayList<>();
        long offset = 0;
        long bytes = 0;
        for (Object[] row : rows) {
            List<String> rendered = new ArrayList<>(projection.size());
            for (int i : projection) {
                String value = SqlValues.render(row[i], columns.get(i).type());
                rendered.add(value);
                bytes += value == null ? 4 : value.length() + 3;
            }
            current.add(rendered);
            if (current.size() >= CHUNK_ROWS || bytes >= CHUNK_BYTES) {
                chunks.add(new Chunk(offset, current, bytes));
                offset += current.size();
                current = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!current.isEmpty() || chunks.isEmpty()) chunks.add(new Chunk(offset, current, bytes));
        return chunks;
    }

    private static Column column(TableColumn c) {
        ColumnType type = c.type();
        int precision = type instanceof ColumnType.Decimal d ? d.precision() : 0;
        int scale = type instanceof ColumnType.Decimal d ? d.scale() : 0;
        return new Column(c.name(), type.typeName(), SqlValues.typeText(type), precision, scale);
    }

    /** SQL semantics: {@code col = NULL} matches nothing (IS NULL is not in the subset). */
    private static boolean equalsLiteral(Object value, ColumnType type, Literal literal) {
        if (value == null || literal.kind() == Literal.Kind.NULL) return false;
        if (value instanceof Number n && !(type instanceof ColumnType.Primitive p && isTemporal(p))) {
            try {
                return new BigDecimal(n.toString()).compareTo(new BigDecimal(literal.text())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (value instanceof Boolean b) return b.toString().equalsIgnoreCase(literal.text());
        return literal.text().equals(SqlValues.render(value, type));
    }

    private static boolean isTemporal(ColumnType.Primitive p) {
        return switch (p.kind()) {
            case DATE, TIMESTAMP, TIMESTAMP_NTZ -> true;
            default -> false;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b, ColumnType type) {
        if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.compareUnsigned(x, y);
        if (a instanceof Comparable x && a.getClass() == b.getClass()) return x.compareTo(b);
        return String.valueOf(SqlValues.render(a, type)).compareTo(String.valueOf(SqlValues.render(b, type)));
    }

    private static int resolve(TableInfo table, String name) {
        List<TableColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) return i;
        }
        throw new UnresolvedColumn("A column, variable, or function parameter with name `" + name + "` cannot be resolved"
                + " in table " + table.fullName() + ". Did you mean one of the following? "
                + columns.stream().map(c -> "`" + c.name() + "`").toList() + ".");
    }

    private static String qualify(List<String> parts, @Nullable String catalog, @Nullable String schema) {
        String c = catalog == null || catalog.isBlank() ? "main" : catalog;
        String s = schema == null || schema.isBlank() ? "default" : schema;
        return switch (parts.size()) {
            case 1 -> c + "." + s + "." + parts.get(0);
            case 2 -> c + "." + parts.get(0) + "." + parts.get(1);
            default -> String.join(".", parts);
        };
    }

    private static final class UnresolvedColumn extends RuntimeException {
        UnresolvedColumn(String message) {
            super(message);
        }
    }
}
