package dev.zerobus.console.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a load did, exactly: rows read, skipped (already durable from a resume point), sent, ACKed (durable),
 * failed (bad rows and rows of a failed stream), retries, rows re-sent after a failure (each may have landed twice:
 * the upper bound of the duplicates this run wrote), seconds; whether it was cancelled or stopped by the error
 * policy; the durable ranges (for a resume); the first errors; and why it stopped if a stream failed.
 */
public record LoadResult(long read, long skipped, long sent, long acked, long failed, long retries, long resent, double seconds,
                         boolean cancelled, boolean stoppedByPolicy, AckedRanges durable, List<RowError> errors,
                         @Nullable Path failedRowsFile, @Nullable IngestException streamFailure) {
    public boolean succeeded() {
        return failed == 0 && !cancelled && streamFailure == null;
    }

    /** The one-line JSON summary the CLI prints. */
    public String toJson() {
        return String.format(Locale.ROOT,
                "{\"read\":%d,\"skipped\":%d,\"sent\":%d,\"acked\":%d,\"failed\":%d,\"retries\":%d,\"seconds\":%.3f,\"cancelled\":%s,"
                        + "\"resent\":%d}",
                read, skipped, sent, acked, failed, retries, seconds, cancelled, resent);
    }
}
