package dev.zerobus.console.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Protobuf bytes -> row values, through DynamicMessage (for previews and round-trip checks, not speed). */
final class ProtoRowReader {
    private ProtoRowReader() {}

    static Object[] read(Descriptor descriptor, List<TableColumn> columns, byte[] bytes) throws InvalidProtocolBufferException {
        return message(DynamicMessage.parseFrom(descriptor, bytes), columns.stream()
                .map(c -> new ColumnType.Field(c.name(), c.type(), c.nullable())).toList());
    }

    private static Object[] message(Message message, List<ColumnType.Field> fields) {
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            FieldDescriptor fd = message.getDescriptorForType().findFieldByNumber(ProtoSchemaMapper.fieldNumber(i));
            ColumnType type = fields.get(i).type();
            if (fd.isRepeated()) {
                row[i] = repeated(message, fd, type);
            } else if (message.hasField(fd)) {
                row[i] = value(type, message.getField(fd));
            }
        }
        return row;
    }

    private static Object repeated(Message message, FieldDescriptor fd, ColumnType type) {
        int count = message.getRepeatedFieldCount(fd);
        if (count == 0) return null; // on the wire an empty array and NULL are the same
        if (type instanceof ColumnType.MapOf map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                Message entry = (Message) message.getRepeatedField(fd, i);
                FieldDescriptor key = entry.getDescriptorForType().findFieldByNumber(1);
                FieldDescriptor value = entry.getDescriptorForType().findFieldByNumber(2);
                out.put(value(map.key(), entry.getField(key)), entry.hasField(value) ? value(map.value(), entry.getField(value)) : null);
            }
            return out;
        }
        ColumnType element = ((ColumnType.Array) type).element();
        List<Object> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(value(element, message.getRepeatedField(fd, i)));
        return out;
    }

    private static Object value(ColumnType type, Object value) {
        return switch (type) {
            case ColumnType.Primitive p when p.kind() == Kind.BYTE -> (byte) (int) (Integer) value;
            case ColumnType.Primitive p when p.kind() == Kind.SHORT -> (short) (int) (Integer) value;
            case ColumnType.Primitive p when p.kind() == Kind.BINARY -> ((ByteString) value).toByteArray();
            case ColumnType.Struct struct -> message((Message) value, struct.fields());
            default -> value;
        };
    }
}
