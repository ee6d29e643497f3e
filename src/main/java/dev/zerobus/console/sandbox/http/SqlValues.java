package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.schema.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Row values as the Statement Execution API prints them in {@code JSON_ARRAY}: every value a string (null stays
 * null), timestamps ISO-8601 in UTC with milliseconds, binary as base64, decimals plain, nested values as JSON text.
 * Values follow the Java convention of {@link ColumnType}. Stateless and thread-safe.
 */
final class SqlValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SqlValues() {}

    static String render(Object value, ColumnType type) {
        if (value == null) return null;
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BINARY -> Base64.getEncoder().encodeToString((byte[]) value);
                case DATE -> LocalDate.ofEpochDay(((Number) value).longValue()).toString();
                case TIMESTAMP -> timestamp(((Number) value).longValue()) + "Z";
                case TIMESTAMP_NTZ -> timestamp(((Number) value).longValue());
                default -> value.toString();
            };
            case ColumnType.Decimal d -> ((BigDecimal) value).toPlainString();
            case ColumnType.Array a -> json(value, type).toString();
            case ColumnType.MapOf m -> json(value, type).toString();
            case ColumnType.Struct s -> json(value, type).toString();
            case ColumnType.VarChar v -> value.toString();
            case ColumnType.Unsupported u -> value.toString();
        };
    }

    /** Milliseconds always (as Databricks prints them), microseconds only when there are any. */
    private static String timestamp(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        String text = SECONDS.format(Instant.ofEpochSecond(seconds)) + "." + "%03d".formatted(fraction / 1000);
        return fraction % 1000 == 0 ? text : text + "%03d".formatted(fraction % 1000);
    }

    private static JsonNode json(Object value, ColumnType type) {
        if (value == null) return NODES.nullNode();
        return switch (type) {
            case ColumnType.Array a -> {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (List<?>) value) array.add(json(element, a.element()));
                yield array;
            }
            case ColumnType.MapOf m -> {
                ObjectNode map = NODES.objectNode();
                ((Map<?, ?>) value).forEach((k, v) -> map.set(render(k, m.key()), json(v, m.value())));
                yield map;
            }
            case ColumnType.Struct s -> {
                ObjectNode struct = NODES.objectNode();
                Object[] fields = (Object[]) value;
                for (int i = 0; i < s.fields().size(); i++) struct.set(s.fields().get(i).name(), json(fields[i], s.fields().get(i).type()));
                yield struct;
            }
            case ColumnType.Decimal d -> NODES.numberNode((BigDecimal) value);
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> NODES.booleanNode((Boolean) value);
                case BYTE, SHORT, INT, LONG -> NODES.numberNode(((Number) value).longValue());
                case FLOAT -> Float.isFinite((Float) value) ? NODES.numberNode((Float) value) : NODES.textNode(value.toString());
                case DOUBLE -> Double.isFinite((Double) value) ? NODES.numberNode((Double) value) : NODES.textNode(value.toString());
                default -> NODES.textNode(render(value, type));
            };
            default -> NODES.textNode(render(value, type));
        };
    }

    /** The manifest's {@code type_text}: Spark SQL in upper case, as the warehouse reports it. */
    static String typeText(ColumnType type) {
        return switch (type) {
            case ColumnType.Primitive p -> p.kind().text().toUpperCase(Locale.ROOT);
            case ColumnType.Decimal d -> "DECIMAL(" + d.precision() + "," + d.scale() + ")";
            case ColumnType.VarChar v -> "STRING";
            case ColumnType.Array a -> "ARRAY<" + typeText(a.element()) + ">";
            case ColumnType.MapOf m -> "MAP<" + typeText(m.key()) + ", " + typeText(m.value()) + ">";
            case ColumnType.Struct s -> s.fields().stream()
                    .map(f -> f.name() + ": " + typeText(f.type()) + (f.nullable() ? "" : " NOT NULL"))
                    .collect(Collectors.joining(", ", "STRUCT<", ">"));
            case ColumnType.Unsupported u -> u.typeText().toUpperCase(Locale.ROOT);
        };
    }
}
