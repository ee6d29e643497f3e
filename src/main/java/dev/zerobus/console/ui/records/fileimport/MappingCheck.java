package dev.zerobus.console.ui.records.fileimport;

import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.CodecResult;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.SourceRow;
import dev.zerobus.console.source.ValueHint;
import dev.zerobus.console.ui.records.shared.RecordJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a mapping against the preview rows before a load: each column's first value encoded as it will be sent,
 * and the first row whose value the codec rejects. Each column is encoded on its own (as a nullable one-column
 * table), so one bad column does not hide the others' values.
 */
final class MappingCheck {
    private final Map<String, RecordCodec> columnCodecs = new HashMap<>();
    private CodecOptions codecOptions = CodecOptions.forCsv();

    static MappingRow.Choice choiceOf(ColumnMapping.Source source) {
        return switch (source) {
            case ColumnMapping.Source.FileColumn f -> MappingRow.Choice.file(f.name());
            case ColumnMapping.Source.Constant c -> MappingRow.Choice.CONSTANT;
            case ColumnMapping.Source.Generated g -> MappingRow.Choice.GENERATED;
            case ColumnMapping.Source.Skip s -> MappingRow.Choice.SKIP;
        };
    }

    ColumnMapping mapping(TableSchema schema, List<String> fileColumns, List<MappingRow> rows) {
        ColumnMapping mapping = ColumnMapping.auto(schema, fileColumns);
        for (MappingRow row : rows) {
            MappingRow.Choice choice = row.sourceProperty().get();
            mapping = switch (choice.kind()) {
                case FILE_COLUMN -> mapping.withFileColumn(row.name(), choice.fileColumn());
                case SKIP -> mapping.withSkipped(row.name());
                case CONSTANT -> mapping.withConstant(row.name(), row.constantProperty().get().isEmpty() ? null : row.constantProperty().get());
                case GENERATED -> mapping.withGenerated(row.name(), ValueHint.forColumn(row.name()));
            };
        }
        return mapping;
    }

    /** Fills each row's preview and problem; returns the mapping's problems (empty when the load can start). */
    String check(TableSchema schema, List<String> fileColumns, List<SourceRow> previewRows, List<MappingRow> rows, CodecOptions options) {
        if (!options.equals(codecOptions)) {
            columnCodecs.clear();
            codecOptions = options;
        }
        ColumnMapping mapping = mapping(schema, fileColumns, rows);
        List<Map<String, Object>> records = previewRows.stream().filter(r -> !(r instanceof SourceRow.Failed))
                .map(mapping::apply).toList();
        List<SourceRow> good = previewRows.stream().filter(r -> !(r instanceof SourceRow.Failed)).toList();
        for (MappingRow row : rows) showColumn(row, records, good);
        return mapping.problems().stream().map(p -> p.message() + " " + p.fix()).collect(Collectors.joining("\n"));
    }

    private void showColumn(MappingRow row, List<Map<String, Object>> records, List<SourceRow> lines) {
        RecordCodec codec = columnCodecs.computeIfAbsent(row.name(), name -> RecordCodec.forTable(
                new TableSchema("preview." + name, List.of(new TableColumn(name, row.column().type(), true))), codecOptions));
        String first = null;
        String problem = "";
        for (int i = 0; i < records.size(); i++) {
            Object value = records.get(i).get(row.name());
            if (row.required() && isEmpty(value, codecOptions)) {
                // The column codec is nullable (to show every column's values), so NOT NULL is checked here.
                if (problem.isEmpty()) problem = "Line " + lines.get(i).lineNumber() + ": " + row.name()
                        + " is empty, but the column is NOT NULL. Fix: fill it in the file, or map a constant or generated value";
                continue;
            }
            Map<String, Object> one = new HashMap<>();
            one.put(row.name(), value);
            switch (codec.toJson(one)) {
                case CodecResult.Encoded<String> encoded -> { if (first == null) first = valueText(encoded.value(), row.name()); }
                case CodecResult.Invalid<String> invalid -> {
                    if (problem.isEmpty()) problem = "Line " + lines.get(i).lineNumber() + ": " + invalid.errors().getFirst().describe();
                }
            }
        }
        if (row.required() && isNoValue(row)) problem = "NOT NULL: map it to a file column, a constant or a generated value";
        row.show(first == null ? (records.isEmpty() ? "" : "NULL") : first, problem);
    }

    private static boolean isEmpty(Object value, CodecOptions options) {
        return value == null || options.emptyText() == CodecOptions.EmptyText.IS_NULL && value instanceof String s && s.isBlank();
    }

    private static boolean isNoValue(MappingRow row) {
        MappingRow.Choice c = row.sourceProperty().get();
        return c.kind() == MappingRow.Choice.Kind.SKIP
                || c.kind() == MappingRow.Choice.Kind.CONSTANT && row.constantProperty().get().isEmpty();
    }

    private static String valueText(String json, String column) {
        Map<String, Object> parsed = RecordJson.read(json);
        Object value = parsed == null ? null : parsed.get(column);
        if (value == null) return "NULL";
        String text = value instanceof String s ? s : json.substring(json.indexOf(':') + 1, json.lastIndexOf('}')).strip();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
