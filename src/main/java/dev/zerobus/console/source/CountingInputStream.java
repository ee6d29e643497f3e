package dev.zerobus.console.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes handed to the parser, for progress. The count is read from other threads, hence volatile. */
final class CountingInputStream extends FilterInputStream {
    private volatile long count;

    CountingInputStream(InputStream in) {
        this(in, 0);
    }

    /** For a stream that starts {@code start} bytes into its file. */
    CountingInputStream(InputStream in, long start) {
        super(in);
        count = start;
    }

    long count() { return count; }

    @Override public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count++;
        return b;
    }

    @Override public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) count += n;
        return n;
    }

    @Override public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count += skipped;
        return skipped;
    }

    @Override public boolean markSupported() { return false; }
}
