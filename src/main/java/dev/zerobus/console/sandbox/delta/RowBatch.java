package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.TableSchema;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructType;
import java.util.List;

/** A Kernel {@link ColumnarBatch} view over checked Java rows, one {@link ValueVector} per column. */
final class RowBatch implements ColumnarBatch {
    private final StructType kernelSchema;
    private final ColumnVector[] columns;
    private final int size;

    RowBatch(TableSchema schema, StructType kernelSchema, List<Object[]> rows) {
        this.kernelSchema = kernelSchema;
        this.size = rows.size();
        this.columns = new ColumnVector[schema.columns().size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ValueVector.column(schema.columns().get(c).type(), kernelSchema.at(c).getDataType(), rows, c);
        }
    }

    @Override public StructType getSchema() { return kernelSchema; }
    @Override public ColumnVector getColumnVector(int ordinal) { return columns[ordinal]; }
    @Override public int getSize() { return size; }
}
