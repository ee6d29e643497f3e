package dev.zerobus.console.ingest;

import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.source.ErrorPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to run a load: record format, number of parallel streams, records per request (1 = one record per call;
 * batches are far faster), the error policy for bad rows, where failed rows go (and whether an existing non-empty
 * file there may be replaced), codec options (time zone, epoch unit, empty cells), records already durable (a
 * resume), a rate limit (records/s, 0 = none), retries, and how long to wait for an ACK before the stream counts as
 * failed (each such time-out uses one attempt of the retry budget).
 */
public record LoadOptions(RecordFormat format, int streams, int recordsPerRequest, ErrorPolicy errorPolicy,
                          @Nullable Path failedRowsFile, boolean overwriteFailedRows, CodecOptions codec,
                          @Nullable AckedRanges alreadyDurable, double recordsPerSecond, RetryPolicy retry, Duration ackTimeout) {
    /** The SDK's own default for {@code serverLackOfAckTimeoutMs} (zerobus-protocol.md). */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(60);

    public LoadOptions {
        Objects.requireNonNull(format);
        Objects.requireNonNull(ackTimeout);
        if (streams < 1 || streams > 64) throw new IllegalArgumentException("streams must be 1..64, got " + streams);
        if (recordsPerRequest < 1) throw new IllegalArgumentException("recordsPerRequest must be >= 1");
        if (ackTimeout.isNegative() || ackTimeout.isZero()) throw new IllegalArgumentException("ackTimeout must be positive");
    }

    public static LoadOptions defaults(RecordFormat format) {
        return new LoadOptions(format, 1, 500, ErrorPolicy.skip(), null, false, CodecOptions.forCsv(), null, 0, RetryPolicy.defaults(),
                DEFAULT_ACK_TIMEOUT);
    }

    public LoadOptions withStreams(int n) { return new LoadOptions(format, n, recordsPerRequest, errorPolicy, failedRowsFile, overwriteFailedRows, codec, alreadyDurable, recordsPerSecond, retry, ackTimeout); }
    public LoadOptions withRecordsPerRequest(int n) { return new LoadOptions(format, streams, n, errorPolicy, failedRowsFile, overwriteFailedRows, codec, alreadyDurable, recordsPerSecond, retry, ackTimeout); }
    public LoadOptions withErrorPolicy(ErrorPolicy p) { return new LoadOptions(format, streams, recordsPerRequest, p, failedRowsFile, overwriteFailedRows, codec, alreadyDurable, recordsPerSecond, retry, ackTimeout); }
    /** Failed rows go to {@code f}; an existing non-empty file there is refused (see {@link #withFailedRowsFile(Path, boolean)}). */
    public LoadOptions withFailedRowsFile(@Nullable Path f) { return withFailedRowsFile(f, false); }
    public LoadOptions withFailedRowsFile(@Nullable Path f, boolean overwrite) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, f, overwrite, codec, alreadyDurable, recordsPerSecond, retry, ackTimeout); }
    public LoadOptions withCodec(CodecOptions c) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, overwriteFailedRows, c, alreadyDurable, recordsPerSecond, retry, ackTimeout); }
    public LoadOptions withAlreadyDurable(@Nullable AckedRanges r) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, overwriteFailedRows, codec, r, recordsPerSecond, retry, ackTimeout); }
    public LoadOptions withRate(double perSecond) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, overwriteFailedRows, codec, alreadyDurable, perSecond, retry, ackTimeout); }
    public LoadOptions withRetry(RetryPolicy r) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, overwriteFailedRows, codec, alreadyDurable, recordsPerSecond, r, ackTimeout); }
    public LoadOptions withAckTimeout(Duration t) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, overwriteFailedRows, codec, alreadyDurable, recordsPerSecond, retry, t); }
}
