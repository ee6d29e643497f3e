package dev.zerobus.console.sandbox.grpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON records: one JSON object per record, keys are column names. Integers must be JSON integers within the
 * column's range, timestamps integer microseconds (strings are rejected, as by the real service), dates integer
 * days, binary base64 strings, arrays/maps/structs JSON arrays/objects; null or an absent key only where nullable
 * ("Columns that allow null values in the table can be omitted from the record and are written as NULL"; missing
 * NOT NULL columns, unknown columns and incompatible types are errors:
 * https://docs.databricks.com/aws/en/ingestion/zerobus-schema-management). Every key is checked, so a column added
 * to the table later is simply absent from older records.
 */
final class JsonRecordDecoder implements RecordDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ColumnType.Field> columns;

    JsonRecordDecoder(TableSchema schema) {
        this.columns = RecordDecoder.fields(schema);
    }

    @Override
    public String recordType() {
        return "JSON";
    }

    @Override
    public Object[] decode(ByteString protoRecord) throws RecordException {
        throw new IllegalStateException("not a PROTO stream");
    }

    @Override
    public Object[] decode(String jsonRecord) throws RecordException {
        JsonNode node;
        try {
            node = JSON.readTree(jsonRecord);
        } catch (JsonProcessingException e) {
            throw new RecordException("", "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw new RecordException("", "a record must be a JSON object, got " + kind(node));
        return struct(node, columns, "");
    }

    private Object[] struct(JsonNode object, List<ColumnType.Field> fields, String path) throws RecordException {
        Object[] row = new Object[fields.size()];
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                throw new RecordException(RecordDecoder.join(path, name), path.isEmpty()
                        ? "unknown column (not in the table)" : "unknown field (not in the struct)");
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            ColumnType.Field field = fields.get(i);
            String fieldPath = RecordDecoder.join(path, field.name());
            JsonNode value = object.get(field.name());
            if (value == null || value.isNull()) {
                if (!field.nullable()) throw new RecordException(fieldPath, (value == null ? "missing" : "null") + " but the column is NOT NULL");
                continue;
            }
            row[i] = value(value, field.type(), fieldPath);
        }
        return row;
    }

    private Object value(JsonNode v, ColumnType type, String path) throws RecordException {
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> {
                    if (!v.isBoolean()) throw wrong(path, "a boolean", v);
                    yield v.booleanValue();
                }
                case BYTE -> (byte) RecordDecoder.checkRange(integer(v, path), Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT", path);
                case SHORT -> (short) RecordDecoder.checkRange(integer(v, path), Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT", path);
                case INT -> (int) RecordDecoder.checkRange(integer(v, path), Integer.MIN_VALUE, Integer.MAX_VALUE, "INT", path);
                case DATE -> (int) RecordDecoder.checkRange(integer(v, path), Integer.MIN_VALUE, Integer.MAX_VALUE, "DATE (days)", path);
                case LONG -> integer(v, path);
                case TIMESTAMP, TIMESTAMP_NTZ -> {
                    if (v.isTextual()) throw new RecordException(path, "timestamps must be integer microseconds since the epoch; strings are rejected");
                    yield integer(v, path);
                }
                case FLOAT -> {
                    if (!v.isNumber()) throw wrong(path, "a number", v);
                    float f = (float) v.doubleValue();
                    if (Float.isInfinite(f)) throw new RecordException(path, v.asText() + " is outside FLOAT range");
                    yield f;
                }
                case DOUBLE -> {
                    if (!v.isNumber()) throw wrong(path, "a number", v);
                    yield v.doubleValue();
                }
                case STRING -> text(v, path);
                case BINARY -> {
                    try {
                        yield Base64.getDecoder().decode(text(v, path));
                    } catch (IllegalArgumentException e) {
                        throw new RecordException(path, "binary values are base64 strings; this one is not valid base64");
                    }
                }
            };
            case ColumnType.VarChar varchar -> {
                String s = text(v, path);
                if (s.codePointCount(0, s.length()) > varchar.maxLength()) {
                    throw new RecordException(path, "longer than " + varchar.maxLength() + " characters (" + type.typeText() + ")");
                }
                yield s;
            }
            case ColumnType.Decimal decimal -> {
                if (!v.isNumber() && !v.isTextual()) throw wrong(path, "a decimal number", v);
                yield new BigDecimal(v.asText());
            }
            case ColumnType.Array array -> {
                if (!v.isArray()) throw wrong(path, "a JSON array", v);
                List<Object> list = new ArrayList<>(v.size());
                for (int i = 0; i < v.size(); i++) {
                    JsonNode element = v.get(i);
                    if (element.isNull()) {
                        if (!array.containsNull()) throw new RecordException(path + "[" + i + "]", "null element but the array holds no nulls");
                        list.add(null);
                    } else {
                        list.add(value(element, array.element(), path + "[" + i + "]"));
                    }
                }
                yield list;
            }
            case ColumnType.MapOf map -> {
                if (!v.isObject()) throw wrong(path, "a JSON object", v);
                Map<Object, Object> out = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    String entryPath = path + "[\"" + e.getKey() + "\"]";
                    Object key = mapKey(e.getKey(), map.key(), entryPath);
                    if (e.getValue().isNull()) {
                        if (!map.valueContainsNull()) throw new RecordException(entryPath, "null value but the map holds no nulls");
                        out.put(key, null);
                    } else {
                        out.put(key, value(e.getValue(), map.value(), entryPath));
                    }
                }
                yield out;
            }
            case ColumnType.Struct struct -> {
                if (!v.isObject()) throw wrong(path, "a JSON object", v);
                yield struct(v, struct.fields(), path);
            }
            case ColumnType.Unsupported unsupported -> throw new RecordException(path, "type " + unsupported.typeText() + " cannot be ingested");
        };
    }

    private Object mapKey(String key, ColumnType type, String path) throws RecordException {
        if (!(type instanceof ColumnType.Primitive p)) return key;
        try {
            return switch (p.kind()) {
                case BYTE -> Byte.parseByte(key);
                case SHORT -> Short.parseShort(key);
                case INT, DATE -> Integer.parseInt(key);
                case LONG, TIMESTAMP, TIMESTAMP_NTZ -> Long.parseLong(key);
                case BOOLEAN -> switch (key) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new RecordException(path, "map key '" + key + "' is not true or false");
                };
                default -> key;
            };
        } catch (NumberFormatException e) {
            throw new RecordException(path, "map key '" + key + "' is not a " + type.typeText());
        }
    }

    private static long integer(JsonNode v, String path) throws RecordException {
        if (!v.isIntegralNumber()) throw wrong(path, "an integer", v);
        if (!v.canConvertToLong()) throw new RecordException(path, v.asText() + " is outside BIGINT range");
        return v.longValue();
    }

    private static String text(JsonNode v, String path) throws RecordException {
        if (!v.isTextual()) throw wrong(path, "a string", v);
        return v.textValue();
    }

    /** Worded like the service's decoder errors: "invalid type: string \"72F\", expected an integer" (code 4044). */
    private static RecordException wrong(String path, String expected, JsonNode got) {
        return new RecordException(path, "invalid type: " + shown(got) + ", expected " + expected);
    }

    /** The JSON kind and, for scalars, the value (long strings cut): {@code string "72F"}, {@code integer `5`}. */
    private static String shown(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) return "null";
        if (node.isArray()) return "array";
        if (node.isObject()) return "object";
        String text = node.isTextual() ? node.textValue() : node.asText();
        if (text.length() > 40) text = text.substring(0, 40) + "...";
        if (node.isTextual()) return "string \"" + text + "\"";
        String kind = node.isIntegralNumber() ? "integer" : node.isNumber() ? "floating point" : node.isBoolean() ? "boolean" : "value";
        return kind + " `" + text + "`";
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isIntegralNumber()) return "an integer";
        if (node.isNumber()) return "a number";
        if (node.isTextual()) return "a string";
        if (node.isBoolean()) return "a boolean";
        if (node.isArray()) return "an array";
        if (node.isObject()) return "an object";
        return "null";
    }
}
