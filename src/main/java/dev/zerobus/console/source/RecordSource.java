package dev.zerobus.console.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stream of records read from a file, one at a time, with memory bounded by the largest single record (never by
 * the file size). A bad record comes back as {@link SourceRow.Failed} and reading goes on.
 *
 * <p>Not thread-safe: one thread calls {@link #next()}. {@link #bytesRead()} and {@link #totalBytes()} may be
 * sampled from any thread for progress.
 */
public interface RecordSource extends AutoCloseable {

    /** Column names the readers drop, so that a failed-rows file can be fixed and loaded again as it is. */
    Set<String> ERROR_COLUMNS = Set.of(FailedRowsWriter.ERROR_LINE_COLUMN, FailedRowsWriter.ERROR_COLUMN,
            FailedRowsWriter.ERROR_RAW_COLUMN);

    /** The next record, or {@code null} at the end of the file. */
    @Nullable SourceRow next() throws IOException;

    /**
     * The file's column names. CSV: the header row (or {@code column_1..n} without one), fixed at open. JSON: the
     * keys seen so far, in order of first appearance; a preview gives the columns of the first records.
     */
    List<String> columns();

    /** Bytes consumed so far (the parser reads ahead by up to one buffer). */
    long bytesRead();

    /** The file size in bytes. */
    long totalBytes();

    /** The file read, or null for a source that is not a file (synthetic records). */
    default @Nullable Path path() {
        return null;
    }

    @Override void close() throws IOException;

    /** Opens a file with options from {@link SourceOptions#detect(Path)}. */
    static RecordSource open(Path path) throws IOException {
        return open(path, SourceOptions.detect(path));
    }

    static RecordSource open(Path path, SourceOptions options) throws IOException {
        return switch (options.format()) {
            case CSV -> new CsvRecordSource(path, options);
            case JSON_LINES -> new JsonLinesRecordSource(path, options);
            case JSON_ARRAY -> new JsonArrayRecordSource(path, options);
        };
    }
}
