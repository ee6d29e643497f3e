package dev.zerobus.console.sandbox.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PROTO records, decoded with the client's descriptor (already checked against the table, so fields are found by
 * column name). A nullable column the descriptor leaves out is NULL in every row. Empty repeated and map fields
 * become empty lists and maps: protobuf cannot tell them from null.
 */
final class ProtoRecordDecoder implements RecordDecoder {
    private final Descriptor descriptor;
    private final List<ColumnType.Field> columns;

    ProtoRecordDecoder(TableSchema schema, Descriptor descriptor) {
        this.descriptor = descriptor;
        this.columns = RecordDecoder.fields(schema);
    }

    @Override
    public String recordType() {
        return "PROTO";
    }

    @Override
    public Object[] decode(String jsonRecord) throws RecordException {
        throw new IllegalStateException("not a JSON stream");
    }

    @Override
    public Object[] decode(ByteString protoRecord) throws RecordException {
        DynamicMessage message;
        try {
            message = DynamicMessage.newBuilder(descriptor).mergeFrom(protoRecord).buildPartial();
        } catch (InvalidProtocolBufferException e) {
            throw new RecordException("", "does not decode as message " + descriptor.getName() + ": " + e.getMessage());
        }
        if (!message.isInitialized()) {
            throw new RecordException(String.join(", ", message.findInitializationErrors()), "required field missing");
        }
        if (!message.getUnknownFields().asMap().isEmpty()) {
            throw new RecordException("", "has fields the descriptor does not declare (numbers "
                    + message.getUnknownFields().asMap().keySet() + ") or fields of the wrong wire type");
        }
        return struct(message, columns, "");
    }

    private Object[] struct(Message message, List<ColumnType.Field> fields, String path) throws RecordException {
        Descriptor type = message.getDescriptorForType();
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            ColumnType.Field field = fields.get(i);
            FieldDescriptor fd = type.findFieldByName(field.name());
            String fieldPath = RecordDecoder.join(path, field.name());
            if (fd == null) {
                // left out of the descriptor: create_stream allowed that only for a nullable column
                if (!field.nullable()) throw new RecordException(fieldPath, "missing but the field is NOT NULL");
            } else if (fd.isRepeated()) {
                row[i] = fd.isMapField() ? map(message, fd, field.type(), fieldPath) : list(message, fd, field.type(), fieldPath);
            } else if (message.hasField(fd)) {
                row[i] = value(message.getField(fd), field.type(), fieldPath);
            } else if (!field.nullable()) {
                throw new RecordException(fieldPath, "missing but the field is NOT NULL");
            }
        }
        return row;
    }

    private List<Object> list(Message message, FieldDescriptor fd, ColumnType type, String path) throws RecordException {
        ColumnType element = ((ColumnType.Array) type).element();
        int count = message.getRepeatedFieldCount(fd);
        List<Object> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(value(message.getRepeatedField(fd, i), element, path + "[" + i + "]"));
        return out;
    }

    private Map<Object, Object> map(Message message, FieldDescriptor fd, ColumnType type, String path) throws RecordException {
        var mapType = (ColumnType.MapOf) type;
        FieldDescriptor keyField = fd.getMessageType().findFieldByNumber(1);
        FieldDescriptor valueField = fd.getMessageType().findFieldByNumber(2);
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < message.getRepeatedFieldCount(fd); i++) {
            Message entry = (Message) message.getRepeatedField(fd, i);
            Object key = value(entry.getField(keyField), mapType.key(), path + "{key " + i + "}");
            String entryPath = path + "[" + key + "]";
            Object value = entry.hasField(valueField) || valueField.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                    ? value(entry.getField(valueField), mapType.value(), entryPath) : null;
            out.put(key, value);
        }
        return out;
    }

    private Object value(Object v, ColumnType type, String path) throws RecordException {
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BYTE -> (byte) RecordDecoder.checkRange((Integer) v, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT", path);
                case SHORT -> (short) RecordDecoder.checkRange((Integer) v, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT", path);
                case BINARY -> ((ByteString) v).toByteArray();
                default -> v; // Boolean, Integer (int, date), Long (bigint, timestamps), Float, Double, String
            };
            case ColumnType.VarChar varchar -> {
                String s = (String) v;
                if (s.codePointCount(0, s.length()) > varchar.maxLength()) {
                    throw new RecordException(path, "longer than " + varchar.maxLength() + " characters (" + type.typeText() + ")");
                }
                yield s;
            }
            case ColumnType.Struct struct -> struct((Message) v, struct.fields(), path);
            default -> throw new RecordException(path, "type " + type.typeText() + " cannot be ingested on a PROTO stream");
        };
    }
}
