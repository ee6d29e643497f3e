package dev.zerobus.console.sandbox.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructType;

/** A column of NULLs: a nullable column the rows' schema does not have yet (added to the table after they were sent). */
final class NullVector implements ColumnVector {
    private final DataType dataType;
    private final int size;

    NullVector(DataType dataType, int size) {
        this.dataType = dataType;
        this.size = size;
    }

    @Override public DataType getDataType() { return dataType; }
    @Override public int getSize() { return size; }
    @Override public void close() {}
    @Override public boolean isNullAt(int rowId) { return true; }

    @Override
    public ColumnVector getChild(int ordinal) {
        if (!(dataType instanceof StructType struct)) throw new UnsupportedOperationException("not a struct: " + dataType);
        return new NullVector(struct.at(ordinal).getDataType(), size);
    }
}
