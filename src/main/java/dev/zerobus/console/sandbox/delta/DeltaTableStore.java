package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PLACEHOLDER with the agreed API: an in-memory store so that the servers can be built in parallel. The real
 * Delta Kernel store replaces this file.
 */
public final class DeltaTableStore implements AutoCloseable {
    private final Map<String, List<Object[]>> tables = new ConcurrentHashMap<>();
    private final CommitFaults faults;

    public DeltaTableStore(Path tablesRoot, CommitFaults faults) {
        this.faults = faults;
    }

    public void create(String tableId, TableSchema schema) {
        tables.putIfAbsent(tableId, new ArrayList<>());
    }

    public void delete(String tableId) {
        tables.remove(tableId);
    }

    public CompletableFuture<Long> append(String tableId, TableSchema schema, List<Object[]> rows) {
        if (faults.failNextCommit()) return CompletableFuture.failedFuture(new java.io.IOException("Injected fault: commit failed"));
        List<Object[]> table = tables.get(tableId);
        synchronized (table) {
            table.addAll(rows);
        }
        return CompletableFuture.completedFuture(1L);
    }

    public long count(String tableId) {
        List<Object[]> table = tables.get(tableId);
        synchronized (table) {
            return table.size();
        }
    }

    public List<Object[]> read(String tableId, TableSchema schema, long limit) {
        List<Object[]> table = tables.get(tableId);
        synchronized (table) {
            return List.copyOf(limit < 0 ? table : table.subList(0, (int) Math.min(limit, table.size())));
        }
    }

    @Override
    public void close() {
    }
}
