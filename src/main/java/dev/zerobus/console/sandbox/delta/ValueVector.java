package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.ColumnType;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kernel {@link ColumnVector} over Java row values (already checked by {@link RowCheck}). Struct children and
 * array/map contents are views, so writing a group copies no values. Not thread-safe; used by one writer.
 */
final class ValueVector implements ColumnVector {
    private final ColumnType type;
    private final DataType dataType;
    private final List<?> values;

    ValueVector(ColumnType type, DataType dataType, List<?> values) {
        this.type = type;
        this.dataType = dataType;
        this.values = values;
    }

    /** The vector of top-level column {@code column} over {@code rows}. */
    static ValueVector column(ColumnType type, DataType dataType, List<Object[]> rows, int column) {
        return new ValueVector(type, dataType, new AbstractList<>() {
            @Override public Object get(int index) { return rows.get(index)[column]; }
            @Override public int size() { return rows.size(); }
        });
    }

    @Override public DataType getDataType() { return dataType; }
    @Override public int getSize() { return values.size(); }
    @Override public void close() {}
    @Override public boolean isNullAt(int rowId) { return values.get(rowId) == null; }
    @Override public boolean getBoolean(int rowId) { return (Boolean) values.get(rowId); }
    @Override public byte getByte(int rowId) { return (Byte) values.get(rowId); }
    @Override public short getShort(int rowId) { return (Short) values.get(rowId); }
    @Override public int getInt(int rowId) { return (Integer) values.get(rowId); }
    @Override public long getLong(int rowId) { return (Long) values.get(rowId); }
    @Override public float getFloat(int rowId) { return (Float) values.get(rowId); }
    @Override public double getDouble(int rowId) { return (Double) values.get(rowId); }
    @Override public byte[] getBinary(int rowId) { return (byte[]) values.get(rowId); }
    @Override public String getString(int rowId) { return (String) values.get(rowId); }

    @Override
    public BigDecimal getDecimal(int rowId) {
        BigDecimal value = (BigDecimal) values.get(rowId);
        return value == null ? null : RowCheck.fitDecimal(value, (ColumnType.Decimal) type, "decimal");
    }

    @Override
    public ColumnVector getChild(int ordinal) {
        var struct = (ColumnType.Struct) type;
        var structType = (StructType) dataType;
        return new ValueVector(struct.fields().get(ordinal).type(), structType.at(ordinal).getDataType(),
                new AbstractList<>() {
                    @Override public Object get(int index) {
                        Object[] fields = (Object[]) values.get(index);
                        return fields == null ? null : fields[ordinal];
                    }
                    @Override public int size() { return values.size(); }
                });
    }

    @Override
    public ArrayValue getArray(int rowId) {
        List<?> elements = (List<?>) values.get(rowId);
        if (elements == null) return null;
        var array = (ColumnType.Array) type;
        var vector = new ValueVector(array.element(), ((ArrayType) dataType).getElementType(), elements);
        return new ArrayValue() {
            @Override public int getSize() { return elements.size(); }
            @Override public ColumnVector getElements() { return vector; }
        };
    }

    @Override
    public MapValue getMap(int rowId) {
        Map<?, ?> map = (Map<?, ?>) values.get(rowId);
        if (map == null) return null;
        var mapType = (ColumnType.MapOf) type;
        var kernelType = (MapType) dataType;
        List<Object> keys = new ArrayList<>(map.size());
        List<Object> vals = new ArrayList<>(map.size());
        map.forEach((k, v) -> { keys.add(k); vals.add(v); });
        var keyVector = new ValueVector(mapType.key(), kernelType.getKeyType(), keys);
        var valueVector = new ValueVector(mapType.value(), kernelType.getValueType(), vals);
        return new MapValue() {
            @Override public int getSize() { return keys.size(); }
            @Override public ColumnVector getKeys() { return keyVector; }
            @Override public ColumnVector getValues() { return valueVector; }
        };
    }
}
