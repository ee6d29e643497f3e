package dev.zerobus.console.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Where an interrupted load can continue: the source file (size and modification time, so an edited file is not
 * resumed by mistake), the table, and the record indexes already durable. Saved as a small JSON file beside the
 * source ({@code <file>.resume.json}); holds no record contents and no secrets.
 */
public record ResumePoint(String source, long sourceSize, long sourceModifiedMillis, String table, List<long[]> durable) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path defaultFile(Path source) {
        return source.resolveSibling(source.getFileName() + ".resume.json");
    }

    public static ResumePoint of(Path source, String table, AckedRanges durable) throws IOException {
        return new ResumePoint(source.toAbsolutePath().toString(), Files.size(source), Files.getLastModifiedTime(source).toMillis(),
                table, durable.toList());
    }

    public void save(Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temp.toFile(), this);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The saved point, if it exists and still matches the file and table; else empty. */
    public static Optional<ResumePoint> load(Path file, Path source, String table) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        ResumePoint point = JSON.readValue(file.toFile(), ResumePoint.class);
        boolean same = point.table().equalsIgnoreCase(table) && point.sourceSize() == Files.size(source)
                && point.sourceModifiedMillis() == Files.getLastModifiedTime(source).toMillis();
        return same ? Optional.of(point) : Optional.empty();
    }

    public AckedRanges ranges() {
        return AckedRanges.of(durable);
    }
}
