package dev.zerobus.console.source;

import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Generates test records for a table: one {@code Map<String, Object>} per call, keyed by column name, with values
 * that fit each column's type and, where the column name says what it holds ({@link ValueHint#forColumn}),
 * realistic values from Datafaker (names, emails, cities, temperatures, prices, ...).
 *
 * <p>Value forms are the record codec's friendly input: Boolean; Byte, Short, Integer, Long within the type's
 * range; Float, Double; String ({@code varchar(n)} cut to n); BINARY as a base64 String; DECIMAL as BigDecimal
 * with the column's scale; DATE as Integer days since 1970-01-01 and TIMESTAMP / TIMESTAMP_NTZ as Long
 * microseconds since the epoch ({@link TimeValues#EPOCH_NUMBERS}, the wire values, so the codec parses nothing),
 * or ISO-8601 text ({@link TimeValues#ISO_TEXT}: {@code 2024-05-01}, {@code 2024-05-01T12:30:00.123456Z}, NTZ
 * without offset) for people to read; ARRAY as List (1..3 elements, no nulls); MAP as LinkedHashMap (1..3 entries);
 * STRUCT as LinkedHashMap by field name. Unsupported columns get null. Nullable columns are always filled.
 *
 * <p>The same seed, schema and clock instants give the same records. Times are "near now" from the clock
 * (within the last minute; DATE within the last year). Not thread-safe: one generating thread.
 */
public final class SyntheticRecords {
    /** How DATE and TIMESTAMP values are written. */
    public enum TimeValues { EPOCH_NUMBERS, ISO_TEXT }

    private final TableSchema schema;
    private final List<ValueHint> hints;
    private final SyntheticValues values;
    private long generated;

    public SyntheticRecords(TableSchema schema, long seed) {
        this(schema, seed, Clock.systemUTC(), TimeValues.EPOCH_NUMBERS);
    }

    public SyntheticRecords(TableSchema schema, long seed, Clock clock, TimeValues timeValues) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.hints = schema.columns().stream().map(c -> ValueHint.forColumn(c.name())).toList();
        this.values = new SyntheticValues(seed, clock, timeValues);
    }

    public TableSchema schema() { return schema; }

    /** The hint each column's name gave, in column order (for showing what will be generated). */
    public Map<String, ValueHint> hints() {
        Map<String, ValueHint> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < hints.size(); i++) byColumn.put(schema.columns().get(i).name(), hints.get(i));
        return byColumn;
    }

    /** Records generated so far; the next record's SEQUENCE columns hold this + 1. */
    public long generated() { return generated; }

    public Map<String, @Nullable Object> next() {
        Map<String, @Nullable Object> record = new LinkedHashMap<>();
        List<TableColumn> columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            record.put(columns.get(i).name(), values.value(columns.get(i).type(), hints.get(i), generated));
        }
        generated++;
        return record;
    }

    /**
     * A source of {@code count} generated records (line number = record number), to load like a file; its
     * "bytes" progress counts records.
     */
    public RecordSource asSource(long count) {
        return new RecordSource() {
            @Override public @Nullable SourceRow next() {
                if (generated >= count) return null;
                long index = generated;
                return new SourceRow.Fields(index + 1, index, SyntheticRecords.this.next());
            }
            @Override public List<String> columns() { return schema.columns().stream().map(TableColumn::name).toList(); }
            @Override public long bytesRead() { return generated; }
            @Override public long totalBytes() { return count; }
            @Override public void close() { }
        };
    }
}
