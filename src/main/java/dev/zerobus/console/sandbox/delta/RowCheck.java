package dev.zerobus.console.sandbox.delta;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Checks rows against the {@link ColumnType} row-value convention before they are queued, so one bad append fails
 * alone instead of failing the whole group commit it would join. Also estimates the rows' size for group caps.
 */
final class RowCheck {
    private RowCheck() {}

    /** Returns the approximate in-memory size of the rows in bytes; throws IllegalArgumentException on a bad value. */
    static long check(TableSchema schema, List<Object[]> rows) {
        List<TableColumn> columns = schema.columns();
        long bytes = 0;
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            if (row == null || row.length != columns.size()) {
                throw new IllegalArgumentException("Row " + r + " has " + (row == null ? "no" : row.length)
                        + " values; table " + schema.fullName() + " has " + columns.size() + " columns");
            }
            for (int c = 0; c < row.length; c++) {
                TableColumn column = columns.get(c);
                bytes += value(row[c], column.type(), column.nullable(), column.name());
            }
        }
        return bytes;
    }

    private static long value(Object value, ColumnType type, boolean nullable, String path) {
        if (value == null) {
            if (!nullable) throw new IllegalArgumentException("Column " + path + " is NOT NULL but the value is null");
            return 1;
        }
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> expect(value, Boolean.class, path, 1);
                case BYTE -> expect(value, Byte.class, path, 1);
                case SHORT -> expect(value, Short.class, path, 2);
                case INT, DATE -> expect(value, Integer.class, path, 4);
                case LONG, TIMESTAMP, TIMESTAMP_NTZ -> expect(value, Long.class, path, 8);
                case FLOAT -> expect(value, Float.class, path, 4);
                case DOUBLE -> expect(value, Double.class, path, 8);
                case STRING -> expect(value, String.class, path, 16 + ((String) value).length());
                case BINARY -> expect(value, byte[].class, path, 16 + ((byte[]) value).length);
            };
            case ColumnType.VarChar v -> {
                expect(value, String.class, path, 0);
                String s = (String) value;
                if (s.codePointCount(0, s.length()) > v.maxLength()) {
                    throw new IllegalArgumentException("Column " + path + " is " + v.typeText()
                            + " but the value has " + s.codePointCount(0, s.length()) + " characters");
                }
                yield 16 + s.length();
            }
            case ColumnType.Decimal d -> {
                expect(value, BigDecimal.class, path, 0);
                fitDecimal((BigDecimal) value, d, path);
                yield 16;
            }
            case ColumnType.Array a -> {
                expect(value, List.class, path, 0);
                long bytes = 16;
                for (Object element : (List<?>) value) bytes += value(element, a.element(), a.containsNull(), path + "[]");
                yield bytes;
            }
            case ColumnType.MapOf m -> {
                expect(value, Map.class, path, 0);
                long bytes = 16;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    bytes += value(e.getKey(), m.key(), false, path + ".key");
                    bytes += value(e.getValue(), m.value(), m.valueContainsNull(), path + ".value");
                }
                yield bytes;
            }
            case ColumnType.Struct s -> {
                expect(value, Object[].class, path, 0);
                Object[] fields = (Object[]) value;
                if (fields.length != s.fields().size()) {
                    throw new IllegalArgumentException("Column " + path + " is a struct of " + s.fields().size()
                            + " fields but the value has " + fields.length);
                }
                long bytes = 16;
                for (int i = 0; i < fields.length; i++) {
                    ColumnType.Field f = s.fields().get(i);
                    bytes += value(fields[i], f.type(), f.nullable(), path + "." + f.name());
                }
                yield bytes;
            }
            case ColumnType.Unsupported u -> throw new IllegalArgumentException(
                    "Column " + path + " has type " + u.typeText() + ", which the sandbox cannot store: " + u.reason());
        };
    }

    /** The decimal rescaled to the column's scale, as Parquet stores it; throws if it does not fit. */
    static BigDecimal fitDecimal(BigDecimal value, ColumnType.Decimal type, String path) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Column " + path + " is " + type.typeText() + " but " + value
                    + " has more than " + type.scale() + " decimal places", e);
        }
        if (scaled.precision() > type.precision()) {
            throw new IllegalArgumentException("Column " + path + " is " + type.typeText() + " but " + value + " is too large");
        }
        return scaled;
    }

    private static long expect(Object value, Class<?> type, String path, long bytes) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("Column " + path + " expects a " + type.getSimpleName()
                    + " but got a " + value.getClass().getSimpleName());
        }
        return bytes;
    }
}
