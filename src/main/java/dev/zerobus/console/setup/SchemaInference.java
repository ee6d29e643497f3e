package dev.zerobus.console.setup;

import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.source.InferredType;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SourceRow;
import dev.zerobus.console.workspace.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Infers a table's columns from a CSV, JSON Lines or JSON array file the way Databricks' file upload does: from a
 * bounded sample (the first {@link Limits#maxRows()} records or {@link Limits#maxBytes()} bytes, whichever ends
 * first), so a 1 GB file is as quick as a small one. Types: BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP, STRING, and
 * from JSON nested STRUCT (objects) and ARRAY (lists). Values that disagree widen (BIGINT + DOUBLE = DOUBLE,
 * DATE + TIMESTAMP = TIMESTAMP, anything else = STRING); a column with no value in the sample is STRING, with a note.
 * The file's column names are made Zerobus-safe ({@link TableSql#suggestName}) and kept as {@code sourceName}.
 * Reuses the console's streaming readers ({@link RecordSource}) and {@link InferredType} for CSV text. Stateless.
 */
public final class SchemaInference {
    /** How much of a file to read. */
    public record Limits(int maxRows, long maxBytes) {
        /** The first 10,000 records or 10 MB. */
        public static final Limits DEFAULT = new Limits(10_000, 10L * 1024 * 1024);

        public Limits {
            if (maxRows < 1 || maxBytes < 1) throw new IllegalArgumentException("Limits must be positive");
        }
    }

    /** Stands for "no value seen yet" inside nested types; becomes STRING at the end. */
    private static final ColumnType UNKNOWN = new ColumnType.Unsupported("void", "NULL", "no value seen");
    private static final ColumnType BIGINT = ColumnType.of(Kind.LONG);
    private static final ColumnType DOUBLE = ColumnType.of(Kind.DOUBLE);
    private static final ColumnType STRING = ColumnType.of(Kind.STRING);
    private static final ColumnType BOOLEAN = ColumnType.of(Kind.BOOLEAN);
    private static final ColumnType DATE = ColumnType.of(Kind.DATE);
    private static final ColumnType TIMESTAMP = ColumnType.of(Kind.TIMESTAMP);

    private SchemaInference() {}

    public static InferredSchema infer(Path file) {
        try {
            return infer(file, SourceOptions.detect(file), Limits.DEFAULT);
        } catch (NoSuchFileException e) {
            throw new SetupException(missing(file, e));
        } catch (IOException e) {
            throw new SetupException(unreadable(file, e));
        }
    }

    /**
     * Reads the sample and returns the columns. A file with no column, or no readable record in the sample, is a
     * {@link SetupException} naming the file, the line and the fix.
     */
    public static InferredSchema infer(Path file, SourceOptions options, Limits limits) {
        long start = System.nanoTime();
        if (!Files.isRegularFile(file)) throw new SetupException(missing(file, null));
        Map<String, Slot> slots = new LinkedHashMap<>();
        long rows = 0;
        long failed = 0;
        long bytes;
        long total;
        boolean whole;
        SourceRow.@Nullable Failed firstFailure = null;
        try (RecordSource source = RecordSource.open(file, options)) {
            List<String> csvColumns = options.format() == dev.zerobus.console.source.SourceFormat.CSV ? source.columns() : List.of();
            for (String c : csvColumns) slots.computeIfAbsent(c, Slot::new);
            SourceRow row = null;
            // The byte limit is checked after each record (readers count what they buffered), so at least one is read.
            while (rows < limits.maxRows() && (row = source.next()) != null) {
                rows++;
                switch (row) {
                    case SourceRow.Cells cells -> {
                        for (int i = 0; i < csvColumns.size() && i < cells.values().size(); i++) {
                            slots.get(csvColumns.get(i)).add(textType(cells.values().get(i)));
                        }
                    }
                    case SourceRow.Fields fields -> {
                        for (var e : fields.values().entrySet()) slots.computeIfAbsent(e.getKey(), Slot::new).add(jsonType(e.getValue()));
                    }
                    case SourceRow.Failed f -> {
                        failed++;
                        if (firstFailure == null) firstFailure = f;
                    }
                }
                if (source.bytesRead() >= limits.maxBytes()) break;
            }
            bytes = source.bytesRead();
            total = source.totalBytes();
            whole = row == null || (rows < limits.maxRows() && source.bytesRead() < limits.maxBytes() && source.next() == null);
        } catch (IOException e) {
            throw new SetupException(unreadable(file, e));
        }
        String fileName = file.getFileName().toString();
        if (options.format() == dev.zerobus.console.source.SourceFormat.CSV && !slots.isEmpty() && rows == 0) {
            throw new SetupException(new Problem("The columns of " + fileName + " cannot be inferred: it has a header but no data rows.",
                    "Add rows to the file, or enter the column types by hand."));
        }
        if (slots.isEmpty() || rows == failed) {
            String why = firstFailure != null ? " The first record cannot be read: " + firstFailure.reason() + "."
                    : rows == 0 ? " It has no records." : "";
            throw new SetupException(new Problem("The columns of " + fileName + " cannot be inferred: no readable "
                    + (options.format() == dev.zerobus.console.source.SourceFormat.CSV ? "CSV rows" : "JSON objects")
                    + " in its first " + rows + " records." + why,
                    "Check that the file is " + describe(options) + " (or pick its format), and that it has a header and at least one data row; "
                            + "or enter the columns by hand."));
        }
        List<InferredColumn> columns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Slot slot : slots.values()) {
            String name = TableSql.suggestName(slot.sourceName);
            String unique = name;
            for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) unique = name + "_" + n;
            if (!unique.equals(slot.sourceName)) notes.add("Column '" + slot.sourceName + "' is named " + unique + " in the table (Zerobus takes letters, digits and underscores).");
            if (slot.values == 0) notes.add("Column '" + slot.sourceName + "' had no value in the sample: STRING assumed; change it if you know better.");
            columns.add(new InferredColumn(unique, slot.sourceName, finish(slot.type), slot.values, slot.nulls, null));
        }
        if (failed > 0) {
            notes.add(failed + " of " + rows + " sampled records could not be read and were left out (first: " + firstFailure.reason() + ").");
        }
        if (!whole) notes.add("Inferred from the first " + rows + " records (" + bytes + " of " + total + " bytes); later rows may need wider types.");
        return new InferredSchema(options.format(), columns, rows, failed, bytes, total, whole, notes,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static String describe(SourceOptions options) {
        return switch (options.format()) {
            case CSV -> "CSV with '" + (options.delimiter() == '\t' ? "\\t" : String.valueOf(options.delimiter())) + "' between cells";
            case JSON_LINES -> "JSON Lines (one object per line)";
            case JSON_ARRAY -> "a JSON array of objects";
        };
    }

    private static Problem missing(Path file, @Nullable Throwable cause) {
        return new Problem("There is no file " + file + ".", "Check the path.", null, cause);
    }

    private static Problem unreadable(Path file, IOException e) {
        return new Problem("Cannot read " + file.getFileName() + ": " + e.getMessage(),
                "Check that it is a CSV, JSON Lines or JSON array file you may read, or pick its format.", null, e);
    }

    private static final class Slot {
        final String sourceName;
        @Nullable ColumnType type;
        long values;
        long nulls;

        Slot(String sourceName) {
            this.sourceName = sourceName;
        }

        void add(@Nullable ColumnType t) {
            if (t == null) {
                nulls++;
                return;
            }
            values++;
            type = merge(type, t);
        }
    }

    /** A CSV cell: its text decides (INTEGER -> BIGINT, DECIMAL -> DOUBLE, ...); empty is null. */
    static @Nullable ColumnType textType(@Nullable String cell) {
        if (cell == null) return null;
        return switch (InferredType.of(cell)) {
            case EMPTY -> null;
            case BOOLEAN -> BOOLEAN;
            case INTEGER -> BIGINT;
            case DECIMAL -> DOUBLE;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            default -> STRING;
        };
    }

    /** A JSON value: numbers and booleans by their JSON type, strings as DATE/TIMESTAMP when they look like one. */
    static @Nullable ColumnType jsonType(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Boolean b -> BOOLEAN;
            case Long l -> BIGINT;
            case Integer i -> BIGINT;
            case BigInteger i -> i.bitLength() < 64 ? BIGINT : DOUBLE;
            case BigDecimal d -> DOUBLE;
            case Number n -> DOUBLE;
            case String s -> switch (InferredType.of(s)) {
                case DATE -> DATE;
                case TIMESTAMP -> TIMESTAMP;
                case EMPTY -> STRING;
                default -> STRING;
            };
            case List<?> list -> {
                ColumnType element = UNKNOWN;
                for (Object item : list) {
                    ColumnType t = jsonType(item);
                    if (t != null) element = merge(element, t);
                }
                yield new ColumnType.Array(element, true);
            }
            case Map<?, ?> map -> {
                List<ColumnType.Field> fields = new ArrayList<>();
                for (var e : map.entrySet()) {
                    ColumnType t = jsonType(e.getValue());
                    fields.add(new ColumnType.Field(String.valueOf(e.getKey()), t == null ? UNKNOWN : t, true));
                }
                yield new ColumnType.Struct(fields);
            }
            default -> STRING;
        };
    }

    /** The type that holds both. */
    static ColumnType merge(@Nullable ColumnType a, ColumnType b) {
        if (a == null || a == UNKNOWN) return b;
        if (b == UNKNOWN || a.equals(b)) return a;
        if (a instanceof ColumnType.Primitive pa && b instanceof ColumnType.Primitive pb) {
            if (isPair(pa, pb, Kind.LONG, Kind.DOUBLE)) return DOUBLE;
            if (isPair(pa, pb, Kind.DATE, Kind.TIMESTAMP)) return TIMESTAMP;
            return STRING;
        }
        if (a instanceof ColumnType.Array aa && b instanceof ColumnType.Array ab) {
            return new ColumnType.Array(merge(aa.element(), ab.element()), true);
        }
        if (a instanceof ColumnType.Struct sa && b instanceof ColumnType.Struct sb) {
            Map<String, ColumnType> fields = new LinkedHashMap<>();
            for (ColumnType.Field f : sa.fields()) fields.put(f.name(), f.type());
            for (ColumnType.Field f : sb.fields()) fields.merge(f.name(), f.type(), SchemaInference::merge);
            List<ColumnType.Field> merged = new ArrayList<>();
            fields.forEach((name, type) -> merged.add(new ColumnType.Field(name, type, true)));
            return new ColumnType.Struct(merged);
        }
        return STRING;
    }

    private static boolean isPair(ColumnType.Primitive a, ColumnType.Primitive b, Kind x, Kind y) {
        return (a.kind() == x && b.kind() == y) || (a.kind() == y && b.kind() == x);
    }

    /** Unknowns (no value seen) become STRING; struct field names are made Zerobus-safe. */
    private static ColumnType finish(@Nullable ColumnType type) {
        if (type == null || type == UNKNOWN) return STRING;
        return switch (type) {
            case ColumnType.Array a -> new ColumnType.Array(finish(a.element()), true);
            case ColumnType.Struct s -> {
                if (s.fields().isEmpty()) yield STRING; // {} carries nothing a STRUCT could hold
                List<ColumnType.Field> fields = new ArrayList<>();
                Set<String> used = new HashSet<>();
                for (ColumnType.Field f : s.fields()) {
                    String name = TableSql.suggestName(f.name());
                    String unique = name;
                    for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) unique = name + "_" + n;
                    fields.add(new ColumnType.Field(unique, finish(f.type()), true));
                }
                yield new ColumnType.Struct(fields);
            }
            default -> type;
        };
    }
}
