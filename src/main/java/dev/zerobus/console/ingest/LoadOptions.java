package dev.zerobus.console.ingest;

import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.source.ErrorPolicy;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to run a load: record format, number of parallel streams, records per request (1 = one record per call;
 * batches are far faster), the error policy for bad rows, where failed rows go, codec options (time zone, epoch
 * unit, empty cells), records already durable (a resume), a rate limit (records/s, 0 = none), and retries.
 */
public record LoadOptions(RecordFormat format, int streams, int recordsPerRequest, ErrorPolicy errorPolicy,
                          @Nullable Path failedRowsFile, CodecOptions codec, @Nullable AckedRanges alreadyDurable,
                          double recordsPerSecond, RetryPolicy retry) {
    public LoadOptions {
        Objects.requireNonNull(format);
        if (streams < 1 || streams > 64) throw new IllegalArgumentException("streams must be 1..64, got " + streams);
        if (recordsPerRequest < 1) throw new IllegalArgumentException("recordsPerRequest must be >= 1");
    }

    public static LoadOptions defaults(RecordFormat format) {
        return new LoadOptions(format, 1, 500, ErrorPolicy.skip(), null, CodecOptions.forCsv(), null, 0, RetryPolicy.defaults());
    }

    public LoadOptions withStreams(int n) { return new LoadOptions(format, n, recordsPerRequest, errorPolicy, failedRowsFile, codec, alreadyDurable, recordsPerSecond, retry); }
    public LoadOptions withRecordsPerRequest(int n) { return new LoadOptions(format, streams, n, errorPolicy, failedRowsFile, codec, alreadyDurable, recordsPerSecond, retry); }
    public LoadOptions withErrorPolicy(ErrorPolicy p) { return new LoadOptions(format, streams, recordsPerRequest, p, failedRowsFile, codec, alreadyDurable, recordsPerSecond, retry); }
    public LoadOptions withFailedRowsFile(@Nullable Path f) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, f, codec, alreadyDurable, recordsPerSecond, retry); }
    public LoadOptions withCodec(CodecOptions c) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, c, alreadyDurable, recordsPerSecond, retry); }
    public LoadOptions withAlreadyDurable(@Nullable AckedRanges r) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, codec, r, recordsPerSecond, retry); }
    public LoadOptions withRate(double perSecond) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, codec, alreadyDurable, perSecond, retry); }
    public LoadOptions withRetry(RetryPolicy r) { return new LoadOptions(format, streams, recordsPerRequest, errorPolicy, failedRowsFile, codec, alreadyDurable, recordsPerSecond, r); }
}
