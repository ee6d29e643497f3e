package dev.zerobus.console.schema;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One top-level column of a table, in UC {@code position} order. */
public record TableColumn(String name, ColumnType type, boolean nullable, @Nullable String comment) {
    public TableColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public TableColumn(String name, ColumnType type, boolean nullable) {
        this(name, type, nullable, null);
    }
}
