package dev.zerobus.console.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first rows of a file, its columns and a guessed type per column, for the mapping table. Reads only those
 * rows. Immutable.
 *
 * @param endOfFile whether the file has no more records than the preview holds
 */
public record SourcePreview(SourceOptions options, List<String> columns, List<SourceRow> rows,
                            Map<String, InferredType> types, long totalBytes, boolean endOfFile) {
    public SourcePreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    public static SourcePreview read(Path path, SourceOptions options, int maxRows) throws IOException {
        if (maxRows < 1) throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        try (RecordSource source = RecordSource.open(path, options)) {
            List<SourceRow> rows = new ArrayList<>();
            SourceRow row = null;
            while (rows.size() < maxRows && (row = source.next()) != null) rows.add(row);
            boolean endOfFile = row == null || source.next() == null;
            List<String> columns = source.columns();
            return new SourcePreview(options, columns, rows, inferTypes(columns, rows), source.totalBytes(), endOfFile);
        }
    }

    private static Map<String, InferredType> inferTypes(List<String> columns, List<SourceRow> rows) {
        Map<String, InferredType> types = new LinkedHashMap<>();
        for (String column : columns) types.put(column, InferredType.EMPTY);
        for (SourceRow row : rows) {
            switch (row) {
                case SourceRow.Cells cells -> {
                    for (int i = 0; i < columns.size(); i++) {
                        types.merge(columns.get(i), InferredType.of(cells.values().get(i)), InferredType::widen);
                    }
                }
                case SourceRow.Fields fields -> fields.values().forEach((key, value) ->
                        types.merge(key, InferredType.of(value), InferredType::widen));
                case SourceRow.Failed failed -> { }
            }
        }
        return types;
    }
}
