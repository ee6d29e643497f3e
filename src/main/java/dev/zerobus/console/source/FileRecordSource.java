package dev.zerobus.console.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the file readers share: the file, its size, and the byte-counting stream their parser reads for progress. */
abstract class FileRecordSource implements RecordSource {
    final Path path;
    final long totalBytes;
    final CountingInputStream in;

    /** Opens {@code path}; {@code totalBytes} is its size, measured (and checked, if need be) by the reader first. */
    FileRecordSource(Path path, long totalBytes) throws IOException {
        this.path = path;
        this.totalBytes = totalBytes;
        in = new CountingInputStream(Files.newInputStream(path));
    }

    @Override public long bytesRead() { return in.count(); }
    @Override public long totalBytes() { return totalBytes; }

    @Override
    public Path path() {
        return path;
    }
}
