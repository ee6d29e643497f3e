package dev.zerobus.console.source;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
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
 * short or long row becomes a {@link SourceRow.Failed} instead of ending the read. Not thread-safe.
 */
final class CsvRecordSource extends FileRecordSource {
    private static final Pattern RECORD_LINE = Pattern.compile("record starting at line (\\d+)");
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final char delimiter;
    private final List<String> columns;
    /** Positions of the file's cells that are kept: all but the {@code _error*} columns of a failed-rows file. */
    private final int[] kept;
    private final int fileColumnCount;
    private @Nullable CsvRecord pending;
    private long recordIndex;
    private long lastLine;
    private boolean finished;

    CsvRecordSource(Path path, SourceOptions options) throws IOException {
        super(path, textSize(path));
        delimiter = options.delimiter();
        reader = CsvReader.builder()
                .fieldSeparator(options.delimiter())
                .quoteCharacter(options.quote())
                .detectBomHeader(true)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(in, options.charset());
        records = reader.iterator();
        CsvRecord first;
        try {
            first = records.hasNext() ? records.next() : null;
        } catch (CsvParseException | UncheckedIOException e) {
            reader.close();
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
            // FastCSV cannot resume after a syntax error (it repeats the exception), so this row ends the file.
            finished = true;
            String message = rootMessage(e);
            Matcher at = RECORD_LINE.matcher(message);
            long line = at.find() ? Long.parseLong(at.group(1)) : lastLine + 1;
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
        lastLine = record.getStartingLineNumber();
        List<String> fields = record.getFields();
        if (fields.size() != fileColumnCount) {
            String reason = "Line " + lastLine + " has " + fields.size() + (fields.size() == 1 ? " cell" : " cells")
                    + ", the header has " + fileColumnCount;
            return new SourceRow.Failed(lastLine, recordIndex++, reason, CsvText.join(fields, delimiter), fields, false);
        }
        String[] values = new String[kept.length];
        for (int i = 0; i < kept.length; i++) {
            String cell = fields.get(kept[i]);
            values[i] = cell.isEmpty() ? null : cell;
        }
        return new SourceRow.Cells(lastLine, recordIndex++, Collections.unmodifiableList(Arrays.asList(values)), delimiter);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) cause = cause.getCause();
        return cause.getMessage();
    }

    @Override public List<String> columns() { return columns; }

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
