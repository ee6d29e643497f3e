package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.sandbox.Fsync;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Kernel file access over java.nio for local tables, used instead of Kernel's Hadoop FileIO: Hadoop 3.4's
 * UserGroupInformation calls {@code Subject.getSubject}, which throws on JDK 24+. Every file it writes is fsynced
 * with its directory before close returns, so a committed version is durable once Kernel's commit returns.
 * Put-if-absent (Delta's commit protocol) is a hard link, which fails atomically when the target exists.
 * Thread-safe (stateless).
 */
final class LocalFileIO implements FileIO {

    static String uri(Path path) {
        try {
            return new URI("file", null, path.toAbsolutePath().normalize().toString(), null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot name " + path + " as a URI", e);
        }
    }

    static Path path(String location) {
        if (!location.startsWith("file:")) return Path.of(location);
        try {
            return Path.of(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(location.substring("file:".length()).replaceFirst("^/+", "/"));
        }
    }

    @Override
    public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
        Path start = path(filePath);
        Path dir = start.getParent();
        String from = start.getFileName().toString();
        if (!Files.isDirectory(dir)) throw new FileNotFoundException("No such directory: " + dir);
        List<FileStatus> result = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().compareTo(from) >= 0)
                    .sorted()::iterator) {
                try {
                    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attrs.isRegularFile()) result.add(status(file, attrs));
                } catch (NoSuchFileException e) {
                    // deleted while listing (a temp file): not part of the table
                }
            }
        }
        var it = result.iterator();
        return new CloseableIterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public FileStatus next() { return it.next(); }
            @Override public void close() {}
        };
    }

    @Override
    public FileStatus getFileStatus(String location) throws IOException {
        Path file = path(location);
        try {
            return status(file, Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException(location);
        }
    }

    @Override
    public String resolvePath(String location) {
        return uri(path(location));
    }

    @Override
    public boolean mkdirs(String location) throws IOException {
        Path dir = path(location);
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        Files.createDirectories(dir);
        for (Path d = dir; existing != null && !d.equals(existing); d = d.getParent()) Fsync.directory(d.getParent());
        return true;
    }

    @Override
    public InputFile newInputFile(String location, long fileSize) {
        Path file = path(location);
        return new InputFile() {
            @Override public long length() { return fileSize; }
            @Override public String path() { return location; }
            @Override public SeekableInputStream newStream() throws IOException { return new ChannelInput(file); }
        };
    }

    @Override
    public OutputFile newOutputFile(String location) {
        Path file = path(location);
        return new OutputFile() {
            @Override public String path() { return location; }

            @Override
            public PositionOutputStream create(boolean overwrite) throws IOException {
                Files.createDirectories(file.getParent());
                return new DurableOutput(file, overwrite);
            }

            @Override
            public void writeAtomically(CloseableIterator<String> lines, boolean overwrite) throws IOException {
                Path temp = tempFor(file);
                try (lines; var out = new DurableOutput(temp, false);
                     var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                    while (lines.hasNext()) {
                        writer.write(lines.next());
                        writer.write('\n');
                    }
                }
                publish(temp, file, overwrite);
            }
        };
    }

    @Override
    public boolean delete(String location) throws IOException {
        return Files.deleteIfExists(path(location));
    }

    @Override
    public Optional<String> getConf(String key) {
        return Optional.empty(); // Kernel's and Parquet's defaults
    }

    @Override
    public void copyFileAtomically(String source, String destination, boolean overwrite) throws IOException {
        Path target = path(destination);
        Path temp = tempFor(target);
        Files.copy(path(source), temp);
        Fsync.file(temp);
        publish(temp, target, overwrite);
    }

    /** Moves a complete, fsynced temp file into place; without overwrite it fails if the target exists. */
    private static void publish(Path temp, Path target, boolean overwrite) throws IOException {
        try {
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.createLink(target, temp);
            }
            Fsync.directory(target.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path tempFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    private static FileStatus status(Path file, BasicFileAttributes attrs) {
        return FileStatus.of(uri(file), attrs.size(), attrs.lastModifiedTime().toMillis());
    }

    /** Buffered output that fsyncs the file and its directory on close. */
    private static final class DurableOutput extends PositionOutputStream {
        private final Path file;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        private long position;
        private boolean closed;

        DurableOutput(Path file, boolean overwrite) throws IOException {
            this.file = file;
            this.channel = overwrite
                    ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                    : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        }

        @Override public long getPos() { return position; }

        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) drain();
            buffer.put((byte) b);
            position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (!buffer.hasRemaining()) drain();
                int n = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, n);
                offset += n;
                length -= n;
                position += n;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            try (channel) {
                drain();
                channel.force(true);
            }
            Fsync.directory(file.getParent());
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) channel.write(buffer);
            buffer.clear();
        }
    }

    private static final class ChannelInput extends SeekableInputStream {
        private final FileChannel channel;

        ChannelInput(Path file) throws IOException {
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException(file.toString());
            }
        }

        @Override public long getPos() throws IOException { return channel.position(); }
        @Override public void seek(long position) throws IOException { channel.position(position); }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) return 0;
            return channel.read(ByteBuffer.wrap(bytes, offset, length));
        }

        @Override
        public void readFully(byte[] bytes, int offset, int length) throws IOException {
            var target = ByteBuffer.wrap(bytes, offset, length);
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) throw new EOFException("Unexpected end of file");
            }
        }

        @Override public void close() throws IOException { channel.close(); }
    }
}
