package dev.zerobus.console.ingest;

import org.jspecify.annotations.Nullable;

/** A source row that was not sent: where it is (line, record index), which column, the value and why. */
public record RowError(long line, long recordIndex, String column, @Nullable String value, String reason) {
}
