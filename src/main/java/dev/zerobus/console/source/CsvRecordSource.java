package dev.zerobus.console.source;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * CSV through FastCSV, streaming. Cell-count checks are ours (FastCSV is told to ignore mismatches) so that a
 * short or long row becomes a {@link SourceRow.Failed} instead of ending the read. A stray quote (never closed, or
 * closed with text after it) fails its own line, named with the quote's line and column, and reading starts again
 * on the next line: the good rows after it are not swallowed into one value. Not thread-safe.
 */
final class CsvRecordSource extends FileRecordSource {
    private static final Pattern RECORD_LINE = Pattern.compile("record starting at line (\\d+)", Pattern.CASE_INSENSITIVE);
    private final SourceOptions options;
    private final CsvQuotes quotes;
    /** The stream of the reader started after a stray quote, if any (before, FileRecordSource's own). */
    private @Nullable CountingInputStream restarted;
    private CsvReader<CsvRecord> reader;
    private CloseableIterator<CsvRecord> records;
    /** Physical lines before the current reader's start (FastCSV counts from 1 again after a restart). */
    private long lineOffset;
    private final char delimiter;
    private final List<String> columns;
    /** Positions of the file's cells that are kept: all but the {@code _error*} columns of a failed-rows file. */
    private final int[] kept;
    private final int fileColumnCount;
    private final List<String> fileColumns;
    private @Nullable CsvRecord pending;
    private long recordIndex;
    private long lastLine;
    private boolean finished;

    CsvRecordSource(Path path, SourceOptions options) throws IOException {
        super(path, textSize(path));
        delimiter = options.delimiter();
        this.options = options;
        quotes = new CsvQuotes(path, options.charset(), options.delimiter(), options.quote());
        reader = csvReader(in, true);
        records = reader.iterator();
        CsvRecord first;
        try {
            first = records.hasNext() ? records.next() : null;
        } catch (CsvParseException | UncheckedIOException e) {
            reader.close();
            CsvQuotes.Fault fault = e instanceof CsvParseException ? quotes.find(1) : null;
            if (fault != null && fault.line() == 1 && fault.kind() != CsvQuotes.Kind.SPANS_LINES) {
                throw new SourceFormatException((options.hasHeader() ? "The header (line 1) of " : "Line 1 of ") + path.getFileName() + " cannot be read: "
                        + lowerFirst(quoteProblem(fault, List.of())) + ".", quoteFix(fault), e);
            }
            String why = rootMessage(e);
            throw new SourceFormatException("The first line of " + path.getFileName() + " cannot be read as CSV: " + why
                    + (why.contains("maximum limit") ? " (a table has far fewer columns; Delta tables top out in the thousands)" : "") + ".",
                    why.contains("maximum limit") ? "Check the delimiter (--format) and that this is the right file; keep to the table's columns."
                            : "Check that the file is CSV with a header line, or pick its format with --format.", e);
        }
        List<String> names = new ArrayList<>();
        if (first != null) {
            for (int i = 0; i < first.getFieldCount(); i++) {
                String header = first.getField(i).strip();
                names.add(options.hasHeader() && !header.isEmpty() ? header : "column_" + (i + 1));
            }
            lastLine = first.getStartingLineNumber();
        }
        if (options.hasHeader()) refuseDuplicates(path, names);
        if (!options.hasHeader()) pending = first;
        fileColumnCount = names.size();
        fileColumns = List.copyOf(names);
        kept = IntStream.range(0, names.size())
                .filter(i -> !options.hasHeader() || !ERROR_COLUMNS.contains(names.get(i))).toArray();
        columns = Arrays.stream(kept).mapToObj(names::get).toList();
    }

    @Override public @Nullable SourceRow next() throws IOException {
        if (finished) return null;
        CsvRecord record;
        try {
            record = pending != null ? pending : records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            String message = rootMessage(e);
            Matcher at = RECORD_LINE.matcher(message);
            long line = at.find() ? Long.parseLong(at.group(1)) + lineOffset : lastLine + 1;
            SourceRow strayQuote = failAtQuote(line);
            if (strayQuote != null) return strayQuote;
            // FastCSV cannot resume after a syntax error (it repeats the exception), so this row ends the file.
            finished = true;
            String reason = "Line " + line + " cannot be read as CSV (" + message + "); reading stopped there";
            return new SourceRow.Failed(line, recordIndex++, reason, "", List.of(), true);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        pending = null;
        if (record == null) {
            finished = true;
            return null;
        }
        lastLine = record.getStartingLineNumber() + lineOffset;
        List<String> fields = record.getFields();
        if (fields.size() != fileColumnCount) {
            String reason = "Line " + lastLine + " has " + fields.size() + (fields.size() == 1 ? " cell" : " cells")
                    + ", the header has " + fileColumnCount + spanningQuote(fields);
            return new SourceRow.Failed(lastLine, recordIndex++, reason, CsvText.join(fields, delimiter), fields, false);
        }
        String[] values = new String[kept.length];
        for (int i = 0; i < kept.length; i++) {
            String cell = fields.get(kept[i]);
            values[i] = cell.isEmpty() ? null : cell;
        }
        return new SourceRow.Cells(lastLine, recordIndex++, Collections.unmodifiableList(Arrays.asList(values)), delimiter);
    }

    private CsvReader<CsvRecord> csvReader(CountingInputStream input, boolean atFileStart) {
        return CsvReader.builder()
                .fieldSeparator(options.delimiter())
                .quoteCharacter(options.quote())
                .detectBomHeader(atFileStart)
                .skipEmptyLines(true)
                // An unclosed quote is an error (the default reads the rest of the file as one value): see failAtQuote.
                .allowUnclosedQuote(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(input, options.charset());
    }

    /**
     * When a stray quote broke the record starting at {@code line}: its lines up to the quote's fail as one row that
     * names the quote, and a new reader starts on the next line. Null when no quote is to blame (or the charset's
     * line breaks cannot be found by byte).
     */
    private @Nullable SourceRow failAtQuote(long line) throws IOException {
        CsvQuotes.Fault fault = quotes.find(line);
        if (fault == null || fault.kind() == CsvQuotes.Kind.SPANS_LINES) return null;
        String raw = quotes.lines(line, fault.line());
        String quoteLine = raw.substring(raw.lastIndexOf('\n') + 1);
        List<String> cells = new ArrayList<>(fault.cellsBefore());
        cells.add(quoteLine.substring(Math.min(quoteLine.length(), fault.position() - 1)));
        String reason = quoteProblem(fault, fileColumns) + ". This line failed alone; reading went on at line " + (fault.line() + 1)
                + ". " + quoteFix(fault);
        reader.close();
        long offset = quotes.offsetOf(fault.line() + 1);
        InputStream rest = Files.newInputStream(path);
        rest.skipNBytes(offset);
        restarted = new CountingInputStream(rest, offset);
        reader = csvReader(restarted, false);
        records = reader.iterator();
        lineOffset = fault.line();
        lastLine = fault.line();
        return new SourceRow.Failed(line, recordIndex++, reason, raw, Collections.unmodifiableList(cells), false);
    }

    /** For a record with the wrong cell count: the quote that made it span lines, if one did. */
    private String spanningQuote(List<String> fields) throws IOException {
        if (fields.stream().noneMatch(f -> f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0)) return "";
        CsvQuotes.Fault fault = quotes.find(lastLine);
        if (fault == null || fault.kind() != CsvQuotes.Kind.SPANS_LINES) return "";
        return "; the record runs over lines " + fault.line() + "-" + fault.endLine() + " because a quote opened in column "
                + fault.column() + columnName(fault.column(), fileColumns) + " closes only on line " + fault.endLine()
                + ". If that quote is stray, close it on its line or escape it as \"\"";
    }

    private static String quoteProblem(CsvQuotes.Fault f, List<String> names) {
        String quote = "A quote opened on line " + f.line() + " in column " + f.column() + columnName(f.column(), names);
        return switch (f.kind()) {
            case NEVER_CLOSED -> quote + " is never closed; the rest of the file would be read as one value";
            case RUNS_ON -> quote + String.format(Locale.ROOT, " is not closed within %,d characters; the rest of the file would be "
                    + "read as one value", CsvQuotes.MAX_QUOTED_CHARS);
            case CLOSED_LATER_BY_TEXT -> quote + " is not closed on its line; the next quote, on line " + f.endLine()
                    + ", is followed by '" + f.after() + "', so lines " + f.line() + "-" + f.endLine() + " would be read as one broken value";
            case TEXT_AFTER_CLOSE -> "The quoted value opened on line " + f.line() + " in column " + f.column() + columnName(f.column(), names)
                    + " has '" + f.after() + "' after its closing quote";
            case SPANS_LINES -> quote + " closes only on line " + f.endLine();
        };
    }

    private static String quoteFix(CsvQuotes.Fault f) {
        return f.kind() == CsvQuotes.Kind.TEXT_AFTER_CLOSE
                ? "Put the whole value in quotes and escape a quote inside it as \"\"."
                : "Close the quote or escape it as \"\".";
    }

    private static String columnName(int column, List<String> names) {
        return column <= names.size() ? " (" + names.get(column - 1) + ")" : "";
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) cause = cause.getCause();
        return cause.getMessage();
    }

    @Override public List<String> columns() { return columns; }

    @Override public long bytesRead() {
        CountingInputStream current = restarted;
        return current != null ? current.count() : in.count();
    }

    @Override public void close() throws IOException {
        reader.close();
    }

    /** The size of {@code path}, once it is known to be a text file (checked before it is opened for reading). */
    private static long textSize(Path path) throws IOException {
        long size = Files.size(path);
        refuseNonText(path, size);
        return size;
    }

    /** An empty, gzip/zip-compressed or binary file is named as such, not read as a header of garbage. */
    private static void refuseNonText(Path path, long size) throws IOException {
        String name = path.getFileName().toString();
        if (size == 0) {
            throw new SourceFormatException(name + " is empty: it has no header line and no rows.", "Check that this is the right file.");
        }
        byte[] head;
        try (var in = Files.newInputStream(path)) {
            head = in.readNBytes(8192);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            throw new SourceFormatException(name + " is gzip-compressed, not CSV text.", "Decompress it first (gunzip " + name
                    + ") and load the CSV file.");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new SourceFormatException(name + " is a zip archive, not CSV text.", "Extract the CSV file from it and load that.");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw new SourceFormatException(name + " is binary (a NUL byte at offset " + i + "), not CSV text.",
                        "Load the CSV file itself; a UTF-16 file must be saved as UTF-8 first.");
            }
        }
    }

    /** Two header cells with the same name would make one value silently win over the other. */
    private static void refuseDuplicates(Path path, List<String> names) throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Integer earlier = seen.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw new SourceFormatException("The header of " + path.getFileName() + " names column '" + names.get(i) + "' twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + "): one of the two values would be dropped.",
                        "Rename or remove one of the two columns in the header.");
            }
        }
    }
}
