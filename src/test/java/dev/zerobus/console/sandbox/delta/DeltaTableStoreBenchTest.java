package dev.zerobus.console.sandbox.delta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints throughput and ACK latency; excluded from the normal build (run with -Dsurefire.excludedGroups= -Dgroups=bench). */
@Tag("bench")
class DeltaTableStoreBenchTest {
    private static final TableSchema SCHEMA = new TableSchema("main.default.bench", List.of(
            new TableColumn("device", ColumnType.of(Kind.STRING), true),
            new TableColumn("reading", ColumnType.of(Kind.INT), true),
            new TableColumn("sequence", ColumnType.of(Kind.INT), true),
            new TableColumn("at", ColumnType.of(Kind.TIMESTAMP), true)));
    private static final String DEVICE = "sensor-" + "x".repeat(73); // ~100 bytes per row with the other columns

    @TempDir Path root;

    @BeforeAll
    static void quiet() { QuietLogs.apply(); }

    @Test
    void throughputIntoOneTable() throws Exception {
        int appends = 4_000;
        int rowsPerAppend = 500;
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("bench", SCHEMA);
            store.append("bench", SCHEMA, rows(0, 10_000)).join(); // warm-up
            List<CompletableFuture<Long>> futures = new ArrayList<>(appends);
            long start = System.nanoTime();
            for (int i = 0; i < appends; i++) futures.add(store.append("bench", SCHEMA, rows(i * rowsPerAppend, rowsPerAppend)));
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            long versions = futures.stream().map(CompletableFuture::join).distinct().count();
            System.out.printf("BENCH throughput: %d rows in %.2f s = %.0f rows/s, %d commits%n",
                    (long) appends * rowsPerAppend, seconds, appends * rowsPerAppend / seconds, versions);
            assertThat(store.count("bench")).isEqualTo(10_000L + (long) appends * rowsPerAppend);
        }
    }

    @Test
    void ackLatencyOfSingleRowAppendsAt15kRowsPerSecond() throws Exception {
        int rate = 15_000;
        int total = rate * 10;
        long[] latencies = new long[total];
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("bench", SCHEMA);
            store.append("bench", SCHEMA, rows(0, 1_000)).join();
            List<CompletableFuture<Long>> futures = new ArrayList<>(total);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + (long) i * 1_000_000_000L / rate;
                long now;
                while ((now = System.nanoTime()) < due) LockSupport.parkNanos(due - now);
                int index = i;
                long sent = System.nanoTime();
                futures.add(store.append("bench", SCHEMA, rows(i, 1))
                        .whenComplete((version, error) -> latencies[index] = System.nanoTime() - sent));
            }
            long versionsBefore = futures.getFirst().get(1, TimeUnit.MINUTES);
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            long commits = futures.getLast().join() - versionsBefore + 1;
            Arrays.sort(latencies);
            System.out.printf("BENCH latency at %d rows/s (single-row appends, %.1f s, %d commits): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    rate, seconds, commits, ms(latencies[total / 2]), ms(latencies[total * 9 / 10]),
                    ms(latencies[total * 99 / 100]), ms(latencies[total - 1]));
        }
    }

    private static double ms(long nanos) { return nanos / 1e6; }

    private static List<Object[]> rows(int first, int count) {
        List<Object[]> rows = new ArrayList<>(count);
        long micros = System.currentTimeMillis() * 1000;
        for (int i = 0; i < count; i++) rows.add(new Object[] {DEVICE, (first + i) % 1000, first + i, micros + i});
        return rows;
    }
}
