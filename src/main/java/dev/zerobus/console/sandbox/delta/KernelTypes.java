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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps the console's {@link ColumnType} model to Delta Kernel types, and back (for the schema a Delta log holds). */
final class KernelTypes {
    /** Each primitive Kernel type and the kind it maps from: the forward mapping, inverted. */
    private static final Map<DataType, ColumnType.Kind> PRIMITIVES = new HashMap<>();

    static {
        for (ColumnType.Kind kind : ColumnType.Kind.values()) PRIMITIVES.put(dataType(ColumnType.of(kind), kind.name()), kind);
    }

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

    /**
     * The column a Delta schema field describes. Delta keeps no VARCHAR length nor comment here (they are STRING and
     * none), which is why the catalog's own column is kept wherever it maps to the same Delta field.
     */
    static TableColumn column(StructField field) {
        return new TableColumn(field.getName(), columnType(field.getDataType(), field.getName()), field.isNullable());
    }

    static ColumnType columnType(DataType type, String path) {
        ColumnType.Kind primitive = PRIMITIVES.get(type);
        if (primitive != null) return ColumnType.of(primitive);
        if (type instanceof DecimalType d) return new ColumnType.Decimal(d.getPrecision(), d.getScale());
        if (type instanceof ArrayType a) return new ColumnType.Array(columnType(a.getElementType(), path + "[]"), a.containsNull());
        if (type instanceof MapType m) {
            return new ColumnType.MapOf(columnType(m.getKeyType(), path + ".key"), columnType(m.getValueType(), path + ".value"),
                    m.isValueContainsNull());
        }
        if (type instanceof StructType s) {
            List<ColumnType.Field> fields = new ArrayList<>();
            for (StructField f : s.fields()) fields.add(new ColumnType.Field(f.getName(), columnType(f.getDataType(), path + "." + f.getName()), f.isNullable()));
            return new ColumnType.Struct(fields);
        }
        throw new IllegalArgumentException("Column " + path + " has Delta type " + type + ", which the sandbox does not model");
    }
}
