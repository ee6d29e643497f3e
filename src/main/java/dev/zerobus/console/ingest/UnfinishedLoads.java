package dev.zerobus.console.ingest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loads the console left unfinished, kept in one small JSON file (the app's state folder) so that the next
 * launch can say what stopped and offer to resume it. {@link #inMemory()} keeps them only for this run (tests).
 * Thread-safe: loads end on background threads.
 */
public final class UnfinishedLoads {
    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedLoads.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<UnfinishedLoad>> LIST = new TypeReference<>() {};

    private final @Nullable Path file;
    private final List<UnfinishedLoad> loads = new ArrayList<>();

    private UnfinishedLoads(@Nullable Path file) {
        this.file = file;
    }

    /** The loads saved in {@code file}; an unreadable file is logged and treated as empty (it is rewritten later). */
    public static UnfinishedLoads in(Path file) {
        var store = new UnfinishedLoads(file);
        if (Files.isRegularFile(file)) {
            try {
                store.loads.addAll(JSON.readValue(file.toFile(), LIST));
            } catch (IOException e) {
                LOG.warn("Could not read the unfinished loads in {}: {}", file, e.getMessage());
            }
        }
        return store;
    }

    public static UnfinishedLoads inMemory() {
        return new UnfinishedLoads(null);
    }

    public synchronized List<UnfinishedLoad> all() {
        return List.copyOf(loads);
    }

    public synchronized Optional<UnfinishedLoad> find(String id) {
        return loads.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** Records how a load ended: a stopped one is kept (replacing an earlier entry with its id), a finished one removed. */
    public synchronized void ended(UnfinishedLoad load, LoadResult result) {
        loads.removeIf(l -> l.id().equals(load.id()));
        if (isUnfinished(result)) loads.add(load);
        save();
    }

    public synchronized void remove(String id) {
        if (loads.removeIf(l -> l.id().equals(id))) save();
    }

    /** Stopped before the end: cancelled, or a stream failed. (The error policy stopping a load is a finished verdict.) */
    public static boolean isUnfinished(LoadResult result) {
        return result.cancelled() || result.streamFailure() != null;
    }

    private void save() {
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temp.toFile(), loads);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("Could not save the unfinished loads to {}: {}", file, e.getMessage());
        }
    }
}
