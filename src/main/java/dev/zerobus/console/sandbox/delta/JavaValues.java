package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.ColumnType;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Kernel vectors back into Java row values (the {@link ColumnType} convention). */
final class JavaValues {
    private JavaValues() {}

    static Object read(ColumnVector vector, int row, ColumnType type) {
        if (vector.isNullAt(row)) return null;
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> vector.getBoolean(row);
                case BYTE -> vector.getByte(row);
                case SHORT -> vector.getShort(row);
                case INT, DATE -> vector.getInt(row);
                case LONG, TIMESTAMP, TIMESTAMP_NTZ -> vector.getLong(row);
                case FLOAT -> vector.getFloat(row);
                case DOUBLE -> vector.getDouble(row);
                case STRING -> vector.getString(row);
                case BINARY -> vector.getBinary(row);
            };
            case ColumnType.VarChar v -> vector.getString(row);
            case ColumnType.Decimal d -> vector.getDecimal(row);
            case ColumnType.Array a -> {
                ArrayValue array = vector.getArray(row);
                ColumnVector elements = array.getElements();
                List<Object> list = new ArrayList<>(array.getSize());
                for (int i = 0; i < array.getSize(); i++) list.add(read(elements, i, a.element()));
                yield list;
            }
            case ColumnType.MapOf m -> {
                MapValue map = vector.getMap(row);
                Map<Object, Object> result = new LinkedHashMap<>();
                for (int i = 0; i < map.getSize(); i++) {
                    result.put(read(map.getKeys(), i, m.key()), read(map.getValues(), i, m.value()));
                }
                yield result;
            }
            case ColumnType.Struct s -> {
                Object[] fields = new Object[s.fields().size()];
                for (int i = 0; i < fields.length; i++) fields[i] = read(vector.getChild(i), row, s.fields().get(i).type());
                yield fields;
            }
            case ColumnType.Unsupported u -> throw new IllegalArgumentException("Cannot read type " + u.typeText());
        };
    }
}
