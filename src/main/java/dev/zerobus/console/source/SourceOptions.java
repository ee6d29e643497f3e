package dev.zerobus.console.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How to read a source file. {@code hasHeader}, {@code delimiter} and {@code quote} apply to CSV only;
 * {@code charset} to every format (a UTF-8 byte order mark is always recognised and skipped). Immutable.
 */
public record SourceOptions(SourceFormat format, boolean hasHeader, char delimiter, char quote, Charset charset) {
    public SourceOptions {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(charset, "charset");
        if (delimiter == quote) throw new IllegalArgumentException("The delimiter and the quote character must differ");
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("Line breaks cannot be delimiters or quote characters");
        }
    }

    public static SourceOptions csv() { return new SourceOptions(SourceFormat.CSV, true, ',', '"', StandardCharsets.UTF_8); }
    public static SourceOptions jsonLines() { return csv().withFormat(SourceFormat.JSON_LINES); }
    public static SourceOptions jsonArray() { return csv().withFormat(SourceFormat.JSON_ARRAY); }

    /**
     * Defaults for a file: the detected format, UTF-8, a header row, and for CSV the delimiter guessed from the
     * extension ({@code .tsv}) or from the first line (the most frequent of {@code , ; TAB |}).
     */
    public static SourceOptions detect(Path path) throws IOException {
        SourceFormat format = SourceFormat.detect(path);
        if (format != SourceFormat.CSV) return csv().withFormat(format);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        char delimiter = name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : sniffDelimiter(path);
        return csv().withDelimiter(delimiter);
    }

    public SourceOptions withFormat(SourceFormat value) { return new SourceOptions(value, hasHeader, delimiter, quote, charset); }
    public SourceOptions withHeader(boolean value) { return new SourceOptions(format, value, delimiter, quote, charset); }
    public SourceOptions withDelimiter(char value) { return new SourceOptions(format, hasHeader, value, quote, charset); }
    public SourceOptions withQuote(char value) { return new SourceOptions(format, hasHeader, delimiter, value, charset); }
    public SourceOptions withCharset(Charset value) { return new SourceOptions(format, hasHeader, delimiter, quote, value); }

    private static char sniffDelimiter(Path path) throws IOException {
        String line;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            line = reader.readLine();
        }
        if (line == null) return ',';
        char best = ',';
        long bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            long count = line.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }
}
