package dev.zerobus.console.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the quote that broke a CSV record by reading the record again from its first physical line, with the same
 * quoting rules as FastCSV's strict parser (a quote opens a value only at its start, {@code ""} inside is a quote,
 * a closing quote must be followed by the delimiter or a line break). Also finds where a physical line starts, so
 * that reading can go on after a broken line. Only on the error path; lines are looked up in increasing order, so a
 * file is scanned about once however many faults it has. Not thread-safe.
 */
final class CsvQuotes {
    /** Longer than FastCSV's buffer: a quoted value this long can only be a stray quote. */
    static final int MAX_QUOTED_CHARS = 16 * 1024 * 1024;
    /** A cell's value is kept (for the failed row's cells) up to this length: the scan's memory stays small. */
    private static final int MAX_KEPT_CELL_CHARS = 1 << 20;

    enum Kind {
        /** The file ends inside the quoted value. */
        NEVER_CLOSED,
        /** The value's closing quote is on a later line and text follows it. */
        CLOSED_LATER_BY_TEXT,
        /** The quoted value runs on for more than {@link #MAX_QUOTED_CHARS}. */
        RUNS_ON,
        /** The closing quote is on the same line and text follows it. */
        TEXT_AFTER_CLOSE,
        /** The record is well formed, but a quoted value spans lines (reported only with a wrong cell count). */
        SPANS_LINES
    }

    /**
     * @param line        the physical line where the faulty quote opened
     * @param column      the 1-based cell of the file where it opened
     * @param position    the 1-based character of that line where it opened
     * @param endLine     where the quoted value closed (or the last line read)
     * @param after       the text that follows the closing quote, for the two {@code *_TEXT} kinds
     * @param cellsBefore the record's cells before the faulty one, as values
     */
    record Fault(Kind kind, long line, int column, int position, long endLine, String after, List<String> cellsBefore) {}

    private final Path path;
    private final Charset charset;
    private final char delimiter;
    private final char quote;
    private final boolean lineBreaksAreBytes;
    private long knownLine = 1;
    private long knownOffset;

    CsvQuotes(Path path, Charset charset, char delimiter, char quote) {
        this.path = path;
        this.charset = charset;
        this.delimiter = delimiter;
        this.quote = quote;
        lineBreaksAreBytes = Arrays.equals("\r\n".getBytes(charset), new byte[] {'\r', '\n'});
    }

    /** Whether {@link #offsetOf} works for this charset (any ASCII-compatible one: UTF-8, Latin-1, Windows-125x). */
    boolean canSeek() {
        return lineBreaksAreBytes;
    }

    /**
     * The byte offset where physical line {@code line} (1-based) starts, counting CRLF, LF and a lone CR as one
     * break like FastCSV does; the file size when the file has fewer lines.
     */
    long offsetOf(long line) throws IOException {
        if (!lineBreaksAreBytes) throw new IllegalStateException("Line breaks of " + charset + " are not single bytes");
        if (line < knownLine) {
            knownLine = 1;
            knownOffset = 0;
        }
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(knownOffset);
            byte[] buffer = new byte[1 << 16];
            long offset = knownOffset;
            long current = knownLine;
            boolean afterCr = false;
            int n;
            while (current < line && (n = in.read(buffer)) > 0) {
                int i = 0;
                for (; i < n && current < line; i++) {
                    byte b = buffer[i];
                    if (afterCr) {
                        afterCr = false;
                        if (b == '\n') continue; // the LF of a CRLF: the line was already counted at the CR
                    }
                    if (b == '\r') {
                        afterCr = true;
                        current++;
                    } else if (b == '\n') {
                        current++;
                    }
                }
                offset += i;
                // A CR that ends the buffer or the count may be followed by the LF of its CRLF.
                if (current == line && afterCr) {
                    if (i < n) {
                        if (buffer[i] == '\n') offset++;
                    } else {
                        int next = in.read();
                        if (next == '\n') offset++;
                    }
                }
            }
            knownLine = current;
            knownOffset = offset;
            return offset;
        }
    }

    /** The quote that broke the record starting at {@code line}, or null when no quote is to blame. */
    @Nullable Fault find(long line) throws IOException {
        if (!lineBreaksAreBytes) return null;
        long start = offsetOf(line);
        if (knownLine != line) return null; // the file has fewer lines
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(start);
            return scan(new BufferedReader(new InputStreamReader(in, charset), 1 << 16), line, start == 0);
        }
    }

    /** The text of physical lines {@code from..to}, joined by LF, without the last line break. */
    String lines(long from, long to) throws IOException {
        long start = offsetOf(from);
        long end = offsetOf(to + 1);
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(start);
            String text = new String(in.readNBytes((int) Math.min(end - start, MAX_QUOTED_CHARS)), charset);
            if (start == 0 && text.startsWith("\uFEFF")) text = text.substring(1);
            return text.replaceFirst("(\r\n|\r|\n)$", "").replace("\r\n", "\n").replace('\r', '\n');
        }
    }

    private @Nullable Fault scan(BufferedReader in, long firstLine, boolean atFileStart) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        long line = firstLine;
        int position = 0; // characters of the current line read so far
        int column = 0;
        boolean atCellStart = true;
        boolean quoted = false;
        long quoteLine = 0;
        int quoteColumn = 0;
        int quotePosition = 0;
        long quotedChars = 0;
        Fault spans = null;
        int c = in.read();
        if (atFileStart && c == '\uFEFF') c = in.read();
        for (; ; c = in.read()) {
            position++;
            if (!quoted) {
                if (c == -1 || c == '\r' || c == '\n') return spans;
                if (atCellStart && c == quote) {
                    quoted = true;
                    quoteLine = line;
                    quoteColumn = column + 1;
                    quotePosition = position;
                    quotedChars = 0;
                    atCellStart = false;
                } else if (c == delimiter) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    column++;
                    atCellStart = true;
                } else {
                    cell.append((char) c);
                    atCellStart = false;
                }
                continue;
            }
            if (c == -1) return new Fault(Kind.NEVER_CLOSED, quoteLine, quoteColumn, quotePosition, line, "", List.copyOf(cells));
            if (++quotedChars > MAX_QUOTED_CHARS) {
                return new Fault(Kind.RUNS_ON, quoteLine, quoteColumn, quotePosition, line, "", List.copyOf(cells));
            }
            if (c == quote) {
                int next = in.read();
                position++;
                if (next == quote) {
                    cell.append((char) c);
                    continue;
                }
                if (next == delimiter || next == '\r' || next == '\n' || next == -1) {
                    quoted = false;
                    if (line != quoteLine && spans == null) {
                        spans = new Fault(Kind.SPANS_LINES, quoteLine, quoteColumn, quotePosition, line, "", List.copyOf(cells));
                    }
                    if (next != delimiter) return spans;
                    cells.add(cell.toString());
                    cell.setLength(0);
                    column++;
                    atCellStart = true;
                    continue;
                }
                return new Fault(line == quoteLine ? Kind.TEXT_AFTER_CLOSE : Kind.CLOSED_LATER_BY_TEXT, quoteLine, quoteColumn,
                        quotePosition, line, textFrom(next, in), List.copyOf(cells));
            }
            if (cell.length() < MAX_KEPT_CELL_CHARS) cell.append((char) c);
            if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() == '\n') cell.append('\n');
                    else in.reset();
                }
                line++;
                position = 0;
            }
        }
    }

    /** Up to 20 characters from {@code first} to the next delimiter or line break, for the message. */
    private String textFrom(int first, BufferedReader in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int c = first; c != -1 && c != delimiter && c != '\r' && c != '\n' && text.length() < 20; c = in.read()) {
            text.append((char) c);
        }
        return text.toString();
    }
}
