package dev.zerobus.console.catalog;

import java.util.Objects;

/**
 * A table's row count before a session, to report how many rows landed after it. Counts through the warehouse, so
 * rows others write meanwhile count too. Immutable and thread-safe; {@link #measure()} blocks on HTTP.
 */
public final class RowCountDelta {
    /** The two counts and their difference. */
    public record Change(long before, long after) {
        public long delta() {
            return after - before;
        }
    }

    private final TableReader reader;
    private final String fullName;
    private final long before;

    private RowCountDelta(TableReader reader, String fullName, long before) {
        this.reader = reader;
        this.fullName = fullName;
        this.before = before;
    }

    public static RowCountDelta snapshot(TableReader reader, String fullName) {
        Objects.requireNonNull(reader, "reader");
        return new RowCountDelta(reader, fullName, reader.count(fullName));
    }

    public String fullName() {
        return fullName;
    }

    public long before() {
        return before;
    }

    public Change measure() {
        return new Change(before, reader.count(fullName));
    }
}
