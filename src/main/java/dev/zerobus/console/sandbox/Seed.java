package dev.zerobus.console.sandbox;

import dev.zerobus.console.sandbox.delta.DeltaTableStore;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import java.util.List;
import java.util.Map;

/**
 * What a fresh sandbox holds: {@code main.default} with two sample tables and grants for the service principals and the analyst user. The
 * column lists are public so that tests elsewhere can name the seed tables' schemas without copying them.
 */
public final class Seed {
    public static final List<TableColumn> SENSOR_READINGS = List.of(
            new TableColumn("device_name", ColumnType.of(Kind.STRING), false, "Device that sent the reading"),
            new TableColumn("temp", ColumnType.of(Kind.INT), true, "Temperature, degrees Celsius"),
            new TableColumn("humidity", ColumnType.of(Kind.INT), true, "Relative humidity, percent"),
            new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true, "When the reading was taken"));

    /** One column per type the Zerobus mapping supports, nested ones included. */
    public static final List<TableColumn> ALL_TYPES = List.of(
            new TableColumn("id", ColumnType.of(Kind.LONG), false, "Row id (NOT NULL)"),
            new TableColumn("c_boolean", ColumnType.of(Kind.BOOLEAN), true),
            new TableColumn("c_tinyint", ColumnType.of(Kind.BYTE), true),
            new TableColumn("c_smallint", ColumnType.of(Kind.SHORT), true),
            new TableColumn("c_int", ColumnType.of(Kind.INT), true),
            new TableColumn("c_bigint", ColumnType.of(Kind.LONG), true),
            new TableColumn("c_float", ColumnType.of(Kind.FLOAT), true),
            new TableColumn("c_double", ColumnType.of(Kind.DOUBLE), true),
            new TableColumn("c_string", ColumnType.of(Kind.STRING), true),
            new TableColumn("c_binary", ColumnType.of(Kind.BINARY), true),
            new TableColumn("c_date", ColumnType.of(Kind.DATE), true),
            new TableColumn("c_timestamp", ColumnType.of(Kind.TIMESTAMP), true),
            new TableColumn("c_timestamp_ntz", ColumnType.of(Kind.TIMESTAMP_NTZ), true),
            new TableColumn("c_array", new ColumnType.Array(ColumnType.of(Kind.INT), true), true),
            new TableColumn("c_map", new ColumnType.MapOf(ColumnType.of(Kind.STRING), ColumnType.of(Kind.INT), true), true),
            new TableColumn("c_struct", new ColumnType.Struct(List.of(
                    new ColumnType.Field("street", ColumnType.of(Kind.STRING), true),
                    new ColumnType.Field("zip", ColumnType.of(Kind.INT), true),
                    new ColumnType.Field("geo", new ColumnType.Struct(List.of(
                            new ColumnType.Field("lat", ColumnType.of(Kind.DOUBLE), true),
                            new ColumnType.Field("lon", ColumnType.of(Kind.DOUBLE), true))), true))), true),
            new TableColumn("c_array_struct", new ColumnType.Array(new ColumnType.Struct(List.of(
                    new ColumnType.Field("k", ColumnType.of(Kind.STRING), true),
                    new ColumnType.Field("v", ColumnType.of(Kind.LONG), true))), true), true));

    private Seed() {}

    static void apply(WorkspaceState state, DeltaTableStore store) {
        String admin = SandboxPrincipals.ADMIN;
        state.createCatalog("main", "The sandbox's catalog", admin);
        state.createSchema("main", "default", "Sample tables to trial Zerobus ingestion", admin);
        createTable(state, store, "sensor_readings", SENSOR_READINGS, "Readings from IoT sensors (the Zerobus quickstart table)");
        createTable(state, store, "all_types", ALL_TYPES, "One column per type Zerobus can carry");

        String granted = SandboxPrincipals.GRANTED;
        state.updateGrants(Securable.catalog("main"), granted, List.of("USE_CATALOG", "CREATE_SCHEMA"), List.of());
        state.updateGrants(Securable.schema("main.default"), granted, List.of("USE_SCHEMA", "CREATE_TABLE"), List.of());
        for (String table : List.of("main.default.sensor_readings", "main.default.all_types")) {
            state.updateGrants(Securable.table(table), granted, List.of("SELECT", "MODIFY"), List.of());
        }
        String none = SandboxPrincipals.NO_GRANTS;
        state.updateGrants(Securable.catalog("main"), none, List.of("USE_CATALOG"), List.of());
        state.updateGrants(Securable.schema("main.default"), none, List.of("USE_SCHEMA"), List.of());
        String analyst = SandboxPrincipals.ANALYST;
        state.updateGrants(Securable.catalog("main"), analyst, List.of("USE_CATALOG"), List.of());
        state.updateGrants(Securable.schema("main.default"), analyst, List.of("USE_SCHEMA", "SELECT"), List.of());
    }

    private static void createTable(WorkspaceState state, DeltaTableStore store, String name, List<TableColumn> columns, String comment) {
        TableInfo info = state.createTable("main", "default", name, "MANAGED", "DELTA", columns, comment,
                SandboxPrincipals.ADMIN, Map.of());
        store.create(info.tableId(), info.schema());
    }
}
