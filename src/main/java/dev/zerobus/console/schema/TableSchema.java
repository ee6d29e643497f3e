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

    /**
     * Columns a record or a descriptor may leave out: the nullable ones, which then land as NULL ("Columns that allow
     * null values in the table can be omitted from the record and are written as NULL",
     * https://docs.databricks.com/aws/en/ingestion/zerobus-schema-management). Fields inside a struct are not
     * included: the page speaks of columns (the stricter reading).
     */
    public List<String> omittableColumns() {
        return columns.stream().filter(TableColumn::nullable).map(TableColumn::name).toList();
    }

    /** Columns every record and descriptor must carry: the NOT NULL ones. */
    public List<String> requiredColumns() {
        return columns.stream().filter(c -> !c.nullable()).map(TableColumn::name).toList();
    }

    /** The last part of {@code catalog.schema.table}. */
    public String tableName() {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}
