package dev.zerobus.console.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TableReaderTest {
    private static final String READINGS = "main.default.sensor_readings";

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();
    static CatalogBrowser browser;
    static TableReader reader;

    @BeforeAll
    static void start() {
        var client = SandboxClients.granted(sandbox.workspace());
        browser = new CatalogBrowser(client);
        reader = new TableReader(client);
    }

    @Test
    void picksTheRunningSandboxWarehouse() {
        assertThat(reader.warehouseId()).isEqualTo("sandbox");
    }

    @Test
    void countsAndReadsBackTheNewestRowsAsStrings() throws Exception {
        long t0 = micros("2024-05-01T12:30:00.123Z");
        long before = reader.count(READINGS);
        append(READINGS, new Object[] {"dev-a", 21, 40, t0}, new Object[] {"dev-b", 22, 41, t0 + 1_000_000},
                new Object[] {"dev-c", null, null, t0 + 2_000_000}, new Object[] {"dev-d", 19, 39, t0 - 1_000_000});

        long after = reader.count(READINGS);
        List<Map<String, String>> rows = reader.lastRows(browser.table(READINGS).schema(), 3, "ts");

        assertThat(after).isEqualTo(before + 4);
        assertThat(rows).containsExactly(
                row("dev-c", null, null, "2024-05-01T12:30:02.123Z"),
                row("dev-b", "22", "41", "2024-05-01T12:30:01.123Z"),
                row("dev-a", "21", "40", "2024-05-01T12:30:00.123Z"));
        assertThat(rows.getFirst().keySet()).containsExactly("device_name", "temp", "humidity", "ts");
    }

    @Test
    void reportsHowManyRowsLandedSinceTheSnapshot() throws Exception {
        RowCountDelta snapshot = RowCountDelta.snapshot(reader, READINGS);
        append(READINGS, new Object[] {"dev-x", 1, 2, 0L}, new Object[] {"dev-y", 3, 4, 0L});

        RowCountDelta.Change change = snapshot.measure();

        assertThat(change.before()).isEqualTo(snapshot.before());
        assertThat(change.delta()).isEqualTo(2);
    }

    @Test
    void fetchesEveryChunkOfALargeResult() throws Exception {
        int total = 10_005;
        TableInfo table = sandbox.context().state().createTable("main", "default", "many_rows", "MANAGED", "DELTA",
                List.of(new TableColumn("n", ColumnType.of(Kind.LONG), false)), null, SandboxPrincipals.GRANTED, Map.of());
        sandbox.context().tables().create(table.tableId(), table.schema());
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < total; i++) rows.add(new Object[] {i});
        sandbox.context().tables().append(table.tableId(), table.schema(), rows).get();

        List<Map<String, String>> read = reader.lastRows(browser.table("main.default.many_rows").schema(), 20_000, "n");

        assertThat(read).hasSize(total);
        assertThat(read.getFirst()).containsEntry("n", "10004");
        assertThat(read.get(5)).containsEntry("n", "9999");
        assertThat(read.getLast()).containsEntry("n", "0");
        assertThat(reader.count("main.default.many_rows")).isEqualTo(total);
    }

    @Test
    void aFailedStatementCarriesTheWarehouseMessage() {
        assertThatThrownBy(() -> reader.count("main.default.nope")).isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).problem().message())
                        .startsWith("The SQL warehouse could not run SELECT COUNT(*) FROM `main`.`default`.`nope`: "
                                + "[TABLE_OR_VIEW_NOT_FOUND]")
                        .contains("`nope`"));
    }

    /**
     * Databricks answers a SELECT without the privilege as a FAILED statement (HTTP 200) whose message is
     * "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have SELECT on Table '...'", naming no one:
     * the reader says it is a permission problem and hands over the GRANT for the principal it runs as.
     */
    @Test
    void readingWithoutSelectGivesTheGrant() {
        var noGrants = new TableReader(SandboxClients.as(sandbox.workspace(), SandboxPrincipals.NO_GRANTS), "sandbox", TableReader.DEFAULT_TIMEOUT);

        assertThatThrownBy(() -> noGrants.count(READINGS)).isInstanceOf(CatalogException.class)
                .satisfies(e -> {
                    var problem = ((CatalogException) e).problem();
                    assertThat(problem.message()).isEqualTo("Could not read table main.default.sensor_readings on SQL "
                            + "warehouse sandbox: permission denied. The workspace says \"[INSUFFICIENT_PERMISSIONS] Insufficient"
                            + " privileges: User does not have SELECT on Table 'main.default.sensor_readings'. SQLSTATE: 42501\"");
                    assertThat(problem.copyableFix()).isEqualTo("GRANT SELECT ON TABLE main.default.sensor_readings TO `no-grants-sp`");
                    assertThat(e.getCause()).isInstanceOf(StatementFailedException.class);
                });
        assertThatThrownBy(() -> noGrants.lastRows(browser.table(READINGS).schema(), 3, "ts"))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).problem().copyableFix())
                .isEqualTo("GRANT SELECT ON TABLE main.default.sensor_readings TO `no-grants-sp`");
    }

    @Test
    void orderingByAColumnTheTableLacksIsRefusedBeforeRunning() {
        TableSchema schema = new TableSchema(READINGS, List.of(new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true)));

        assertThatThrownBy(() -> reader.lastRows(schema, 3, "when")).isInstanceOf(CatalogException.class)
                .hasMessage("Table main.default.sensor_readings has no column 'when' to order by.");
    }

    @Test
    void quotesIdentifiersWithBackticksDoubled() {
        assertThat(new TableName("main", "my`schema", "t").quoted()).isEqualTo("`main`.`my``schema`.`t`");
    }

    private static void append(String fullName, Object[]... rows) throws Exception {
        TableInfo table = sandbox.context().state().table(fullName);
        sandbox.context().tables().append(table.tableId(), table.schema(), List.of(rows)).get();
    }

    private static Map<String, String> row(String device, String temp, String humidity, String ts) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("device_name", device);
        row.put("temp", temp);
        row.put("humidity", humidity);
        row.put("ts", ts);
        return row;
    }

    private static long micros(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }
}
