package dev.zerobus.console.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fsync for the sandbox's durable writes (Delta files and the metadata file): one place decides what may be
 * skipped. A file must reach the disk, so failing to force it throws. A directory is forced so that a create or
 * rename in it survives a crash; where the OS does not let a directory be opened at all (Windows) there is nothing
 * to force and the rename is still atomic, so that case is tolerated, while a failing force of an opened directory
 * (an I/O error) still throws.
 */
public final class Fsync {
    private static final Logger LOG = LoggerFactory.getLogger(Fsync.class);

    private Fsync() {}

    /** Forces a file's contents to disk. */
    public static void file(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fsync " + file, e);
        }
    }

    /** Forces a directory's entries to disk where the OS can open a directory (Linux, macOS); a no-op elsewhere. */
    public static void directory(Path dir) {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            LOG.debug("Directory {} cannot be opened for fsync on this OS; relying on atomic rename", dir, e);
            return;
        }
        try (channel) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fsync directory " + dir, e);
        }
    }
}
