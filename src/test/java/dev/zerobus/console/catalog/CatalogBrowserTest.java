package dev.zerobus.console.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.Await;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.Seed;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogBrowserTest {
    /** The columns the sandbox seeds; the table must read back exactly so through Unity Catalog. */
    static final List<TableColumn> ALL_TYPES = Seed.ALL_TYPES;

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();
    static CatalogBrowser browser;

    @BeforeAll
    static void start() {
        browser = new CatalogBrowser(SandboxClients.granted(sandbox.workspace()));
    }

    @Test
    void listsTheSeedCatalogSchemaAndTables() {
        List<CatalogSummary> catalogs = browser.listCatalogs();
        List<SchemaSummary> schemas = browser.listSchemas("main");
        List<TableSummary> tables = browser.listTables("main", "default");

        assertThat(catalogs).extracting(CatalogSummary::name).containsExactly("main");
        assertThat(catalogs.getFirst().comment()).isEqualTo("The sandbox's catalog");
        assertThat(schemas).extracting(SchemaSummary::fullName).contains("main.default");
        assertThat(tables).filteredOn(t -> t.name().equals("sensor_readings") || t.name().equals("all_types"))
                .extracting(TableSummary::fullName, TableSummary::tableType, TableSummary::dataSourceFormat,
                        TableSummary::owner, TableSummary::isZerobusWritable)
                .containsExactly(
                        Tuple.tuple("main.default.all_types", "MANAGED", "DELTA", SandboxPrincipals.ADMIN, true),
                        Tuple.tuple("main.default.sensor_readings", "MANAGED", "DELTA", SandboxPrincipals.ADMIN, true));
    }

    @Test
    void pagesThroughAllTablesAndReportsEachOne() {
        createTables("paged", 65);
        List<String> seen = new ArrayList<>();

        List<TableSummary> tables = browser.listTables("main", "paged", Cancellation.none(), t -> seen.add(t.name()));

        assertThat(tables).hasSize(65).extracting(TableSummary::name).doesNotHaveDuplicates()
                .startsWith("t000").endsWith("t064");
        assertThat(seen).isEqualTo(tables.stream().map(TableSummary::name).toList());
    }

    @Test
    void cancellingWhileAPageLoadsStopsAtOnceWithoutAResult() throws Exception {
        createTables("slow", 70);
        var cancellation = new Cancellation();
        var seen = new AtomicInteger();
        try (ExecutorService ui = Executors.newSingleThreadExecutor()) {
            // The second page is held by the sandbox until the test lets it go: the listing can only end before
            // then if cancel does not wait for the page in flight (bench/catalog-cancel measures how soon it ends).
            Future<List<TableSummary>> listing = ui.submit(() -> browser.listTables("main", "slow", cancellation, t -> {
                if (seen.incrementAndGet() == 50) sandbox.faults().catalogDelay(Duration.ofMinutes(10));
            }));
            Await.until("the second page to be held", Duration.ofSeconds(30), () -> sandbox.faults().heldCatalogCalls() == 1);

            cancellation.cancel();

            assertThatThrownBy(() -> listing.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CancellationException.class);
            assertThat(sandbox.faults().heldCatalogCalls()).as("the page is still held: cancel did not wait for it").isEqualTo(1);
            assertThat(seen).as("only the first page's tables were reported").hasValue(50);
        } finally {
            sandbox.faults().catalogDelay(Duration.ZERO);
        }
    }

    @Test
    void marksAnExternalTableAsNotWritableAndSaysWhy() {
        sandbox.context().state().createTable("main", "default", "external_csv", "EXTERNAL", "CSV",
                List.of(new TableColumn("id", ColumnType.of(Kind.LONG), false)), null, SandboxPrincipals.GRANTED, Map.of());

        TableSummary external = browser.listTables("main", "default").stream()
                .filter(t -> t.name().equals("external_csv")).findFirst().orElseThrow();

        assertThat(external.isZerobusWritable()).isFalse();
        assertThat(external.zerobus().reason()).isEqualTo("Zerobus writes only to managed tables; this one is EXTERNAL.");
    }

    @Test
    void describesAllTypesWithItsExactSchema() {
        TableDetails table = browser.table("main.default.all_types");

        assertThat(table.schema()).isEqualTo(new TableSchema("main.default.all_types", ALL_TYPES));
        assertThat(table.isZerobusWritable()).isTrue();
        assertThat(table.notWritableReason()).isNull();
        assertThat(table.tableType()).isEqualTo("MANAGED");
        assertThat(table.dataSourceFormat()).isEqualTo("DELTA");
        assertThat(table.owner()).isEqualTo(SandboxPrincipals.ADMIN);
        assertThat(table.comment()).isEqualTo("One column per type Zerobus can carry");
        assertThat(table.storageLocation()).isEqualTo(sandbox.dataDir().toAbsolutePath().resolve("tables")
                .resolve(table.tableId()).toUri().toString());
        assertThat(table.createdAt()).isNotNull();
    }

    @Test
    void createsATableWithNestedTypesThatReadsBackTheSameAndDeletesIt() {
        List<TableColumn> columns = List.of(
                new TableColumn("id", ColumnType.of(Kind.LONG), false, "Key"),
                new TableColumn("price", new ColumnType.Decimal(10, 2), true),
                new TableColumn("tags", new ColumnType.MapOf(ColumnType.of(Kind.STRING),
                        new ColumnType.Array(ColumnType.of(Kind.INT), true), true), true),
                new TableColumn("address", new ColumnType.Struct(List.of(
                        new ColumnType.Field("street", ColumnType.of(Kind.STRING), false),
                        new ColumnType.Field("points", new ColumnType.Array(new ColumnType.Struct(List.of(
                                new ColumnType.Field("x", ColumnType.of(Kind.DOUBLE), true))), true), true))), true),
                new TableColumn("seen", ColumnType.of(Kind.TIMESTAMP_NTZ), true));

        TableDetails created = browser.createTable("main", "default", "trial_nested", columns);
        TableDetails readBack = browser.table("main.default.trial_nested");
        browser.deleteTable("main.default.trial_nested");

        assertThat(created.schema().columns()).isEqualTo(columns);
        assertThat(readBack.schema()).isEqualTo(new TableSchema("main.default.trial_nested", columns));
        assertThat(readBack.isZerobusWritable()).isTrue();
        assertThat(browser.listTables("main", "default")).extracting(TableSummary::name).doesNotContain("trial_nested");
    }

    @Test
    void aMissingTableNamesTheTablesThatDoExist() {
        createTables("lookup", 2);

        assertThatThrownBy(() -> browser.table("main.lookup.t002")).isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).problem())
                .satisfies(p -> {
                    assertThat(p.message()).isEqualTo("Table main.lookup.t002 does not exist. Tables in main.lookup: t000, t001.");
                    assertThat(p.fix()).contains("Check the spelling");
                    assertThat(p.error()).isNotNull();
                });
    }

    @Test
    void creatingATableThatExistsSaysSo() {
        assertThatThrownBy(() -> browser.createTable("main", "default", "sensor_readings",
                List.of(new TableColumn("id", ColumnType.of(Kind.LONG), false))))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("Could not create table main.default.sensor_readings: it already exists.");
    }

    @Test
    void creatingATableWithoutCreateTableGivesTheGrantForTheCaller() {
        var noGrants = new CatalogBrowser(SandboxClients.as(sandbox.workspace(), SandboxPrincipals.NO_GRANTS));

        assertThatThrownBy(() -> noGrants.createTable("main", "default", "not_mine",
                List.of(new TableColumn("id", ColumnType.of(Kind.LONG), false))))
                .isInstanceOf(StatementFailedException.class)
                .extracting(e -> ((CatalogException) e).problem())
                .satisfies(p -> {
                    assertThat(p.message()).startsWith("The SQL warehouse refused to run CREATE TABLE").contains(
                            "permission denied. The warehouse says \"[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User"
                                    + " does not have CREATE TABLE on Schema 'main.default'. SQLSTATE: 42501\"");
                    assertThat(p.copyableFix()).isEqualTo("GRANT CREATE TABLE ON SCHEMA main.default TO `no-grants-sp`");
                });
    }

    @Test
    void aThreePartNameIsRequired() {
        assertThatThrownBy(() -> browser.table("sensor_readings")).isInstanceOf(CatalogException.class)
                .hasMessage("'sensor_readings' is not a full table name.");
    }

    @Test
    void theDirectGrantsOfASeedTableAreItsSelectAndModify() {
        List<TableGrant> grants = browser.grants("main.default.sensor_readings");

        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.principal()).isEqualTo(SandboxPrincipals.GRANTED);
            assertThat(g.privileges()).containsExactlyInAnyOrder("SELECT", "MODIFY");
        });
    }

    @Test
    void thePrincipalWithoutGrantsHoldsOnlyInheritedUsePrivileges() {
        var noGrants = new CatalogBrowser(SandboxClients.as(sandbox.workspace(), SandboxPrincipals.NO_GRANTS));

        String me = noGrants.currentPrincipal();
        List<HeldPrivilege> held = noGrants.effectivePrivileges("main.default.sensor_readings", me);

        assertThat(me).isEqualTo(SandboxPrincipals.NO_GRANTS);
        assertThat(held).containsExactlyInAnyOrder(
                new HeldPrivilege("USE_CATALOG", "catalog", "main"),
                new HeldPrivilege("USE_SCHEMA", "schema", "main.default"));
        assertThat(held).allMatch(HeldPrivilege::isInherited);
    }

    @Test
    void theGrantedPrincipalHoldsSelectAndModifyDirectlyOnTheTable() {
        List<HeldPrivilege> held = browser.effectivePrivileges("main.default.sensor_readings", SandboxPrincipals.GRANTED);

        assertThat(held).filteredOn(p -> !p.isInherited()).extracting(HeldPrivilege::privilege)
                .containsExactlyInAnyOrder("SELECT", "MODIFY");
        assertThat(held).contains(new HeldPrivilege("USE_CATALOG", "catalog", "main"));
    }

    @Test
    void readingGrantsWithoutSelectQuotesTheServerAndGivesTheGrant() {
        var noGrants = new CatalogBrowser(SandboxClients.as(sandbox.workspace(), SandboxPrincipals.NO_GRANTS));

        assertThatThrownBy(() -> noGrants.grants("main.default.sensor_readings")).isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).problem())
                .satisfies(p -> {
                    assertThat(p.message()).startsWith("Could not read the grants on table main.default.sensor_readings: "
                            + "permission denied. The workspace says \"User 'no-grants-sp' does not have SELECT on table "
                            + "'main.default.sensor_readings'");
                    assertThat(p.copyableFix()).isEqualTo("GRANT SELECT ON TABLE main.default.sensor_readings TO `no-grants-sp`");
                });
    }

    @Test
    void aWrongSecretIsReportedAsRejectedCredentials() {
        var wrong = new CatalogBrowser(WorkspaceClients.create(
                SandboxClients.profile(sandbox.workspace(), SandboxPrincipals.GRANTED, "not-the-secret")));

        assertThatThrownBy(wrong::listCatalogs).isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).problem())
                .satisfies(p -> {
                    assertThat(p.message()).isEqualTo("The workspace rejected the client id or secret (invalid_client).");
                    assertThat(p.fix()).contains("create a new OAuth secret");
                    assertThat(p.message() + p.fix()).doesNotContain("not-the-secret");
                });
    }

    @Test
    void aWorkspaceThatDoesNotAnswerIsReportedAsUnreachable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var profile = new ConnectionProfile("nowhere",
                ConnectionProfile.Source.SAVED, "http://127.0.0.1:" + closedPort, "",
                "someone", Secret.of("secret"));

        assertThatThrownBy(() -> new CatalogBrowser(WorkspaceClients.create(profile)).listCatalogs())
                .isInstanceOf(CatalogException.class)
                .hasMessage("Could not list the catalogs: the workspace did not answer.");
    }

    @Test
    void aProfileWithoutSecretIsRefusedBeforeAnyCall() {
        var profile = SandboxClients.profile(sandbox.workspace(), SandboxPrincipals.GRANTED, "x").withSecret(null);

        assertThatThrownBy(() -> WorkspaceClients.create(profile)).isInstanceOf(CatalogException.class)
                .hasMessage("Profile 'sandbox' has no OAuth client id or secret.");
    }

    @Test
    void derivesTheGrantFromADatabricksMessageThatOmitsTheUser() {
        assertThat(SdkErrors.grantFor("User does not have USE SCHEMA on Schema 'main.default'."))
                .isEqualTo("GRANT USE SCHEMA ON SCHEMA main.default TO `<service principal application id>`");
        assertThat(SdkErrors.grantFor("Something else went wrong")).isNull();
    }

    static void createTables(String schema, int count) {
        var state = sandbox.context().state();
        state.createSchema("main", schema, null, SandboxPrincipals.GRANTED);
        for (int i = 0; i < count; i++) {
            state.createTable("main", schema, "t%03d".formatted(i), "MANAGED", "DELTA",
                    List.of(new TableColumn("id", ColumnType.of(Kind.LONG), false)), null, SandboxPrincipals.GRANTED, Map.of());
        }
    }

}
