package dev.zerobus.console.source;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.zerobus.console.workspace.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the records that failed to a file the same readers load again once fixed ("retry failed only"): the
 * readers drop the {@code _error*} columns. CSV sources give a CSV in UTF-8 with a header row (the original
 * columns, then {@code _error_line} and {@code _error}) and the source's delimiter and quote; JSON sources give
 * JSON Lines with {@code _error_line} and {@code _error} keys added to each object (and {@code _error_raw} holding
 * the original text of a line that was not valid JSON). Not thread-safe: one writer thread.
 */
public sealed interface FailedRowsWriter extends AutoCloseable {
    String ERROR_LINE_COLUMN = "_error_line";
    String ERROR_COLUMN = "_error";
    String ERROR_RAW_COLUMN = "_error_raw";

    /** Writes one failed record with its original line number and the reason it failed. */
    void write(SourceRow row, String reason) throws IOException;

    /** Records written so far. */
    long count();

    /** The options to read the written file back with. */
    SourceOptions readOptions();

    @Override void close() throws IOException;

    /** A writer matching the source: CSV for CSV, JSON Lines for either JSON format. Refuses what {@link #checkTarget} refuses. */
    static FailedRowsWriter create(Path target, SourceOptions source, List<String> columns, boolean overwrite, @Nullable Path input)
            throws IOException {
        checkTarget(target, input, overwrite);
        return source.format() == SourceFormat.CSV ? new Csv(target, source, columns) : new JsonLines(target);
    }

    /** {@link #create(Path, SourceOptions, List, boolean, Path)} refusing an existing non-empty file, with no input to compare. */
    static FailedRowsWriter create(Path target, SourceOptions source, List<String> columns) throws IOException {
        return create(target, source, columns, false, null);
    }

    /** An output path the load must not open: the message names it and says what to do. */
    final class RefusedTarget extends IOException {
        private final transient Problem problem;

        RefusedTarget(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * Refuses an output path that is the input file (compared by real path: symlinks, {@code ./x} and {@code x},
     * hard links all count) — opening it would truncate the data being loaded — and, unless {@code overwrite}, an
     * existing non-empty file (an empty one holds nothing to lose). A directory or an unwritable place is refused too.
     */
    static void checkTarget(Path target, @Nullable Path input, boolean overwrite) throws RefusedTarget {
        if (input != null && Files.exists(target) && Files.exists(input)) {
            boolean same;
            try {
                same = Files.isSameFile(target, input) || target.toRealPath().equals(input.toRealPath());
            } catch (IOException e) {
                same = false;
            }
            if (same) {
                throw new RefusedTarget(new Problem("The failed-rows file " + target + " is the file being loaded (" + input
                        + "): writing it would erase the data.", "Pick another path for the failed rows, e.g. "
                        + defaultTarget(input, SourceFormat.CSV).getFileName() + "."));
            }
        }
        if (Files.isDirectory(target)) {
            throw new RefusedTarget(new Problem("The failed-rows path " + target + " is a directory.",
                    "Name a file, e.g. " + target.resolve("failed.csv") + "."));
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new RefusedTarget(new Problem("The failed-rows file " + target + " cannot be written: the directory " + parent
                    + " does not exist.", "Create the directory first, or name a file in an existing directory."));
        }
        if (parent != null && (Files.exists(target) ? !Files.isWritable(target) : !Files.isWritable(parent))) {
            throw new RefusedTarget(new Problem("The failed-rows file " + target + " cannot be written: permission denied.",
                    "Name a file in a directory you can write to."));
        }
        long size;
        try {
            size = Files.exists(target) ? Files.size(target) : 0;
        } catch (IOException e) {
            size = 0;
        }
        if (size > 0 && !overwrite) {
            throw new RefusedTarget(new Problem("The failed-rows file " + target + " already exists (" + size
                    + " bytes) and would be overwritten.", "Pick a new path, move that file away, or pass --overwrite to replace it."));
        }
    }

    /** {@code data.csv} -> {@code data.failed.csv}, {@code events.json} -> {@code events.failed.jsonl}. */
    static Path defaultTarget(Path source, SourceFormat format) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = format == SourceFormat.CSV ? (dot > 0 ? name.substring(dot) : ".csv") : ".jsonl";
        return source.resolveSibling(stem + ".failed" + extension);
    }

    final class Csv implements FailedRowsWriter {
        private final CsvWriter writer;
        private final SourceOptions readOptions;
        private final int columnCount;
        private long count;

        private Csv(Path target, SourceOptions source, List<String> columns) throws IOException {
            readOptions = source.withHeader(true).withCharset(StandardCharsets.UTF_8);
            columnCount = columns.size();
            writer = CsvWriter.builder().fieldSeparator(source.delimiter()).quoteCharacter(source.quote())
                    .build(target, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(columns);
            header.add(ERROR_LINE_COLUMN);
            header.add(ERROR_COLUMN);
            writer.writeRecord(header);
        }

        @Override public void write(SourceRow row, String reason) {
            List<String> cells = new ArrayList<>(columnCount + 2);
            List<String> original = switch (row) {
                case SourceRow.Cells c -> c.values();
                case SourceRow.Failed f -> f.cells();
                case SourceRow.Fields f -> throw new IllegalArgumentException("A CSV failed-rows file takes CSV rows");
            };
            for (int i = 0; i < columnCount; i++) {
                String cell = i < original.size() ? original.get(i) : null;
                cells.add(cell == null ? "" : cell);
            }
            String error = original.size() > columnCount
                    ? reason + "; cells beyond the header: " + CsvText.join(original.subList(columnCount, original.size()), ',')
                    : reason;
            cells.add(Long.toString(row.lineNumber()));
            cells.add(error);
            writer.writeRecord(cells);
            count++;
        }

        @Override public long count() { return count; }
        @Override public SourceOptions readOptions() { return readOptions; }
        @Override public void close() throws IOException { writer.close(); }
    }

    final class JsonLines implements FailedRowsWriter {
        private final BufferedWriter writer;
        private long count;

        private JsonLines(Path target) throws IOException {
            writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        }

        @Override public void write(SourceRow row, String reason) throws IOException {
            Map<String, Object> object = new LinkedHashMap<>();
            switch (row) {
                case SourceRow.Fields f -> object.putAll(f.values());
                case SourceRow.Failed f -> object.put(ERROR_RAW_COLUMN, f.rawText());
                case SourceRow.Cells c -> object.put(ERROR_RAW_COLUMN, c.rawText());
            }
            object.put(ERROR_LINE_COLUMN, row.lineNumber());
            object.put(ERROR_COLUMN, reason);
            writer.write(JsonValues.write(object));
            writer.newLine();
            count++;
        }

        @Override public long count() { return count; }
        @Override public SourceOptions readOptions() { return SourceOptions.jsonLines(); }
        @Override public void close() throws IOException { writer.close(); }
    }
}
