package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.TableSchema;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructType;
import java.util.List;

/**
 * A Kernel {@link ColumnarBatch} view over checked Java rows, one {@link ValueVector} per column. {@code kernelSchema}
 * may have more (nullable) columns than {@code schema}, after it: those are all NULL.
 */
final class RowBatch implements ColumnarBatch {
    private final StructType kernelSchema;
    private final ColumnVector[] columns;
    private final int size;

    RowBatch(TableSchema schema, StructType kernelSchema, List<Object[]> rows) {
        this.kernelSchema = kernelSchema;
        this.size = rows.size();
        this.columns = new ColumnVector[kernelSchema.length()];
        int given = schema.columns().size();
        for (int c = 0; c < columns.length; c++) {
            columns[c] = c < given
                    ? ValueVector.column(schema.columns().get(c).type(), kernelSchema.at(c).getDataType(), rows, c)
                    : new NullVector(kernelSchema.at(c).getDataType(), size);
        }
    }

    @Override public StructType getSchema() { return kernelSchema; }
    @Override public ColumnVector getColumnVector(int ordinal) { return columns[ordinal]; }
    @Override public int getSize() { return size; }
}
