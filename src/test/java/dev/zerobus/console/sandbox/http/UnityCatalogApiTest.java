package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.PermissionDenied;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.ColumnInfo;
import com.databricks.sdk.service.catalog.ColumnTypeName;
import com.databricks.sdk.service.catalog.CreateTableRequest;
import com.databricks.sdk.service.catalog.DataSourceFormat;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.catalog.SchemaInfo;
import com.databricks.sdk.service.catalog.TableInfo;
import com.databricks.sdk.service.catalog.TableType;
import com.databricks.sdk.service.iam.MeRequest;
import dev.zerobus.console.Await;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UnityCatalogApiTest {
    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();
    static WorkspaceClient client;

    @BeforeAll
    static void start() {
        client = SdkClients.granted(sandbox.workspace());
    }

    @Test
    void listsTheCatalogsSchemasAndSeedTables() {
        List<String> catalogs = names(client.catalogs().list(new ListCatalogsRequest()), CatalogInfo::getName);
        List<String> schemas = names(client.schemas().list("main"), SchemaInfo::getFullName);
        List<String> tables = names(client.tables().list("main", "default"), TableInfo::getName);

        assertThat(catalogs).containsExactly("main");
        assertThat(schemas).contains("main.default");
        assertThat(tables).contains("all_types", "sensor_readings");
    }

    @Test
    void pagesThroughMoreTablesThanOnePage() {
        var state = sandbox.context().state();
        state.createSchema("main", "paged", null, SandboxPrincipals.GRANTED);
        int count = TablesApi.DEFAULT_PAGE_SIZE + 7;
        for (int i = 0; i < count; i++) {
            state.createTable("main", "paged", "t%03d".formatted(i), "MANAGED", "DELTA",
                    List.of(new TableColumn("id", ColumnType.of(ColumnType.Kind.LONG), false)), null,
                    SandboxPrincipals.GRANTED, Map.of());
        }

        List<String> tables = names(client.tables().list("main", "paged"), TableInfo::getName);

        assertThat(tables).hasSize(count).startsWith("t000").endsWith("t%03d".formatted(count - 1)).doesNotHaveDuplicates();
    }

    @Test
    void describesEveryColumnOfAllTypes() {
        TableInfo table = client.tables().get("main.default.all_types");

        assertThat(table.getFullName()).isEqualTo("main.default.all_types");
        assertThat(table.getTableType()).isEqualTo(TableType.MANAGED);
        assertThat(table.getDataSourceFormat()).isEqualTo(DataSourceFormat.DELTA);
        assertThat(table.getStorageLocation()).isEqualTo(sandbox.dataDir().toAbsolutePath().resolve("tables")
                .resolve(table.getTableId()).toUri().toString());
        assertThat(table.getOwner()).isEqualTo(SandboxPrincipals.ADMIN);
        List<ColumnInfo> columns = List.copyOf(table.getColumns());
        assertThat(columns).hasSize(17);
        assertThat(columns).extracting(ColumnInfo::getPosition)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L);
        assertThat(columns).extracting(ColumnInfo::getTypeText).containsExactly("bigint", "boolean", "tinyint", "smallint",
                "int", "bigint", "float", "double", "string", "binary", "date", "timestamp", "timestamp_ntz", "array<int>",
                "map<string,int>", "struct<street:string,zip:int,geo:struct<lat:double,lon:double>>",
                "array<struct<k:string,v:bigint>>");
        assertThat(columns).extracting(ColumnInfo::getTypeName).containsExactly(ColumnTypeName.LONG, ColumnTypeName.BOOLEAN,
                ColumnTypeName.BYTE, ColumnTypeName.SHORT, ColumnTypeName.INT, ColumnTypeName.LONG, ColumnTypeName.FLOAT,
                ColumnTypeName.DOUBLE, ColumnTypeName.STRING, ColumnTypeName.BINARY, ColumnTypeName.DATE,
                ColumnTypeName.TIMESTAMP, ColumnTypeName.TIMESTAMP_NTZ, ColumnTypeName.ARRAY, ColumnTypeName.MAP,
                ColumnTypeName.STRUCT, ColumnTypeName.ARRAY);
        assertThat(columns.get(0).getNullable()).isFalse();
        assertThat(columns.get(0).getTypeJson())
                .isEqualTo("{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}}");
        assertThat(columns.get(4).getTypeJson())
                .isEqualTo("{\"name\":\"c_int\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}}");
        assertThat(columns.get(13).getTypeJson()).isEqualTo("{\"name\":\"c_array\",\"type\":{\"type\":\"array\","
                + "\"elementType\":\"integer\",\"containsNull\":true},\"nullable\":true,\"metadata\":{}}");
        assertThat(columns.subList(1, 17)).extracting(ColumnInfo::getNullable).containsOnly(true);
    }

    /** https://docs.databricks.com/api/workspace/tables/create: "only supports creating external Delta tables". */
    @Test
    void refusesToCreateAManagedTableThroughTheTablesApi() {
        var request = new CreateTableRequest().setCatalogName("main").setSchemaName("default").setName("created_by_sdk")
                .setTableType(TableType.MANAGED).setDataSourceFormat(DataSourceFormat.DELTA)
                .setColumns(List.of(new ColumnInfo().setName("id").setPosition(0L).setTypeName(ColumnTypeName.LONG)
                        .setTypeText("bigint").setNullable(false)));

        assertThatThrownBy(() -> client.tables().create(request)).isInstanceOf(InvalidParameterValue.class)
                .hasMessageContaining("only supports creating external Delta tables")
                .hasMessageContaining("got table_type MANAGED").hasMessageContaining("CREATE TABLE");
        assertThat(client.tables().exists("main.default.created_by_sdk").getTableExists()).isFalse();
    }

    @Test
    void refusesExternalTablesTooForTheSandboxHasNoExternalLocations() {
        var request = new CreateTableRequest().setCatalogName("main").setSchemaName("default").setName("external_sdk")
                .setTableType(TableType.EXTERNAL).setDataSourceFormat(DataSourceFormat.DELTA)
                .setStorageLocation("s3://bucket/external_sdk")
                .setColumns(List.of(new ColumnInfo().setName("id").setTypeText("bigint").setTypeName(ColumnTypeName.LONG)));

        assertThatThrownBy(() -> client.tables().create(request)).isInstanceOf(InvalidParameterValue.class)
                .hasMessageContaining("'s3://bucket/external_sdk' is not inside an external location")
                .hasMessageContaining("no external locations");
        assertThat(client.tables().exists("main.default.external_sdk").getTableExists()).isFalse();
    }

    @Test
    void deletesATableCreatedWithSqlAndExistsFollows() {
        var created = SqlDdlTest.run(client, "CREATE TABLE main.default.created_by_sql (id BIGINT NOT NULL, price DECIMAL(10,2))");
        boolean existsAfterCreate = client.tables().exists("main.default.created_by_sql").getTableExists();
        String tableId = client.tables().get("main.default.created_by_sql").getTableId();
        client.tables().delete("main.default.created_by_sql");
        boolean existsAfterDelete = client.tables().exists("main.default.created_by_sql").getTableExists();

        assertThat(created.getStatus().getState()).isEqualTo(com.databricks.sdk.service.sql.StatementState.SUCCEEDED);
        assertThat(existsAfterCreate).isTrue();
        assertThat(existsAfterDelete).isFalse();
        assertThat(sandbox.dataDir().resolve("tables").resolve(tableId)).doesNotExist();
    }

    @Test
    void rejectsAColumnTypeDeltaCannotHoldAndNamesTheColumn() {
        var response = SqlDdlTest.run(client, "CREATE TABLE main.default.with_variant (payload VARIANT)");

        SqlDdlTest.assertFailed(response, "VARIANT", "0A000");
        assertThat(client.tables().exists("main.default.with_variant").getTableExists()).isFalse();
    }

    @Test
    void deniesListingTablesWithoutUseSchemaAndQuotesTheGrant() {
        sandbox.context().state().createSchema("main", "private_schema", null, SandboxPrincipals.ADMIN);

        assertThatThrownBy(() -> names(client.tables().list("main", "private_schema"), TableInfo::getName))
                .isInstanceOf(PermissionDenied.class)
                .hasMessageContaining("GRANT USE SCHEMA ON SCHEMA main.private_schema TO `sandbox-sp`");
    }

    @Test
    void honoursTheInjectedCatalogDelay() {
        sandbox.faults().catalogDelay(Duration.ofMillis(300));
        long started = System.nanoTime();
        try {
            client.catalogs().get("main");
        } finally {
            sandbox.faults().catalogDelay(Duration.ZERO);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void liftingTheCatalogDelayLetsTheCallsItHoldsGo() throws Exception {
        sandbox.faults().catalogDelay(Duration.ofMinutes(10));
        try (ExecutorService caller = Executors.newSingleThreadExecutor()) {
            Future<String> held = caller.submit(() -> client.catalogs().get("main").getName());
            Await.until("the call to be held", Duration.ofSeconds(30), () -> sandbox.faults().heldCatalogCalls() == 1);
            assertThat(held).isNotDone();

            sandbox.faults().catalogDelay(Duration.ZERO);

            assertThat(held.get(30, TimeUnit.SECONDS)).as("answered long before the ten minutes").isEqualTo("main");
            assertThat(sandbox.faults().heldCatalogCalls()).isZero();
        } finally {
            sandbox.faults().catalogDelay(Duration.ZERO);
        }
    }

    @Test
    void currentUserIsTheSandboxServicePrincipal() {
        var me = client.currentUser().me(new MeRequest());

        assertThat(me.getUserName()).isEqualTo(SandboxPrincipals.GRANTED);
        assertThat(me.getId()).isNotBlank();
        assertThat(me.getDisplayName()).isNotBlank();
    }

    static <T> List<String> names(Iterable<T> items, Function<T, String> name) {
        return StreamSupport.stream(items.spliterator(), false).map(name).toList();
    }
}
