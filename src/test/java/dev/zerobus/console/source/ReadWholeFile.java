package dev.zerobus.console.source;

import java.nio.file.Path;

/** Reads a file to the end and prints "rows failed"; run by {@link BoundedMemoryTest} in a JVM with a tiny heap. */
final class ReadWholeFile {
    private ReadWholeFile() {}

    public static void main(String[] args) throws Exception {
        long rows = 0;
        long failed = 0;
        try (RecordSource source = RecordSource.open(Path.of(args[0]), SourceOptions.csv().withFormat(SourceFormat.valueOf(args[1])))) {
            for (SourceRow row; (row = source.next()) != null; ) {
                rows++;
                if (row instanceof SourceRow.Failed) failed++;
            }
        }
        System.out.println(rows + " " + failed);
    }
}
