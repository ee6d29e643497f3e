package dev.zerobus.console.setup;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.source.SourceFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns {@link SchemaInference} found in a file's sample, for preview and editing before {@code CREATE TABLE}.
 *
 * @param rowsSampled   records read (failed ones included)
 * @param failedRows    records in the sample that could not be read (bad JSON, wrong CSV cell count)
 * @param bytesSampled  bytes read
 * @param totalBytes    the file's size
 * @param wholeFile     whether the sample is the whole file
 * @param notes         things the person should know, e.g. "column 'x' had no value in the sample: STRING assumed"
 * @param elapsed       how long inference took
 */
public record InferredSchema(SourceFormat format, List<InferredColumn> columns, long rowsSampled, long failedRows,
                             long bytesSampled, long totalBytes, boolean wholeFile, List<String> notes, Duration elapsed) {
    public InferredSchema {
        Objects.requireNonNull(format, "format");
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /** The columns as the table will have them (all nullable). */
    public List<TableColumn> tableColumns() {
        return columns.stream().map(InferredColumn::toTableColumn).toList();
    }

    /** The same schema with column {@code index}'s type changed (the person's edit). */
    public InferredSchema withType(int index, ColumnType type) {
        List<InferredColumn> changed = new ArrayList<>(columns);
        changed.set(index, changed.get(index).withType(type));
        return new InferredSchema(format, changed, rowsSampled, failedRows, bytesSampled, totalBytes, wholeFile, notes, elapsed);
    }

    /** The same schema with column {@code index} renamed. */
    public InferredSchema withName(int index, String name) {
        List<InferredColumn> changed = new ArrayList<>(columns);
        changed.set(index, changed.get(index).withName(name));
        return new InferredSchema(format, changed, rowsSampled, failedRows, bytesSampled, totalBytes, wholeFile, notes, elapsed);
    }
}
