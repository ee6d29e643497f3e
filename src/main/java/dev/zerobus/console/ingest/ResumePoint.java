package dev.zerobus.console.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.workspace.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an interrupted load can continue: the source file (size and modification time, so an edited file is not
 * resumed by mistake), where its rows were durable (workspace URL, Zerobus endpoint, table name and the table's
 * Unity Catalog id, so another workspace or a dropped and re-created table is detected), and the record indexes
 * already durable there. Saved as a small JSON file beside the source ({@code <file>.resume.json}), atomically (temp
 * file, fsync, rename, fsync of the directory); holds no record contents and no secrets.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResumePoint(String source, long sourceSize, long sourceModifiedMillis, @Nullable String workspaceUrl,
                          @Nullable String zerobusEndpoint, String table, @Nullable String tableId, List<long[]> durable) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where rows land: the identity a resume point must match. {@code tableId} is UC's {@code table_id} (null if unknown). */
    public record Target(String workspaceUrl, String zerobusEndpoint, String table, @Nullable String tableId) {
        public Target {
            Objects.requireNonNull(workspaceUrl, "workspaceUrl");
            Objects.requireNonNull(zerobusEndpoint, "zerobusEndpoint");
            Objects.requireNonNull(table, "table");
        }
    }

    /** A resume point that does not belong to this run: the words say why and how to go on. */
    public static final class MismatchException extends Exception {
        private final transient Problem problem;

        MismatchException(String message, String fix) {
            super(message);
            this.problem = new Problem(message, fix);
        }

        public Problem problem() {
            return problem;
        }
    }

    public static Path defaultFile(Path source) {
        return source.resolveSibling(source.getFileName() + ".resume.json");
    }

    public static ResumePoint of(Path source, Target target, AckedRanges durable) throws IOException {
        return new ResumePoint(source.toAbsolutePath().toString(), Files.size(source), Files.getLastModifiedTime(source).toMillis(),
                target.workspaceUrl(), target.zerobusEndpoint(), target.table(), target.tableId(), durable.toList());
    }

    /** The same point with other durable ranges (the periodic save during a load). */
    public ResumePoint withDurable(AckedRanges ranges) {
        return new ResumePoint(source, sourceSize, sourceModifiedMillis, workspaceUrl, zerobusEndpoint, table, tableId, ranges.toList());
    }

    /** Writes the point so that a crash at any moment leaves either the old file or the new one, whole and on disk. */
    public void save(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        byte[] bytes = JSON.writeValueAsBytes(this);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) channel.write(buffer);
            channel.force(true);
        }
        try {
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(absolute.getParent());
    }

    /** The rename itself is durable only once the directory is (POSIX); Windows cannot open a directory: skipped. */
    private static void forceDirectory(@Nullable Path dir) {
        if (dir == null) return;
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort where the platform does not allow it
        }
    }

    /**
     * The saved point for this file and target: empty when there is none; refused (with the reason and the fix) when
     * it was saved for another workspace, endpoint, table, a re-created table, or a file that changed since.
     */
    public static Optional<ResumePoint> load(Path file, Path source, Target target) throws IOException, MismatchException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        ResumePoint point = JSON.readValue(file.toFile(), ResumePoint.class);
        String rows = String.format(Locale.ROOT, "%,d", point.ranges().count());
        String delete = "delete " + file + " to load the whole file again (rows already loaded would then be duplicated)";
        if (point.workspaceUrl() == null || point.zerobusEndpoint() == null) {
            throw new MismatchException("The resume point " + file + " does not say which workspace its " + rows
                    + " durable rows went to (it was saved by an older version).",
                    "Resume only if you are sure it was this workspace and table; otherwise " + delete + ".");
        }
        if (!sameUrl(point.workspaceUrl(), target.workspaceUrl()) || !sameUrl(point.zerobusEndpoint(), target.zerobusEndpoint())) {
            throw new MismatchException("The resume point " + file + " was saved against workspace " + point.workspaceUrl()
                    + " (Zerobus endpoint " + point.zerobusEndpoint() + "), not " + target.workspaceUrl() + " (" + target.zerobusEndpoint()
                    + "): its " + rows + " durable rows are in that workspace, not in this one.",
                    "Run with the profile of that workspace (--profile) to finish the load there, or " + delete + ".");
        }
        if (!point.table().equalsIgnoreCase(target.table())) {
            throw new MismatchException("The resume point " + file + " was saved for table " + point.table() + ", not "
                    + target.table() + ".", "Pass --table " + point.table() + " to finish that load, or " + delete + ".");
        }
        if (point.tableId() != null && target.tableId() != null && !point.tableId().equals(target.tableId())) {
            throw new MismatchException("Table " + target.table() + " was dropped and re-created since the resume point " + file
                    + " was saved (table id " + point.tableId() + ", now " + target.tableId() + "): the " + rows
                    + " rows it records as durable went to the old table.",
                    "Load the whole file again without --resume, after you delete " + file + ".");
        }
        if (point.sourceSize() != Files.size(source) || point.sourceModifiedMillis() != Files.getLastModifiedTime(source).toMillis()) {
            throw new MismatchException(source + " changed since the resume point " + file + " was saved (size or modification "
                    + "time differ): its record numbers may no longer match the " + rows + " durable rows.",
                    "Restore the file that was being loaded, or " + delete + ".");
        }
        return Optional.of(point);
    }

    private static boolean sameUrl(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String url) {
        String u = url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u;
    }

    public AckedRanges ranges() {
        return AckedRanges.of(durable);
    }
}
