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
            if (!first) out.append(',');
            first = false;
            TableColumn column = columns.get(i);
            string(out, column.name());
            out.append(':');
            value(out, column.type(), row[i], column.name(), errors);
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
                    if (!first) out.append(',');
                    first = false;
                    string(out, String.valueOf(entry.getKey()));
                    out.append(':');
                    value(out, valueType, entry.getValue(), path + "[\"" + entry.getKey() + "\"]", errors);
                }
                out.append('}');
            }
            case Object[] struct -> {
                List<ColumnType.Field> fields = ((ColumnType.Struct) type).fields();
                out.append('{');
                boolean first = true;
                for (int i = 0; i < fields.size(); i++) {
                    if (struct[i] == null) continue;
                    if (!first) out.append(',');
                    first = false;
                    string(out, fields.get(i).name());
                    out.append(':');
                    value(out, fields.get(i).type(), struct[i], path + "." + fields.get(i).name(), errors);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException("not a row value: " + value.getClass().getName() + " at " + path);
        }
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
