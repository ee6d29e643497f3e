package dev.zerobus.console.source;

import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where each table column's value comes from when a file is loaded: a file column, a constant, a generated value,
 * or nothing (NULL). Configuration is immutable ({@code with...} returns a new mapping); {@link #apply} also
 * advances the generated values, so one mapping serves one reading thread (not thread-safe).
 */
public final class ColumnMapping {
    /** The origin of one table column's value. */
    public sealed interface Source {
        record FileColumn(String name) implements Source {
            public FileColumn { Objects.requireNonNull(name, "name"); }
        }

        /** A fixed value, passed on like a cell ({@code String}) or a JSON value. */
        record Constant(@Nullable Object value) implements Source {}

        /** A generated value: {@link ValueHint#SEQUENCE} follows the record index, {@link ValueHint#NOW} the clock. */
        record Generated(ValueHint hint) implements Source {
            public Generated { Objects.requireNonNull(hint, "hint"); }
        }

        /** No value: the column is left NULL. */
        record Skip() implements Source {}
    }

    /** What to do with file columns no table column takes. */
    public enum UnmappedFileColumns { IGNORE, REJECT }

    private final TableSchema schema;
    private final List<String> fileColumns;
    private final Map<String, Source> sources;
    private final UnmappedFileColumns unmapped;
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private final SyntheticValues generator;
    private final long seed;
    private final Clock clock;

    private ColumnMapping(TableSchema schema, List<String> fileColumns, Map<String, Source> sources,
                          UnmappedFileColumns unmapped, long seed, Clock clock) {
        this.schema = schema;
        this.fileColumns = List.copyOf(fileColumns);
        this.sources = sources;
        this.unmapped = unmapped;
        for (int i = fileColumns.size() - 1; i >= 0; i--) fileIndex.put(fileColumns.get(i), i);
        this.generator = new SyntheticValues(seed, clock, SyntheticRecords.TimeValues.EPOCH_NUMBERS);
        this.seed = seed;
        this.clock = clock;
    }

    /**
     * Maps each table column to the file column with the same name, ignoring case, underscores, dashes and
     * spaces ({@code Device-ID} matches {@code device_id}); each file column is used once. Other table columns
     * are skipped (NULL). Generated values use the system clock and seed 0.
     */
    public static ColumnMapping auto(TableSchema schema, List<String> fileColumns) {
        return auto(schema, fileColumns, 0, Clock.systemUTC());
    }

    public static ColumnMapping auto(TableSchema schema, List<String> fileColumns, long seed, Clock clock) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (TableColumn column : schema.columns()) {
            Source source = new Source.Skip();
            for (String fileColumn : fileColumns) {
                if (!used.contains(fileColumn) && normalize(fileColumn).equals(normalize(column.name()))) {
                    source = new Source.FileColumn(fileColumn);
                    used.add(fileColumn);
                    break;
                }
            }
            sources.put(column.name(), source);
        }
        return new ColumnMapping(schema, fileColumns, sources, UnmappedFileColumns.IGNORE, seed, clock);
    }

    private static String normalize(String name) {
        return name.replaceAll("[_\\-\\s]", "").toLowerCase(Locale.ROOT);
    }

    public ColumnMapping with(String tableColumn, Source source) {
        if (!sources.containsKey(tableColumn)) {
            throw new IllegalArgumentException("Table " + schema.fullName() + " has no column '" + tableColumn + "'");
        }
        Map<String, Source> copy = new LinkedHashMap<>(sources);
        copy.put(tableColumn, Objects.requireNonNull(source, "source"));
        return new ColumnMapping(schema, fileColumns, copy, unmapped, seed, clock);
    }

    public ColumnMapping withFileColumn(String tableColumn, String fileColumn) { return with(tableColumn, new Source.FileColumn(fileColumn)); }
    public ColumnMapping withConstant(String tableColumn, @Nullable Object value) { return with(tableColumn, new Source.Constant(value)); }
    public ColumnMapping withGenerated(String tableColumn, ValueHint hint) { return with(tableColumn, new Source.Generated(hint)); }
    public ColumnMapping withSkipped(String tableColumn) { return with(tableColumn, new Source.Skip()); }

    public ColumnMapping withUnmappedFileColumns(UnmappedFileColumns policy) {
        return new ColumnMapping(schema, fileColumns, sources, policy, seed, clock);
    }

    public TableSchema schema() { return schema; }
    public List<String> fileColumns() { return fileColumns; }
    /** Sources by table column, in column order. */
    public Map<String, Source> sources() { return Collections.unmodifiableMap(sources); }
    public Source sourceOf(String tableColumn) { return sources.get(tableColumn); }

    /** File columns that no table column takes, in file order. */
    public List<String> unmappedFileColumns() {
        Set<String> mapped = new HashSet<>();
        sources.values().forEach(s -> { if (s instanceof Source.FileColumn f) mapped.add(f.name()); });
        return fileColumns.stream().filter(c -> !mapped.contains(c)).toList();
    }

    /**
     * What matched and what did not, for a file whose columns are matched by name: empty when every table column takes
     * a file column and every file column is taken, else e.g. "2 of 4 table columns matched file columns (device_name,
     * temp); no file column for humidity, ts (loaded as NULL); file columns not in the table (ignored): hum, time."
     */
    public Optional<String> matchSummary() {
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        sources.forEach((column, source) -> {
            if (source instanceof Source.FileColumn f) matched.add(f.name().equals(column) ? column : f.name() + " -> " + column);
            else if (source instanceof Source.Skip) missing.add(column);
        });
        List<String> extra = unmappedFileColumns();
        if (missing.isEmpty() && extra.isEmpty()) return Optional.empty();
        return Optional.of(matched.size() + " of " + sources.size() + " table columns matched file columns"
                + (matched.isEmpty() ? "" : " (" + String.join(", ", matched) + ")")
                + (missing.isEmpty() ? "" : "; no file column for " + String.join(", ", missing) + " (loaded as NULL)")
                + (extra.isEmpty() ? "" : "; file columns not in the table (ignored): " + String.join(", ", extra)) + ".");
    }

    /** What stops a load from starting; empty when the mapping is usable. */
    public List<MappingProblem> problems() {
        List<MappingProblem> problems = new ArrayList<>();
        if (!fileColumns.isEmpty() && sources.values().stream().allMatch(s -> s instanceof Source.Skip)) {
            problems.add(new MappingProblem.NoFileColumnMatched(fileColumns, schema.columns().stream().map(TableColumn::name).toList()));
        }
        for (TableColumn column : schema.columns()) {
            Source source = sources.get(column.name());
            boolean noValue = source instanceof Source.Skip || source instanceof Source.Constant c && c.value() == null;
            if (!column.nullable() && noValue) problems.add(new MappingProblem.NotNullWithoutSource(column.name()));
            if (source instanceof Source.FileColumn f && !fileIndex.containsKey(f.name())) {
                problems.add(new MappingProblem.MissingFileColumn(column.name(), f.name()));
            }
        }
        if (unmapped == UnmappedFileColumns.REJECT) {
            unmappedFileColumns().forEach(c -> problems.add(new MappingProblem.UnmappedFileColumn(c)));
        }
        return problems;
    }

    /**
     * The record for one row: table column name -> raw value (cell text, JSON value, constant or generated
     * value; null for empty cells and missing JSON keys). A skipped (unmapped) column is left out of the record:
     * Zerobus accepts records without nullable columns and writes them as NULL
     * (https://docs.databricks.com/aws/en/ingestion/zerobus-schema-management), and {@link #problems()} refuses a
     * skipped NOT NULL column before the load. {@link SourceRow.Failed} rows have no values and are rejected.
     */
    public Map<String, @Nullable Object> apply(SourceRow row) {
        if (row instanceof SourceRow.Failed failed) {
            throw new IllegalArgumentException("Row at line " + failed.lineNumber() + " failed to read: " + failed.reason());
        }
        Map<String, @Nullable Object> record = new LinkedHashMap<>();
        for (TableColumn column : schema.columns()) {
            Source source = sources.get(column.name());
            if (source instanceof Source.Skip) continue;
            Object value = switch (source) {
                case Source.FileColumn f -> fileValue(row, f.name());
                case Source.Constant c -> c.value();
                case Source.Generated g -> generator.value(column.type(), g.hint(), row.recordIndex());
                case Source.Skip s -> null;
            };
            record.put(column.name(), value);
        }
        return record;
    }

    private @Nullable Object fileValue(SourceRow row, String name) {
        return switch (row) {
            case SourceRow.Cells cells -> {
                Integer index = fileIndex.get(name);
                yield index == null || index >= cells.values().size() ? null : cells.values().get(index);
            }
            case SourceRow.Fields fields -> fields.values().get(name);
            case SourceRow.Failed failed -> null;
        };
    }
}
