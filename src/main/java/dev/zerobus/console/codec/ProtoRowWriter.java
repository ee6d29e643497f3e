package dev.zerobus.console.codec;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Row values -> protobuf bytes matching {@link ProtoSchemaMapper}'s descriptor, written with CodedOutputStream
 * directly (no DynamicMessage): fields numbered as the mapper numbers them, NULL fields left out, repeated
 * scalars unpacked (proto2's default), maps as entry messages (key = 1, value = 2). Sizes are computed first so
 * each record is one exact array. Nulls inside arrays and maps cannot be carried: errors. Stateless, thread-safe.
 */
final class ProtoRowWriter {
    private ProtoRowWriter() {}

    /** Returns the bytes, or null after adding errors. */
    static byte[] write(List<TableColumn> columns, Object[] row, List<FieldError> errors) {
        int size = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] != null) size += fieldSize(ProtoSchemaMapper.fieldNumber(i), columns.get(i).type(), row[i], columns.get(i).name(), errors);
        }
        if (!errors.isEmpty()) return null;
        byte[] bytes = new byte[size];
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            for (int i = 0; i < columns.size(); i++) {
                if (row[i] != null) writeField(out, ProtoSchemaMapper.fieldNumber(i), columns.get(i).type(), row[i]);
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only on a size mistake: a bug
        }
        return bytes;
    }

    private static int fieldSize(int number, ColumnType type, Object value, String path, List<FieldError> errors) {
        return switch (type) {
            case ColumnType.Array array -> {
                List<?> list = (List<?>) value;
                int size = 0;
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    if (element == null) errors.add(FieldErrors.nullOnProto(path + "[" + i + "]", array.element(), "inside arrays"));
                    else size += fieldSize(number, array.element(), element, path + "[" + i + "]", errors);
                }
                yield size;
            }
            case ColumnType.MapOf map -> {
                int size = 0;
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    String entryPath = path + "[\"" + entry.getKey() + "\"]";
                    if (entry.getValue() == null) {
                        errors.add(FieldErrors.nullOnProto(entryPath, map.value(), "as map values"));
                        continue;
                    }
                    int entrySize = fieldSize(1, map.key(), entry.getKey(), entryPath, errors)
                            + fieldSize(2, map.value(), entry.getValue(), entryPath, errors);
                    size += CodedOutputStream.computeTagSize(number) + CodedOutputStream.computeUInt32SizeNoTag(entrySize) + entrySize;
                }
                yield size;
            }
            case ColumnType.Struct struct -> {
                int inner = structSize(struct, (Object[]) value, path, errors);
                yield CodedOutputStream.computeTagSize(number) + CodedOutputStream.computeUInt32SizeNoTag(inner) + inner;
            }
            default -> scalarSize(number, type, value);
        };
    }

    private static int structSize(ColumnType.Struct struct, Object[] values, String path, List<FieldError> errors) {
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                ColumnType.Field field = struct.fields().get(i);
                size += fieldSize(ProtoSchemaMapper.fieldNumber(i), field.type(), values[i], path + "." + field.name(), errors);
            }
        }
        return size;
    }

    private static int scalarSize(int number, ColumnType type, Object value) {
        return switch (value) {
            case Boolean b -> CodedOutputStream.computeBoolSize(number, b);
            case Byte n -> CodedOutputStream.computeInt32Size(number, n);
            case Short n -> CodedOutputStream.computeInt32Size(number, n);
            case Integer n -> CodedOutputStream.computeInt32Size(number, n);
            case Long n -> CodedOutputStream.computeInt64Size(number, n);
            case Float f -> CodedOutputStream.computeFloatSize(number, f);
            case Double d -> CodedOutputStream.computeDoubleSize(number, d);
            case String s -> CodedOutputStream.computeStringSize(number, s);
            case byte[] bytes -> CodedOutputStream.computeByteArraySize(number, bytes);
            default -> throw new IllegalArgumentException(type.typeText() + " cannot go on a PROTO stream: " + value.getClass().getName());
        };
    }

    private static void writeField(CodedOutputStream out, int number, ColumnType type, Object value) throws IOException {
        switch (type) {
            case ColumnType.Array array -> {
                for (Object element : (List<?>) value) writeField(out, number, array.element(), element);
            }
            case ColumnType.MapOf map -> {
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    out.writeTag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    out.writeUInt32NoTag(scalarOrNestedSize(1, map.key(), entry.getKey()) + scalarOrNestedSize(2, map.value(), entry.getValue()));
                    writeField(out, 1, map.key(), entry.getKey());
                    writeField(out, 2, map.value(), entry.getValue());
                }
            }
            case ColumnType.Struct struct -> {
                Object[] values = (Object[]) value;
                out.writeTag(number, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(structSize(struct, values, "", List.of()));
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) writeField(out, ProtoSchemaMapper.fieldNumber(i), struct.fields().get(i).type(), values[i]);
                }
            }
            default -> writeScalar(out, number, value);
        }
    }

    private static int scalarOrNestedSize(int number, ColumnType type, Object value) {
        return fieldSize(number, type, value, "", List.of());
    }

    private static void writeScalar(CodedOutputStream out, int number, Object value) throws IOException {
        switch (value) {
            case Boolean b -> out.writeBool(number, b);
            case Byte n -> out.writeInt32(number, n);
            case Short n -> out.writeInt32(number, n);
            case Integer n -> out.writeInt32(number, n);
            case Long n -> out.writeInt64(number, n);
            case Float f -> out.writeFloat(number, f);
            case Double d -> out.writeDouble(number, d);
            case String s -> out.writeString(number, s);
            case byte[] bytes -> out.writeByteArray(number, bytes);
            default -> throw new IllegalArgumentException("not a protobuf scalar: " + value.getClass().getName());
        }
    }
}
