package dev.zerobus.console.schema;

import dev.zerobus.console.schema.ColumnType.Kind;
import java.util.List;

/** Tables for the codec tests; ALL_TYPES has the columns of the sandbox's {@code Seed.ALL_TYPES}. */
final class CodecTables {
    static final TableSchema SENSOR_READINGS = new TableSchema("main.default.sensor_readings", List.of(
            new TableColumn("device_name", ColumnType.of(Kind.STRING), false),
            new TableColumn("temp", ColumnType.of(Kind.INT), true),
            new TableColumn("humidity", ColumnType.of(Kind.INT), true),
            new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true)));

    static final TableSchema ALL_TYPES = new TableSchema("main.default.all_types", List.of(
            new TableColumn("id", ColumnType.of(Kind.LONG), false),
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
                    new ColumnType.Field("v", ColumnType.of(Kind.LONG), true))), true), true)));

    /** A one-column table, nullable. */
    static TableSchema single(ColumnType type) {
        return new TableSchema("main.default.t", List.of(new TableColumn("c", type, true)));
    }

    static TableSchema single(String typeText) {
        return single(TypeParser.parseText(typeText));
    }

    private CodecTables() {}
}
