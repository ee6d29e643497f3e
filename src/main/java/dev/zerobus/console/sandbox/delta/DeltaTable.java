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
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Delta table on local disk, driven through Delta Kernel. Reads are thread-safe; commits come from one writer. */
final class DeltaTable {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaTable.class);
    private static final String ENGINE_INFO = "zerobus-console-sandbox";
    private static final Pattern NUM_RECORDS = Pattern.compile("\"numRecords\":(\\d+)");
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

    boolean exists() { return Files.isDirectory(dir.resolve("_delta_log")) && anyVersionFile().isPresent(); }

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
    void addColumns(List<io.delta.kernel.types.StructField> added) throws IOException {
        Snapshot snapshot = latestSnapshot();
        StructType schema = snapshot.getSchema();
        for (io.delta.kernel.types.StructField field : added) schema = schema.add(field);
        long version = snapshot.getVersion() + 1;
        var commitInfo = new io.delta.kernel.internal.actions.CommitInfo(Optional.empty(), System.currentTimeMillis(),
                Optional.of(ENGINE_INFO), Optional.of("ADD COLUMNS"), Map.of(), Optional.of(false),
                Optional.of(java.util.UUID.randomUUID().toString()), Map.of());
        List<Row> actions = List.of(
                io.delta.kernel.internal.actions.SingleAction.createCommitInfoSingleAction(commitInfo.toRow()),
                io.delta.kernel.internal.actions.SingleAction.createMetadataSingleAction(
                        snapshot.getMetadata().withNewSchema(schema).toRow()));
        engine.getJsonHandler().writeJsonFileAtomically(
                io.delta.kernel.internal.util.FileNames.deltaFile(snapshot.getLogPath(), version), iterator(actions), false);
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
            FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
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
            Row add = scanFile.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
            String stats = add.isNullAt(InternalScanFileUtils.ADD_FILE_STATS_ORDINAL)
                    ? "" : add.getString(InternalScanFileUtils.ADD_FILE_STATS_ORDINAL);
            Matcher m = NUM_RECORDS.matcher(stats);
            if (!m.find()) throw new IllegalStateException("Data file without row count statistics in " + dir);
            count += Long.parseLong(m.group(1));
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
        files.sort(Comparator.comparingLong((Row r) -> InternalScanFileUtils.getAddFileStatus(r).getModificationTime())
                .thenComparing(InternalScanFileUtils::getFilePath));
        return files;
    }

    private long nextModificationTime() {
        lastModificationTime = Math.max(System.currentTimeMillis(), lastModificationTime + 1);
        return lastModificationTime;
    }

    /** Some commit file ({@code <version>.json}), not necessarily the latest: enough to tell the table exists. */
    private Optional<Path> anyVersionFile() {
        try (var files = Files.list(dir.resolve("_delta_log"))) {
            return files.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).findAny();
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
