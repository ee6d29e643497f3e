package dev.zerobus.console.source;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record read from a source file, or the reason it could not be read. Line numbers are the 1-based physical
 * line where the record starts (a quoted CSV cell may span lines); {@code recordIndex} counts data records from 0,
 * failed ones included. Values are unmodifiable; treat them as read-only.
 */
public sealed interface SourceRow {
    long lineNumber();

    long recordIndex();

    /** The record as text, for messages and failed-rows files: a CSV line or a JSON object. */
    String rawText();

    /** A CSV record: cells aligned with {@link RecordSource#columns()}, an empty cell is {@code null}. */
    record Cells(long lineNumber, long recordIndex, List<String> values, char delimiter) implements SourceRow {
        public Cells { Objects.requireNonNull(values, "values"); }

        @Override public String rawText() { return CsvText.join(values, delimiter); }
    }

    /**
     * A JSON record: keys as in the file (minus {@code _error*} keys), values as String, Long, BigInteger,
     * BigDecimal, Boolean, List, Map or null.
     */
    record Fields(long lineNumber, long recordIndex, Map<String, Object> values) implements SourceRow {
        public Fields { Objects.requireNonNull(values, "values"); }

        @Override public String rawText() { return JsonValues.write(values); }
    }

    /**
     * A record the reader could not turn into values (unparseable JSON, a wrong number of CSV cells). Reading
     * continues after it unless {@link #isFatal()}: a syntax error inside a JSON array ends the array.
     * {@code cells} holds the CSV cells as read (empty for JSON).
     */
    record Failed(long lineNumber, long recordIndex, String reason, String rawText, List<String> cells, boolean isFatal)
            implements SourceRow {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rawText, "rawText");
            Objects.requireNonNull(cells, "cells");
        }
    }
}
