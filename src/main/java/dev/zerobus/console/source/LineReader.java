package dev.zerobus.console.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines ending in LF or CRLF, like {@code BufferedReader.readLine}, but never holds more than
 * {@code maxLineChars} of one line: the rest of a longer line is skipped and {@link #wasTruncated()} says so.
 * This keeps memory bounded when a file without line breaks is read as JSON Lines. Not thread-safe.
 */
final class LineReader implements Closeable {
    private final Reader reader;
    private final int maxLineChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean truncated;

    LineReader(Reader reader, int maxLineChars) {
        this.reader = reader;
        this.maxLineChars = maxLineChars;
    }

    /** The next line without its terminator, or null at the end of the input. */
    @Nullable String readLine() throws IOException {
        StringBuilder line = null;
        truncated = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return line == null ? null : stripCr(line);
                }
            }
            if (line == null) line = new StringBuilder();
            int start = position;
            while (position < limit && buffer[position] != '\n') position++;
            int room = maxLineChars - line.length();
            if (position - start > room) truncated = true;
            line.append(buffer, start, Math.max(0, Math.min(position - start, room)));
            if (position < limit) {
                position++;
                return stripCr(line);
            }
        }
    }

    boolean wasTruncated() { return truncated; }

    private static String stripCr(StringBuilder line) {
        int length = line.length();
        return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
    }

    @Override public void close() throws IOException {
        reader.close();
    }
}
