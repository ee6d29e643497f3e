package dev.zerobus.console.codec;

import dev.zerobus.console.sandbox.Seed;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.schema.TypeParser;
import java.util.List;

/** Tables for the codec tests; ALL_TYPES has the columns of the sandbox's {@code Seed.ALL_TYPES}. */
final class CodecTables {
    static final TableSchema SENSOR_READINGS = new TableSchema("main.default.sensor_readings", List.of(
            new TableColumn("device_name", ColumnType.of(Kind.STRING), false),
            new TableColumn("temp", ColumnType.of(Kind.INT), true),
            new TableColumn("humidity", ColumnType.of(Kind.INT), true),
            new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true)));

    static final TableSchema ALL_TYPES = new TableSchema("main.default.all_types", Seed.ALL_TYPES);

    /** A one-column table, nullable. */
    static TableSchema single(ColumnType type) {
        return new TableSchema("main.default.t", List.of(new TableColumn("c", type, true)));
    }

    static TableSchema single(String typeText) {
        return single(TypeParser.parseText(typeText));
    }

    private CodecTables() {}
}
