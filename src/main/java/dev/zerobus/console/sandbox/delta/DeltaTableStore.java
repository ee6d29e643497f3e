package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's Delta tables: one real Delta table per Unity Catalog table, in {@code tablesRoot/<tableId>}.
 * Appends are group-committed by one writer thread per table, and a future completes only once its rows are
 * committed and fsynced. Thread-safe. Futures complete on the writer thread: keep their callbacks short.
 */
public final class DeltaTableStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaTableStore.class);
    private static final Pattern TABLE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");

    private final Path tablesRoot;
    private final CommitFaults faults;
    private final Engine engine;
    private final Map<String, TableWriter> writers = new ConcurrentHashMap<>();
    /** Guards starting and removing writers and {@link #closed}; never held during I/O (unlike this object's monitor). */
    private final Object writersLock = new Object();
    private volatile boolean closed;

    public DeltaTableStore(Path tablesRoot, CommitFaults faults) {
        this.tablesRoot = tablesRoot.toAbsolutePath();
        this.faults = faults;
        try {
            Files.createDirectories(this.tablesRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the tables directory " + tablesRoot, e);
        }
        this.engine = new LocalEngine();
    }

    /** Creates the empty Delta table (version 0); a no-op if it already exists with the same schema. */
    public synchronized void create(String tableId, TableSchema schema) {
        StructType kernelSchema = KernelTypes.structType(schema);
        DeltaTable table = table(tableId);
        if (table.exists()) {
            StructType existing = table.latestSnapshot().getSchema();
            if (!existing.equals(kernelSchema)) {
                throw new IllegalStateException("Table " + tableId + " already exists with schema " + existing
                        + ", not " + kernelSchema);
            }
            return;
        }
        table.create(kernelSchema);
        LOG.info("Created Delta table {} for {} at {}", tableId, schema.fullName(), table.dir());
    }

    /**
     * Commits {@code altered}, which is the table's schema with columns appended (ALTER TABLE ADD COLUMNS). The
     * table's writer first commits what is queued and stops; the next append starts one on the new schema. Appends
     * still using the old schema (a stream opened before) land with NULL in the added nullable columns.
     */
    public synchronized void addColumns(String tableId, TableSchema altered) {
        StructType target = KernelTypes.structType(altered);
        DeltaTable table = existing(tableId);
        StructType current = table.latestSnapshot().getSchema();
        if (target.length() <= current.length() || !new StructType(target.fields().subList(0, current.length())).equals(current)) {
            throw new IllegalArgumentException("Schema " + target + " does not extend the schema of " + tableId + ", " + current);
        }
        TableWriter writer;
        synchronized (writersLock) {
            writer = writers.remove(tableId);
        }
        if (writer != null) writer.finish();
        try {
            table.addColumns(target.fields().subList(current.length(), target.length()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot change the schema of " + tableId + ": " + e.getMessage(), e);
        }
        LOG.info("Added {} column(s) to Delta table {} ({})", target.length() - current.length(), tableId, altered.fullName());
    }

    /**
     * The columns of the table's latest Delta snapshot, or empty when it has no Delta log: what the sandbox's
     * start-up takes as the truth about a table's schema (see {@code SchemaReconciler}).
     */
    public synchronized Optional<List<TableColumn>> columns(String tableId) {
        DeltaTable table = table(tableId);
        if (!table.exists()) return Optional.empty();
        return Optional.of(table.latestSnapshot().getSchema().fields().stream().map(KernelTypes::column).toList());
    }

    /** True when {@code column} is stored in Delta as {@code inDelta} is (same name, type and nullability). */
    public static boolean sameInDelta(TableColumn column, TableColumn inDelta) {
        return column.name().equals(inDelta.name()) && column.nullable() == inDelta.nullable()
                && KernelTypes.dataType(column.type(), column.name()).equals(KernelTypes.dataType(inDelta.type(), inDelta.name()));
    }

    /** Stops the table's writer (queued appends fail) and deletes its directory. */
    public synchronized void delete(String tableId) {
        DeltaTable table = table(tableId);
        TableWriter writer;
        synchronized (writersLock) {
            writer = writers.remove(tableId);
        }
        if (writer != null) writer.abandon();
        deleteRecursively(table.dir());
        LOG.info("Deleted Delta table {}", tableId);
    }

    /** Completes with the Delta version once the rows are committed and fsynced, exceptionally if that failed. */
    public CompletableFuture<Long> append(String tableId, TableSchema schema, List<Object[]> rows) {
        try {
            return writer(tableId).append(schema, rows);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Rows in the latest snapshot (from file statistics, without reading data). */
    public long count(String tableId) {
        try {
            return existing(tableId).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count rows of " + tableId, e);
        }
    }

    /** Rows of the latest snapshot in commit order, as Java row values; {@code limit < 0} reads all. */
    public List<Object[]> read(String tableId, TableSchema schema, long limit) {
        try {
            return existing(tableId).read(schema, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + tableId, e);
        }
    }

    /** Commits every queued append, then stops the writers; later appends fail. */
    @Override
    public synchronized void close() {
        List<TableWriter> running;
        synchronized (writersLock) {
            closed = true;
            running = List.copyOf(writers.values());
            writers.clear();
        }
        running.parallelStream().forEach(TableWriter::finish);
    }

    /**
     * The table's writer, started on first use. Starting one does no I/O (the writer reads the log on its own thread,
     * and an append to a table that does not exist fails there); its lock is held only for the map, never while
     * another thread creates or deletes a table.
     */
    private TableWriter writer(String tableId) {
        TableWriter writer = writers.get(tableId);
        if (writer != null) return writer;
        synchronized (writersLock) {
            if (closed) throw new IllegalStateException("The Delta table store is closed");
            return writers.computeIfAbsent(tableId, id -> new TableWriter(id, table(id), faults));
        }
    }

    private DeltaTable existing(String tableId) {
        DeltaTable table = table(tableId);
        if (!table.exists()) throw new IllegalArgumentException("Delta table " + tableId + " does not exist");
        return table;
    }

    private DeltaTable table(String tableId) {
        if (!TABLE_ID.matcher(tableId).matches()) {
            throw new IllegalArgumentException("Invalid table id '" + tableId + "': use letters, digits, '.', '_' or '-'");
        }
        return new DeltaTable(engine, tablesRoot.resolve(tableId));
    }

    /** Kernel's default engine over {@link LocalFileIO}; {@code DefaultEngine.create(FileIO)} would need Hadoop's API on the compile path. */
    private static final class LocalEngine extends DefaultEngine {
        LocalEngine() { super(new LocalFileIO()); }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) return;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }
                @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete table directory " + dir, e);
        }
    }
}
