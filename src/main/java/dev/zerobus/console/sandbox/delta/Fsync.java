package dev.zerobus.console.sandbox.delta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync for files and directories; Kernel's Hadoop streams close without forcing data to disk. */
final class Fsync {
    private Fsync() {}

    /** Forces a file's or directory's contents to disk (a directory can be opened for reading on Linux). */
    static void force(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fsync " + path, e);
        }
    }
}
