package dev.zerobus.console.setup;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One column inferred from a file: the name for the table ({@code name}: the file's name made Zerobus-safe, see
 * {@link TableSql#suggestName}), the file's own name ({@code sourceName}), the inferred type and how many sampled
 * values were set / empty. Editable: {@link #withType}, {@link #withName}, {@link #withComment} return changed copies.
 */
public record InferredColumn(String name, String sourceName, ColumnType type, long valueCount, long nullCount,
                             @Nullable String comment) {
    public InferredColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(type, "type");
    }

    public InferredColumn withType(ColumnType value) {
        return new InferredColumn(name, sourceName, value, valueCount, nullCount, comment);
    }

    public InferredColumn withName(String value) {
        return new InferredColumn(value, sourceName, type, valueCount, nullCount, comment);
    }

    public InferredColumn withComment(@Nullable String value) {
        return new InferredColumn(name, sourceName, type, valueCount, nullCount, value);
    }

    /** True when the sample had no value for it (its type is then STRING, a guess). */
    public boolean onlyNulls() {
        return valueCount == 0;
    }

    /** As a table column: always nullable (an inferred column may be empty in rows past the sample). */
    public TableColumn toTableColumn() {
        return new TableColumn(name, type, true, comment);
    }
}
