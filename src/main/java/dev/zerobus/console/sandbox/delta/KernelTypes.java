package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;

/** Maps the console's {@link ColumnType} model to Delta Kernel types. */
final class KernelTypes {
    private KernelTypes() {}

    /** The table's Kernel schema; throws IllegalArgumentException naming the first column Delta cannot hold. */
    static StructType structType(TableSchema schema) {
        if (schema.columns().isEmpty()) {
            throw new IllegalArgumentException("Table " + schema.fullName() + " has no columns");
        }
        List<StructField> fields = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            fields.add(new StructField(column.name(), dataType(column.type(), column.name()), column.nullable()));
        }
        return new StructType(fields);
    }

    static DataType dataType(ColumnType type, String path) {
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> BooleanType.BOOLEAN;
                case BYTE -> ByteType.BYTE;
                case SHORT -> ShortType.SHORT;
                case INT -> IntegerType.INTEGER;
                case LONG -> LongType.LONG;
                case FLOAT -> FloatType.FLOAT;
                case DOUBLE -> DoubleType.DOUBLE;
                case STRING -> StringType.STRING;
                case BINARY -> BinaryType.BINARY;
                case DATE -> DateType.DATE;
                case TIMESTAMP -> TimestampType.TIMESTAMP;
                case TIMESTAMP_NTZ -> TimestampNTZType.TIMESTAMP_NTZ;
            };
            case ColumnType.VarChar v -> StringType.STRING;
            case ColumnType.Decimal d -> new DecimalType(d.precision(), d.scale());
            case ColumnType.Array a -> new ArrayType(dataType(a.element(), path + "[]"), a.containsNull());
            case ColumnType.MapOf m -> new MapType(dataType(m.key(), path + ".key"),
                    dataType(m.value(), path + ".value"), m.valueContainsNull());
            case ColumnType.Struct s -> {
                List<StructField> fields = new ArrayList<>();
                for (ColumnType.Field f : s.fields()) {
                    fields.add(new StructField(f.name(), dataType(f.type(), path + "." + f.name()), f.nullable()));
                }
                yield new StructType(fields);
            }
            case ColumnType.Unsupported u -> throw new IllegalArgumentException(
                    "Column " + path + " has type " + u.typeText() + ", which the sandbox cannot store: " + u.reason());
        };
    }
}
