package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.TableSchema;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.internal.actions.CommitInfo;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.FileNames;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Delta table on local disk, driven through Delta Kernel. Reads are thread-safe; commits come from one writer.
 *
 * <p>Kernel's public API throughout, except {@code ScanStateRow.getPhysicalDataReadSchema}: Kernel 4.4 has no public
 * way to get the physical read schema from a scan state (its own read examples call this one), and the logical
 * schema would be wrong as soon as a table uses column mapping; and {@link #addColumns}, which says why.
 */
final class DeltaTable {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaTable.class);
    private static final String ENGINE_INFO = "zerobus-console-sandbox";
    private static final Pattern VERSION_FILE = Pattern.compile("\\d{20}\\.json");
    /** Kernel's default (10) would checkpoint several times a second under many small group commits. */
    private static final Map<String, String> TABLE_PROPERTIES = Map.of("delta.checkpointInterval", "100");

    private final Engine engine;
    private final Path dir;
    private final String uri;
    private long lastModificationTime;

    DeltaTable(Engine engine, Path dir) {
        this.engine = engine;
        this.dir = dir.toAbsolutePath();
        this.uri = LocalFileIO.uri(this.dir);
    }

    Path dir() { return dir; }

    boolean exists() { return Files.isDirectory(dir.resolve("_delta_log")) && latestVersionFile().isPresent(); }

    /** Creates version 0 (empty); durable when this returns, as every commit ({@link LocalFileIO} fsyncs). */
    void create(StructType kernelSchema) {
        Transaction txn = TableManager.buildCreateTableTransaction(uri, kernelSchema, ENGINE_INFO)
                .withTableProperties(TABLE_PROPERTIES).build(engine);
        TransactionCommitResult result;
        try {
            result = txn.commit(engine, CloseableIterable.emptyIterable());
        } catch (ConcurrentWriteException e) {
            throw new IllegalStateException("Table at " + dir + " was created concurrently", e);
        }
        runPostCommitHooks(result); // version 0's checksum lets later commits write theirs incrementally
        // Without any checkpoint Kernel warns on every snapshot load until the first interval checkpoint.
        try {
            result.getPostCommitSnapshot().orElseGet(this::latestSnapshot).writeCheckpoint(engine);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not checkpoint new table {}; it stays readable", dir.getFileName(), e);
        }
    }

    /**
     * Commits the schema with {@code added} appended, as Delta's ALTER TABLE ADD COLUMNS does: one commit holding a
     * {@code metaData} action with the new {@code schemaString} (PROTOCOL.md, "Change Metadata"), no protocol change
     * for nullable columns. Kernel 4.4's own {@code withUpdatedSchema} requires column mapping, and Kernel refuses to
     * write data into a column-mapped table, so the commit file is written here with Kernel's action rows and its
     * atomic put-if-absent JSON writer. The caller makes sure no other writer commits to the table meanwhile.
     */
    void addColumns(List<StructField> added) throws IOException {
        Snapshot snapshot = latestSnapshot();
        StructType schema = snapshot.getSchema();
        for (StructField field : added) schema = schema.add(field);
        long version = snapshot.getVersion() + 1;
        var commitInfo = new CommitInfo(Optional.empty(), System.currentTimeMillis(),
                Optional.of(ENGINE_INFO), Optional.of("ADD COLUMNS"), Map.of(), Optional.of(false),
                Optional.of(UUID.randomUUID().toString()), Map.of());
        List<Row> actions = List.of(
                SingleAction.createCommitInfoSingleAction(commitInfo.toRow()),
                SingleAction.createMetadataSingleAction(
                        snapshot.getMetadata().withNewSchema(schema).toRow()));
        engine.getJsonHandler().writeJsonFileAtomically(
                FileNames.deltaFile(snapshot.getLogPath(), version), iterator(actions), false);
        try {
            latestSnapshot().writeChecksum(engine, Snapshot.ChecksumWriteMode.FULL);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the checksum of {} at version {}; the table stays readable", dir.getFileName(), version, e);
        }
    }

    Snapshot latestSnapshot() {
        return TableManager.loadSnapshot(uri).build(engine);
    }

    /**
     * Writes the rows as one Parquet file and commits it on top of {@code base}; both are fsynced when this
     * returns. Throws if {@code faults} injects a failure (after the write, as a crash would leave it).
     */
    TransactionCommitResult append(Snapshot base, TableSchema schema, StructType kernelSchema, List<Object[]> rows,
                                   CommitFaults faults) throws IOException {
        Transaction txn = base.buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE).build(engine);
        Row txnState = txn.getTransactionState(engine);
        var batch = new FilteredColumnarBatch(new RowBatch(schema, kernelSchema, rows), Optional.empty());
        var writeContext = Transaction.getWriteContext(engine, txnState, Map.of());
        List<DataFileStatus> written = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> physical =
                     Transaction.transformLogicalData(engine, txnState, single(batch), Map.of());
             CloseableIterator<DataFileStatus> files = engine.getParquetHandler().writeParquetFiles(
                     writeContext.getTargetDirectory(), physical, writeContext.getStatisticsColumns())) {
            while (files.hasNext()) {
                DataFileStatus file = files.next();
                // A strictly increasing modification time per table lets read() return files in commit order.
                written.add(new DataFileStatus(file.getPath(), file.getSize(), nextModificationTime(), file.getStatistics()));
            }
        }
        if (faults.failNextCommit()) throw new IOException("Injected fault: commit failed");
        CloseableIterator<Row> actions = Transaction.generateAppendActions(
                engine, txnState, iterator(written), writeContext);
        TransactionCommitResult result = txn.commit(engine, CloseableIterable.inMemoryIterable(actions));
        return result;
    }

    /** Runs checkpoint/checksum hooks; their failure leaves a valid (only slower to load) table. */
    void runPostCommitHooks(TransactionCommitResult result) {
        for (PostCommitHook hook : result.getPostCommitHooks()) {
            try {
                hook.threadSafeInvoke(engine);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Post-commit hook {} failed for {} at version {}", hook.getType(), dir.getFileName(),
                        result.getVersion(), e);
            }
        }
    }

    /** Rows of the latest snapshot in commit order (files sorted by their commit-ordered modification time). */
    List<Object[]> read(TableSchema schema, long limit) throws IOException {
        Snapshot snapshot = latestSnapshot();
        Scan scan = snapshot.getScanBuilder().build();
        Row scanState = scan.getScanState(engine);
        StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
        List<Object[]> rows = new ArrayList<>();
        for (Row scanFile : scanFiles(scan, false)) {
            FileStatus file = AddFile.of(scanFile).status(uri);
            CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                    .readParquetFiles(single(file), physicalSchema, Optional.empty()).map(FileReadResult::getData);
            try (var data = Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
                while (data.hasNext()) {
                    if (appendRows(data.next(), schema, rows, limit)) return rows;
                }
            }
        }
        return rows;
    }

    long count() throws IOException {
        Scan scan = latestSnapshot().getScanBuilder().build();
        long count = 0;
        for (Row scanFile : scanFiles(scan, true)) {
            AddFile add = AddFile.of(scanFile);
            count += DataFileStatistics.getNumRecords(add.stats() == null ? "" : add.stats()).orElseThrow(
                    () -> new IllegalStateException("Data file " + add.path() + " has no row count statistics in " + dir));
        }
        return count;
    }

    private static boolean appendRows(FilteredColumnarBatch batch, TableSchema schema, List<Object[]> rows, long limit) {
        ColumnarBatch data = batch.getData();
        var selection = batch.getSelectionVector();
        int columns = schema.columns().size();
        for (int r = 0; r < data.getSize(); r++) {
            if (limit >= 0 && rows.size() >= limit) return true;
            if (selection.isPresent() && (selection.get().isNullAt(r) || !selection.get().getBoolean(r))) continue;
            Object[] row = new Object[columns];
            for (int c = 0; c < columns; c++) {
                row[c] = JavaValues.read(data.getColumnVector(c), r, schema.columns().get(c).type());
            }
            rows.add(row);
        }
        return limit >= 0 && rows.size() >= limit;
    }

    private List<Row> scanFiles(Scan scan, boolean includeStats) throws IOException {
        List<Row> files = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine, includeStats)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    rows.forEachRemaining(files::add);
                }
            }
        }
        record Keyed(Row row, AddFile add) {}
        return files.stream().map(r -> new Keyed(r, AddFile.of(r)))
                .sorted(Comparator.comparingLong((Keyed k) -> k.add().modificationTime()).thenComparing(k -> k.add().path()))
                .map(Keyed::row).toList();
    }

    /**
     * The add action of a scan file, read by field name through the public {@link Row} API (the scan-file layout
     * {@code Scan.getScanFiles} documents: an {@code add} struct with path, size, modificationTime and stats).
     */
    private record AddFile(String path, long size, long modificationTime, String stats) {
        static AddFile of(Row scanFile) {
            Row add = scanFile.getStruct(scanFile.getSchema().indexOf("add"));
            StructType fields = add.getSchema();
            int stats = fields.indexOf("stats");
            return new AddFile(add.getString(fields.indexOf("path")), add.getLong(fields.indexOf("size")),
                    add.getLong(fields.indexOf("modificationTime")), stats < 0 || add.isNullAt(stats) ? null : add.getString(stats));
        }

        /** The file's status, its path (a URI, relative to the table root unless absolute) resolved against {@code tableUri}. */
        FileStatus status(String tableUri) {
            try {
                URI file = new URI(path);
                String location = file.isAbsolute() ? path : new URI(tableUri + "/").resolve(file).toString();
                return FileStatus.of(location, size, modificationTime);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Data file path '" + path + "' is not a URI", e);
            }
        }
    }

    private long nextModificationTime() {
        lastModificationTime = Math.max(System.currentTimeMillis(), lastModificationTime + 1);
        return lastModificationTime;
    }

    /** The commit file of the newest version ({@code _delta_log/<20-digit version>.json}: the names sort by version). */
    Optional<Path> latestVersionFile() {
        try (var files = Files.list(dir.resolve("_delta_log"))) {
            return files.filter(p -> VERSION_FILE.matcher(p.getFileName().toString()).matches())
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static <T> CloseableIterator<T> single(T value) {
        return iterator(List.of(value));
    }

    private static <T> CloseableIterator<T> iterator(List<T> values) {
        var it = values.iterator();
        return new CloseableIterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public T next() { return it.next(); }
            @Override public void close() {}
        };
    }
}
