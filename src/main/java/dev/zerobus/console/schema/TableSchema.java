package dev.zerobus.console.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A table's full name and its columns in position order. Immutable. */
public record TableSchema(String fullName, List<TableColumn> columns) {
    public TableSchema {
        Objects.requireNonNull(fullName, "fullName");
        columns = List.copyOf(columns);
    }

    public Optional<TableColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) return i;
        }
        return -1;
    }

    /** The last part of {@code catalog.schema.table}. */
    public String tableName() {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}
