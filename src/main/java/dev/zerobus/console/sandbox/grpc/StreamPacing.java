package dev.zerobus.console.sandbox.grpc;

import java.util.ArrayDeque;

/**
 * One stream's quota in "like the service" mode: a token bucket for rows and one for request bytes, refilled at the
 * quota and holding at most {@link #BURST_SECONDS} of it. A request is taken in full when it arrives (tokens may go
 * below zero); the stream then reads nothing until the bucket is back at zero, so the client is slowed by gRPC flow
 * control: nothing is dropped and no error is sent (the quotas page, https://docs.databricks.com/aws/en/ingestion/zerobus-quotas,
 * describes none for going over a quota: the stricter reading invents none). Over any window the
 * stream receives at most quota x window + burst + one request. Also meters the rows per sliding window for
 * {@link StreamStats}. Not thread-safe: used under the stream's monitor.
 */
final class StreamPacing {
    static final double BURST_SECONDS = 0.1;

    private final double rowsPerNano;
    private final double bytesPerNano;
    private final double rowCapacity;
    private final double byteCapacity;
    private double rows;
    private double bytes;
    private long refilledAt;
    private final ArrayDeque<long[]> window = new ArrayDeque<>();
    private long rowsInWindow;

    StreamPacing(long rowsPerSecond, long bytesPerSecond, long now) {
        this.rowsPerNano = rowsPerSecond / 1e9;
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.rowCapacity = Math.max(1, rowsPerSecond * BURST_SECONDS);
        this.byteCapacity = Math.max(1, bytesPerSecond * BURST_SECONDS);
        this.rows = rowCapacity;
        this.bytes = byteCapacity;
        this.refilledAt = now;
    }

    /** Takes a received request; returns the rows received in the last {@link StreamStats#RATE_WINDOW_NANOS}. */
    long take(int requestRows, long requestBytes, long now) {
        refill(now);
        rows -= requestRows;
        bytes -= requestBytes;
        window.addLast(new long[] {now, requestRows});
        rowsInWindow += requestRows;
        while (!window.isEmpty() && window.peekFirst()[0] <= now - StreamStats.RATE_WINDOW_NANOS) {
            rowsInWindow -= window.pollFirst()[1];
        }
        return rowsInWindow;
    }

    /** Nanoseconds until both buckets are back at zero; 0 when the stream may read now. */
    long waitNanos(long now) {
        refill(now);
        double wait = Math.max(rows < 0 ? -rows / rowsPerNano : 0, bytes < 0 ? -bytes / bytesPerNano : 0);
        return (long) Math.ceil(wait);
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed <= 0) return;
        refilledAt = now;
        rows = Math.min(rowCapacity, rows + elapsed * rowsPerNano);
        bytes = Math.min(byteCapacity, bytes + elapsed * bytesPerNano);
    }
}
