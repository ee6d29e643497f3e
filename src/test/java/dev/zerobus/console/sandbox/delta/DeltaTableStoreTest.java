package dev.zerobus.console.sandbox.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTableStoreTest {
    private static final TableSchema EVENTS = new TableSchema("main.default.events", List.of(
            new TableColumn("id", ColumnType.of(Kind.INT), false),
            new TableColumn("name", ColumnType.of(Kind.STRING), true)));

    @TempDir Path root;

    @BeforeAll
    static void quiet() { QuietLogs.apply(); }

    @Test
    void readsBackEveryTypeExactlyAsWritten() {
        var point = new ColumnType.Struct(List.of(new ColumnType.Field("k", ColumnType.of(Kind.STRING), true),
                new ColumnType.Field("n", ColumnType.of(Kind.LONG), true)));
        var nested = new ColumnType.Struct(List.of(new ColumnType.Field("a", ColumnType.of(Kind.INT), true),
                new ColumnType.Field("inner", new ColumnType.Struct(List.of(
                        new ColumnType.Field("x", ColumnType.of(Kind.STRING), true))), true)));
        var schema = new TableSchema("main.default.all_types", List.of(
                new TableColumn("id", ColumnType.of(Kind.INT), false),
                new TableColumn("b", ColumnType.of(Kind.BOOLEAN), true),
                new TableColumn("y", ColumnType.of(Kind.BYTE), true),
                new TableColumn("sh", ColumnType.of(Kind.SHORT), true),
                new TableColumn("l", ColumnType.of(Kind.LONG), true),
                new TableColumn("f", ColumnType.of(Kind.FLOAT), true),
                new TableColumn("d", ColumnType.of(Kind.DOUBLE), true),
                new TableColumn("s", ColumnType.of(Kind.STRING), true),
                new TableColumn("v", new ColumnType.VarChar(10), true),
                new TableColumn("bin", ColumnType.of(Kind.BINARY), true),
                new TableColumn("dt", ColumnType.of(Kind.DATE), true),
                new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true),
                new TableColumn("ntz", ColumnType.of(Kind.TIMESTAMP_NTZ), true),
                new TableColumn("dec", new ColumnType.Decimal(10, 2), true),
                new TableColumn("st", nested, true),
                new TableColumn("arr", new ColumnType.Array(ColumnType.of(Kind.INT), true), true),
                new TableColumn("points", new ColumnType.Array(point, true), true),
                new TableColumn("m", new ColumnType.MapOf(ColumnType.of(Kind.STRING), ColumnType.of(Kind.INT), true), true)));
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("one", 1);
        map.put("none", null);
        List<Object[]> rows = List.of(
                new Object[] {1, true, (byte) -7, (short) 300, 1L << 40, 1.5f, -2.25, "héllo", "short",
                        "bytes".getBytes(StandardCharsets.UTF_8), 19_000, 1_700_000_000_123_456L, -86_400_000_000L,
                        new BigDecimal("12345678.90"), new Object[] {5, new Object[] {"deep"}},
                        Arrays.asList(1, null, 3), List.of(new Object[] {"p", 9L}, new Object[] {null, null}), map},
                new Object[] {2, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null},
                new Object[] {3, false, (byte) 0, (short) 0, 0L, 0f, 0.0, "", "", new byte[0], 0, 0L, 0L,
                        new BigDecimal("-0.01"), new Object[] {null, null}, List.of(), List.of(), Map.of()});
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("all_types", schema);
            store.append("all_types", schema, rows).join();

            assertThat(normalize(store.read("all_types", schema, -1))).isEqualTo(normalize(rows));
        }
    }

    @Test
    void groupsConcurrentSingleRowAppendsIntoFewCommits() throws Exception {
        int threads = 4;
        int perThread = 10_000;
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("events", EVENTS);
            List<List<CompletableFuture<Long>>> futuresByThread = new ArrayList<>();
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                List<CompletableFuture<Long>> mine = new ArrayList<>(perThread);
                futuresByThread.add(mine);
                appenders.add(Thread.ofPlatform().name("appender-" + t).start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        mine.add(store.append("events", EVENTS, List.<Object[]>of(new Object[] {thread * perThread + i, "t" + thread})));
                    }
                }));
            }
            for (Thread appender : appenders) appender.join(); // join() publishes each thread's list
            List<CompletableFuture<Long>> futures = futuresByThread.stream().flatMap(List::stream).toList();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

            long versions = futures.stream().map(CompletableFuture::join).distinct().count();
            List<Integer> ids = store.read("events", EVENTS, -1).stream().map(row -> (Integer) row[0]).toList();
            assertThat(store.count("events")).isEqualTo(threads * perThread);
            assertThat(versions).isLessThan(threads * perThread / 10);
            assertThat(ids).containsExactlyInAnyOrderElementsOf(IntStream.range(0, threads * perThread).boxed().toList());
            for (int t = 0; t < threads; t++) {
                int thread = t;
                assertThat(ids.stream().filter(id -> id / perThread == thread).toList()).as("rows of appender %d", t).isSorted();
            }
        }
    }

    @Test
    void readsTablesBackAfterARestart() {
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("events", EVENTS);
            store.append("events", EVENTS, List.of(row(1), row(2))).join();
            store.append("events", EVENTS, List.<Object[]>of(row(3))).join();
        }
        try (var reopened = new DeltaTableStore(root, CommitFaults.NONE)) {
            reopened.create("events", EVENTS);
            reopened.append("events", EVENTS, List.<Object[]>of(row(4))).join();

            assertThat(normalize(reopened.read("events", EVENTS, -1))).isEqualTo(normalize(List.of(row(1), row(2), row(3), row(4))));
            assertThat(reopened.count("events")).isEqualTo(4);
            assertThat(reopened.read("events", EVENTS, 2)).hasSize(2);
        }
    }

    @Test
    void keepsCommitOrderAcrossACheckpoint() {
        List<Object[]> written = new ArrayList<>();
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("events", EVENTS);
            for (int i = 0; i < 100; i++) {
                written.add(row(i));
                store.append("events", EVENTS, List.<Object[]>of(row(i))).join();
            }
        }
        try (var reopened = new DeltaTableStore(root, CommitFaults.NONE)) {
            assertThat(root.resolve("events/_delta_log/00000000000000000100.checkpoint.parquet")).exists();
            assertThat(normalize(reopened.read("events", EVENTS, -1))).isEqualTo(normalize(written));
        }
    }

    @Test
    void failsExactlyTheGroupThatHitAnInjectedFault() throws Exception {
        var firstCommitStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var calls = new AtomicInteger();
        CommitFaults faults = () -> switch (calls.incrementAndGet()) {
            case 1 -> { firstCommitStarted.countDown(); await(release); yield false; }
            case 2 -> true;
            default -> false;
        };
        try (var store = new DeltaTableStore(root, faults)) {
            store.create("events", EVENTS);
            var first = store.append("events", EVENTS, List.<Object[]>of(row(1)));
            assertThat(firstCommitStarted.await(30, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Long>> doomed = List.of(
                    store.append("events", EVENTS, List.<Object[]>of(row(2))),
                    store.append("events", EVENTS, List.<Object[]>of(row(3))),
                    store.append("events", EVENTS, List.<Object[]>of(row(4))));
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            for (var future : doomed) {
                assertThatThrownBy(() -> future.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .hasMessageContaining("Injected fault: commit failed");
            }
            store.append("events", EVENTS, List.<Object[]>of(row(5))).get(30, TimeUnit.SECONDS);

            assertThat(store.read("events", EVENTS, -1)).extracting(row -> row[0]).containsExactly(1, 5);
        }
    }

    @Test
    void closeCommitsQueuedAppendsAndTheTableReopensWithThem() throws Exception {
        var firstCommitStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var calls = new AtomicInteger();
        CommitFaults faults = () -> {
            if (calls.incrementAndGet() == 1) { firstCommitStarted.countDown(); await(release); }
            return false;
        };
        var store = new DeltaTableStore(root, faults);
        store.create("events", EVENTS);
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        futures.add(store.append("events", EVENTS, List.<Object[]>of(row(0))));
        assertThat(firstCommitStarted.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 1_000; i++) futures.add(store.append("events", EVENTS, List.<Object[]>of(row(i))));
        Thread closer = Thread.ofPlatform().start(store::close);
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(60));

        assertThat(closer.isAlive()).isFalse();
        assertThat(futures).allMatch(CompletableFuture::isDone);
        long landed = futures.stream().filter(f -> !f.isCompletedExceptionally()).count();
        assertThat(store.append("events", EVENTS, List.<Object[]>of(row(5_000)))).isCompletedExceptionally();
        try (var reopened = new DeltaTableStore(root, CommitFaults.NONE)) {
            assertThat(landed).isEqualTo(1_000);
            assertThat(reopened.count("events")).isEqualTo(landed);
        }
    }

    @Test
    void rejectsAColumnTypeDeltaCannotHoldByName() {
        var schema = new TableSchema("main.default.odd", List.of(new TableColumn("payload",
                new ColumnType.Unsupported("variant", "VARIANT", "no VARIANT writer"), true)));
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            assertThatThrownBy(() -> store.create("odd", schema)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("payload").hasMessageContaining("no VARIANT writer");
        }
    }

    @Test
    void failsOnlyTheAppendWhoseValuesDoNotFitTheSchema() {
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("events", EVENTS);
            var bad = store.append("events", EVENTS, List.<Object[]>of(new Object[] {null, "x"}));
            store.append("events", EVENTS, List.<Object[]>of(row(1))).join();

            assertThat(bad).isCompletedExceptionally();
            assertThat(store.count("events")).isEqualTo(1);
        }
    }

    @Test
    void deleteRemovesTheTable() {
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("events", EVENTS);
            store.append("events", EVENTS, List.<Object[]>of(row(1))).join();
            store.delete("events");

            assertThat(root.resolve("events")).doesNotExist();
            // the writer reads the log on its own thread, so the append fails there, not on the caller's
            assertThat(store.append("events", EVENTS, List.<Object[]>of(row(2)))).failsWithin(java.time.Duration.ofSeconds(30));
        }
    }

    private static Object[] row(int id) {
        return new Object[] {id, "name-" + id};
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Arrays compare by content only after this: Object[] becomes a List, byte[] a hex string. */
    private static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> "0x" + HexFormat.of().formatHex(bytes);
            case Object[] array -> Arrays.stream(array).map(DeltaTableStoreTest::normalize).toList();
            case List<?> list -> list.stream().map(DeltaTableStoreTest::normalize).toList();
            case Map<?, ?> map -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(normalize(k), normalize(v)));
                yield copy;
            }
            default -> value;
        };
    }

    @Test
    void latestVersionFileIsTheNewestCommitAndCountsComeFromStatistics() throws Exception {
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("t1", EVENTS);
            for (int v = 1; v <= 12; v++) {
                store.append("t1", EVENTS, List.of(new Object[] {v, "n" + v}, new Object[] {100 + v, null})).get(30, TimeUnit.SECONDS);
            }
            assertThat(store.count("t1")).isEqualTo(24);
        }
        // 13 versions (0..12) and a checkpoint beside them: the newest commit file, whatever order the directory lists
        assertThat(new DeltaTable(null, root.resolve("t1")).latestVersionFile()).get()
                .extracting(p -> p.getFileName().toString()).isEqualTo("00000000000000000012.json");
    }

    @Test
    void rowsSentBeforeANullableColumnWasAddedLandWithNullThere() throws Exception {
        TableSchema widened = new TableSchema("main.default.events", List.of(
                new TableColumn("id", ColumnType.of(Kind.INT), false),
                new TableColumn("name", ColumnType.of(Kind.STRING), true),
                new TableColumn("note", ColumnType.of(Kind.STRING), true)));
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("t1", EVENTS);
            store.append("t1", EVENTS, List.<Object[]>of(row(1))).get(30, TimeUnit.SECONDS);
            addNullableColumnBehindTheWritersBack(root.resolve("t1/_delta_log"), 2, "note");
            // the writer's snapshot is still version 1: its commit conflicts, it moves to version 2 and pads the rows
            store.append("t1", EVENTS, List.<Object[]>of(row(2))).get(30, TimeUnit.SECONDS);
            store.append("t1", widened, List.<Object[]>of(new Object[] {3, "name-3", "hello"})).get(30, TimeUnit.SECONDS);

            assertThat(store.read("t1", widened, -1)).containsExactly(
                    new Object[] {1, "name-1", null}, new Object[] {2, "name-2", null}, new Object[] {3, "name-3", "hello"});
        }
    }

    /** Commits version {@code version}: the table's metadata with one more nullable string column (what ADD COLUMNS writes). */
    private static void addNullableColumnBehindTheWritersBack(Path log, long version, String column) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode metaData = null;
        for (String line : java.nio.file.Files.readAllLines(log.resolve(String.format("%020d.json", 0)))) {
            var action = json.readTree(line);
            if (action.has("metaData")) metaData = (com.fasterxml.jackson.databind.node.ObjectNode) action.get("metaData");
        }
        var schema = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(metaData.get("schemaString").asText());
        schema.withArray("fields").addObject().put("name", column).put("type", "string").put("nullable", true).putObject("metadata");
        metaData.put("schemaString", json.writeValueAsString(schema));
        java.nio.file.Files.writeString(log.resolve(String.format("%020d.json", version)),
                json.writeValueAsString(json.createObjectNode().set("metaData", metaData)) + "\n",
                java.nio.file.StandardOpenOption.CREATE_NEW);
    }
}
