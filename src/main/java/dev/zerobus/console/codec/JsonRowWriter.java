package dev.zerobus.console.codec;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Row values -> the JSON record a Zerobus JSON stream takes: timestamps integer micros, dates integer days,
 * binary standard base64 with padding, DECIMAL an exact number literal, NULL fields left out (top level and
 * in structs; array elements and map values keep a JSON {@code null} since their position matters). NaN and
 * Infinity are errors: JSON has no literal for them. Stateless and thread-safe.
 */
final class JsonRowWriter {
    private JsonRowWriter() {}

    /** Returns the JSON text, or null after adding errors. */
    static String write(List<TableColumn> columns, Object[] row, List<FieldError> errors) {
        StringBuilder out = new StringBuilder(32 + 24 * columns.size());
        out.append('{');
        boolean first = true;
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] == null) continue;
            TableColumn column = columns.get(i);
            first = member(out, first, column.name(), column.type(), row[i], column.name(), errors);
        }
        return errors.isEmpty() ? out.append('}').toString() : null;
    }

    private static void value(StringBuilder out, ColumnType type, Object value, String path, List<FieldError> errors) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Float f when f.isNaN() || f.isInfinite() -> errors.add(FieldErrors.notFiniteForJson(path, f, type));
            case Double d when d.isNaN() || d.isInfinite() -> errors.add(FieldErrors.notFiniteForJson(path, d, type));
            case BigDecimal d -> out.append(d.toPlainString());
            case Number n -> out.append(n); // Float/Double.toString are valid JSON numbers when finite
            case Boolean b -> out.append(b.booleanValue());
            case byte[] bytes -> out.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
            case List<?> list -> {
                ColumnType element = ((ColumnType.Array) type).element();
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) out.append(',');
                    value(out, element, list.get(i), path + "[" + i + "]", errors);
                }
                out.append(']');
            }
            case Map<?, ?> map -> {
                ColumnType valueType = ((ColumnType.MapOf) type).value();
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    first = member(out, first, String.valueOf(entry.getKey()), valueType, entry.getValue(),
                            path + "[\"" + entry.getKey() + "\"]", errors);
                }
                out.append('}');
            }
            case Object[] struct -> {
                List<ColumnType.Field> fields = ((ColumnType.Struct) type).fields();
                out.append('{');
                boolean first = true;
                for (int i = 0; i < fields.size(); i++) {
                    if (struct[i] == null) continue;
                    ColumnType.Field field = fields.get(i);
                    first = member(out, first, field.name(), field.type(), struct[i], path + "." + field.name(), errors);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("not a row value: " + value.getClass().getName() + " at " + path);
        }
    }

    /** One {@code "name":value} of an object (a comma before all but the first); returns false, the next one's {@code first}. */
    private static boolean member(StringBuilder out, boolean first, String name, ColumnType type, Object value, String path,
                                  List<FieldError> errors) {
        if (!first) out.append(',');
        string(out, name);
        out.append(':');
        value(out, type, value, path, errors);
        return false;
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
