package dev.zerobus.console.sandbox.http;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outcome of one SQL statement: rows already rendered as strings and split into chunks, or a failure. */
sealed interface StatementResult {
    /** One result column of the manifest. */
    record Column(String name, String typeName, String typeText, int precision, int scale) {}

    /** Rows {@code [rowOffset, rowOffset + rows.size())} of the result. */
    record Chunk(long rowOffset, List<List<String>> rows, long byteCount) {}

    record Succeeded(List<Column> columns, List<Chunk> chunks, long totalRows, boolean truncated) implements StatementResult {}

    /** {@code errorCode} is a ServiceErrorCode (BAD_REQUEST, ...); {@code sqlState} the SQLSTATE, when there is one. */
    record Failed(String errorCode, String message, @Nullable String sqlState) implements StatementResult {}

}
