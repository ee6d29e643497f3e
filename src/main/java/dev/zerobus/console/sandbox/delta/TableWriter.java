package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.TableSchema;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.types.StructType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single committer of one table. Appends queue up while a commit runs; the writer thread then takes everything
 * queued (up to the group caps) and commits it as one Parquet file and one Delta version (a group commit).
 * Futures complete on the writer thread, in append order, only after the commit is fsynced. Thread-safe.
 *
 * <p>{@link #append} does no I/O and waits for no I/O: the table's log is read (its snapshot loaded, its schema
 * checked) on the writer thread, so a stream's first append to a table does not read the Delta log on the caller's
 * (transport) thread.
 */
final class TableWriter {
    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);
    static final int MAX_GROUP_ROWS = 250_000;
    static final long MAX_GROUP_BYTES = 64L << 20;

    private record Pending(TableSchema schema, List<Object[]> rows, long bytes, CompletableFuture<Long> future) {}

    private final String tableId;
    private final DeltaTable table;
    private final CommitFaults faults;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean stopping;
    private boolean discardQueued;

    // Writer thread only.
    private Snapshot snapshot;
    private TableSchema lastSchema;
    private StructType lastKernelSchema;

    TableWriter(String tableId, DeltaTable table, CommitFaults faults) {
        this.tableId = tableId;
        this.table = table;
        this.faults = faults;
        this.thread = Thread.ofPlatform().name("delta-writer-" + tableId).daemon(false).unstarted(this::run);
        thread.start();
    }

    CompletableFuture<Long> append(TableSchema schema, List<Object[]> rows) {
        var future = new CompletableFuture<Long>();
        long bytes;
        try {
            bytes = RowCheck.check(schema, rows);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        lock.lock();
        try {
            if (stopping) return CompletableFuture.failedFuture(new IllegalStateException("Table " + tableId + " is closed"));
            queue.add(new Pending(schema, rows, bytes, future));
            queued.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    /**
     * The schema to write rows of schema {@code rows} with: the table's. Rows that lack nullable columns the table
     * gained after they were sent (at its end, as ADD COLUMNS puts them) get NULL there, so an open stream keeps
     * working when a nullable column is added ("adding a nullable column does not break ingestion":
     * https://docs.databricks.com/aws/en/ingestion/zerobus-schema-management). Anything else is refused.
     */
    private StructType writeSchema(StructType rows, Snapshot base) {
        StructType table = base.getSchema();
        if (rows.equals(table)) return table;
        boolean widened = table.length() > rows.length();
        for (int c = 0; widened && c < table.length(); c++) {
            widened = c < rows.length() ? table.at(c).equals(rows.at(c)) : table.at(c).isNullable();
        }
        if (!widened) {
            throw new IllegalArgumentException("Rows for " + tableId + " use schema " + rows + " but the Delta table has " + table);
        }
        return table;
    }

    /** Commits everything queued, then stops the thread. */
    void finish() {
        stop(false);
    }

    /** Finishes the commit in flight, fails what is still queued, then stops the thread. */
    void abandon() {
        stop(true);
    }

    private void stop(boolean discard) {
        lock.lock();
        try {
            stopping = true;
            discardQueued |= discard;
            queued.signal();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void run() {
        List<Pending> group;
        while (!(group = nextGroup()).isEmpty()) {
            try {
                commit(group);
            } catch (RuntimeException | Error e) {
                // Keep serving: a dead writer thread would leave every later future hanging.
                LOG.error("Writer of {} hit an unexpected error", tableId, e);
                Throwable failure = e;
                group.forEach(p -> p.future().completeExceptionally(failure));
                snapshot = null;
            }
        }
    }

    /** Blocks for work; returns an empty group once stopping and there is nothing (more) to commit. */
    private List<Pending> nextGroup() {
        lock.lock();
        try {
            while (queue.isEmpty() && !stopping) queued.awaitUninterruptibly();
            if (discardQueued) {
                queue.forEach(p -> p.future().completeExceptionally(
                        new IllegalStateException("Table " + tableId + " was deleted before the rows were committed")));
                queue.clear();
            }
            List<Pending> group = new ArrayList<>();
            long rows = 0;
            long bytes = 0;
            while (!queue.isEmpty()) {
                Pending next = queue.peek();
                boolean fits = group.isEmpty() || (next.schema().equals(group.getFirst().schema())
                        && rows + next.rows().size() <= MAX_GROUP_ROWS && bytes + next.bytes() <= MAX_GROUP_BYTES);
                if (!fits) break;
                group.add(queue.poll());
                rows += next.rows().size();
                bytes += next.bytes();
            }
            return group;
        } finally {
            lock.unlock();
        }
    }

    private void commit(List<Pending> group) {
        TableSchema schema = group.getFirst().schema();
        List<Object[]> rows = new ArrayList<>();
        group.forEach(p -> rows.addAll(p.rows()));
        TransactionCommitResult result;
        try {
            if (snapshot == null) snapshot = table.latestSnapshot();
            try {
                result = table.append(snapshot, schema, writeSchema(kernelSchema(schema), snapshot), rows, faults);
            } catch (io.delta.kernel.exceptions.ConcurrentWriteException e) {
                // Another writer changed the table (ALTER TABLE ... ADD COLUMNS): write again on top of its version.
                LOG.info("Table {} changed under its writer ({}); committing on the new version", tableId, e.getMessage());
                snapshot = table.latestSnapshot();
                result = table.append(snapshot, schema, writeSchema(kernelSchema(schema), snapshot), rows, faults);
            }
        } catch (Exception e) {
            snapshot = null; // reload: the failure may have left Kernel's view of the log stale
            LOG.debug("Commit of {} rows to {} failed", rows.size(), tableId, e);
            group.forEach(p -> p.future().completeExceptionally(e));
            return;
        }
        long version = result.getVersion();
        snapshot = result.getPostCommitSnapshot().orElse(null);
        LOG.debug("Committed {} rows ({} appends) to {} as version {}", rows.size(), group.size(), tableId, version);
        group.forEach(p -> p.future().complete(version));
        try {
            table.runPostCommitHooks(result);
        } catch (RuntimeException e) {
            LOG.warn("Post-commit work for {} at version {} failed", tableId, version, e);
        }
    }

    private StructType kernelSchema(TableSchema schema) {
        if (!schema.equals(lastSchema)) {
            lastKernelSchema = KernelTypes.structType(schema);
            lastSchema = schema;
        }
        return lastKernelSchema;
    }
}
