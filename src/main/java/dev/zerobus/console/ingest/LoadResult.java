package dev.zerobus.console.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a load did, exactly: rows read, skipped (already durable from a resume point), sent, ACKed (durable),
 * failed (bad rows and rows of a failed stream), retries, planned rotations (the service ended a stream on schedule;
 * not retries), rows re-sent after a failure or a rotation (each may have landed twice: the upper bound of the
 * duplicates this run wrote), seconds; whether it was cancelled (by the person: a load whose stream failed is
 * failed, never cancelled) or stopped by the error policy; the durable ranges (for a resume); the first errors; and why it stopped if a stream failed.
 */
public record LoadResult(long read, long skipped, long sent, long acked, long failed, long retries, long rotations, long resent,
                         double seconds,
                         boolean cancelled, boolean stoppedByPolicy, AckedRanges durable, List<RowError> errors,
                         @Nullable Path failedRowsFile, @Nullable IngestException streamFailure) {
    public boolean succeeded() {
        return failed == 0 && !cancelled && streamFailure == null;
    }

    /**
     * How the load ended, for scripts: {@code landed} (every row read landed), {@code rows_failed} (it read the whole
     * file, some rows were bad), {@code stopped_by_policy}, {@code cancelled} (by the person), {@code failed} (a stream
     * failed: the rows not acknowledged did not land, the rest of the file was not read).
     */
    public String outcome() {
        if (streamFailure != null) return "failed";
        if (cancelled) return "cancelled";
        if (stoppedByPolicy) return "stopped_by_policy";
        return failed == 0 ? "landed" : "rows_failed";
    }

    /** The one-line JSON summary the CLI prints. */
    public String toJson() {
        return String.format(Locale.ROOT,
                "{\"read\":%d,\"skipped\":%d,\"sent\":%d,\"acked\":%d,\"failed\":%d,\"retries\":%d,\"rotations\":%d,\"seconds\":%.3f,"
                        + "\"cancelled\":%s,\"resent\":%d,\"outcome\":\"%s\"}",
                read, skipped, sent, acked, failed, retries, rotations, seconds, cancelled, resent, outcome());
    }
}
