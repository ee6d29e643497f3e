package dev.zerobus.console.sandbox.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE ADD COLUMNS on a real Delta table: old rows read null in the new columns, new rows carry them. */
class DeltaSchemaChangeTest {
    private static final TableSchema BEFORE = new TableSchema("main.default.events", List.of(
            new TableColumn("id", ColumnType.of(Kind.INT), false),
            new TableColumn("name", ColumnType.of(Kind.STRING), true)));
    private static final TableSchema AFTER = new TableSchema("main.default.events", List.of(
            new TableColumn("id", ColumnType.of(Kind.INT), false),
            new TableColumn("name", ColumnType.of(Kind.STRING), true),
            new TableColumn("score", ColumnType.of(Kind.DOUBLE), true),
            new TableColumn("tags", new ColumnType.Struct(List.of(
                    new ColumnType.Field("k", ColumnType.of(Kind.STRING), true))), true)));

    @TempDir Path root;

    @BeforeAll
    static void quiet() { QuietLogs.apply(); }

    @Test
    void addedColumnsAreNullInOldRowsAndWrittenInNewOnes() {
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("events", BEFORE);
            store.append("events", BEFORE, List.<Object[]>of(new Object[] {1, "a"})).join();

            store.addColumns("events", AFTER);
            store.append("events", AFTER, List.<Object[]>of(new Object[] {2, "b", 1.5, new Object[] {"x"}})).join();

            List<Object[]> rows = store.read("events", AFTER, -1);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsExactly(1, "a", null, null);
            assertThat(rows.get(1)[0]).isEqualTo(2);
            assertThat(rows.get(1)[2]).isEqualTo(1.5);
            assertThat((Object[]) rows.get(1)[3]).containsExactly("x");
            assertThat(store.count("events")).isEqualTo(2);
        }
        try (var reopened = new DeltaTableStore(root, CommitFaults.NONE)) {
            assertThat(reopened.read("events", AFTER, -1)).hasSize(2);
            reopened.create("events", AFTER); // the altered schema is the one on disk: a no-op
        }
    }

    @Test
    void appendsWithTheOldSchemaLandWithNullInTheAddedNullableColumns() {
        // an open stream keeps working when its table gains a nullable column (issue 13.1, zerobus-schema-management)
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("events", BEFORE);
            store.append("events", BEFORE, List.<Object[]>of(new Object[] {1, "a"})).join();
            store.addColumns("events", AFTER);
            store.append("events", BEFORE, List.<Object[]>of(new Object[] {3, "c"})).join();

            assertThat(store.count("events")).isEqualTo(2);
            assertThat(store.read("events", AFTER, -1)).allSatisfy(row -> assertThat(row[AFTER.columns().size() - 1]).isNull());
        }
    }

    @Test
    void aSchemaThatDoesNotExtendTheTableIsRefused() {
        try (var store = new DeltaTableStore(root, CommitFaults.NONE)) {
            store.create("events", BEFORE);
            var reordered = new TableSchema("main.default.events", List.of(BEFORE.columns().get(1), BEFORE.columns().get(0),
                    AFTER.columns().get(2)));
            assertThatThrownBy(() -> store.addColumns("events", reordered)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not extend");
            List<TableColumn> many = new ArrayList<>(AFTER.columns());
            store.addColumns("events", new TableSchema("main.default.events", many));
            many.add(new TableColumn("later", ColumnType.of(Kind.LONG), true));
            store.addColumns("events", new TableSchema("main.default.events", many));
            store.append("events", new TableSchema("main.default.events", many),
                    List.<Object[]>of(new Object[] {9, null, null, null, 5L})).join();
            assertThat(store.read("events", new TableSchema("main.default.events", many), -1).get(0)).containsExactly(9, null, null, null, 5L);
        }
    }
}
