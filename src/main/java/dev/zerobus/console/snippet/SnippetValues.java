package dev.zerobus.console.snippet;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The record a snippet ingests, as a JSON-shaped tree (insertion-ordered {@code Map<String, Object>},
 * {@code List}, String, Long, Double, Boolean, null) that every language renders as its own literal.
 * Wire conventions of Zerobus (https://docs.databricks.com/aws/en/ingestion/zerobus-concepts, "Supported data types"): timestamps int64 epoch micros, dates int32 epoch days,
 * binary as base64 text. Stateless.
 */
final class SnippetValues {
    static final LocalDate SAMPLE_DATE = LocalDate.of(2024, 5, 1);
    static final Instant SAMPLE_INSTANT = Instant.parse("2024-05-01T12:30:00Z");

    private SnippetValues() {}

    /** The caller's sample normalized to the tree, or a generated example value per column. */
    static Map<String, @Nullable Object> record(TableSchema table, @Nullable Map<String, @Nullable Object> sample) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (TableColumn column : table.columns()) {
            if (sample == null) {
                out.put(column.name(), example(column.name(), column.type()));
            } else if (sample.containsKey(column.name())) {
                out.put(column.name(), normalize(column.type(), sample.get(column.name())));
            }
        }
        return out;
    }

    static @Nullable Object example(String name, ColumnType type) {
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> true;
                case BYTE -> 7L;
                case SHORT -> 1234L;
                case INT -> 42L;
                case LONG -> 1234567890123L;
                case FLOAT -> 1.5d;
                case DOUBLE -> 3.14159d;
                case STRING -> name + "-001";
                case BINARY -> Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
                case DATE -> SAMPLE_DATE.toEpochDay();
                case TIMESTAMP, TIMESTAMP_NTZ -> micros(SAMPLE_INSTANT);
            };
            case ColumnType.VarChar v -> truncate(name + "-001", v.maxLength());
            case ColumnType.Decimal d -> BigDecimal.ONE.setScale(d.scale()).toPlainString();
            case ColumnType.Array a -> {
                List<@Nullable Object> list = new ArrayList<>();
                list.add(example(name, a.element()));
                if (!(a.element() instanceof ColumnType.Struct)) list.add(example(name, a.element()));
                yield list;
            }
            case ColumnType.MapOf m -> {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                map.put(String.valueOf(example("key", m.key())), example(name, m.value()));
                yield map;
            }
            case ColumnType.Struct s -> {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                s.fields().forEach(f -> map.put(f.name(), example(f.name(), f.type())));
                yield map;
            }
            case ColumnType.Unsupported u -> null;
        };
    }

    /** A caller's value (row-value convention of {@link ColumnType}, or already JSON-shaped) as a tree value. */
    static @Nullable Object normalize(ColumnType type, @Nullable Object value) {
        if (value == null) return null;
        return switch (value) {
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case LocalDate date -> date.toEpochDay();
            case Instant instant -> micros(instant);
            case LocalDateTime dateTime -> micros(dateTime.toInstant(ZoneOffset.UTC));
            case BigDecimal decimal -> decimal.toPlainString();
            case Float f -> f.doubleValue();
            case Double d -> d;
            case Number n -> n.longValue();
            case Boolean b -> b;
            case Object[] array when type instanceof ColumnType.Struct s -> structFromArray(s, array);
            case Object[] array -> normalizeList(elementOf(type), List.of(array));
            case List<?> list -> normalizeList(elementOf(type), list);
            case Map<?, ?> map -> normalizeMap(type, map);
            default -> value.toString();
        };
    }

    private static Map<String, @Nullable Object> structFromArray(ColumnType.Struct struct, Object[] values) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (int i = 0; i < struct.fields().size() && i < values.length; i++) {
            ColumnType.Field f = struct.fields().get(i);
            out.put(f.name(), normalize(f.type(), values[i]));
        }
        return out;
    }

    private static List<@Nullable Object> normalizeList(ColumnType element, List<?> list) {
        List<@Nullable Object> out = new ArrayList<>();
        list.forEach(v -> out.add(normalize(element, v)));
        return out;
    }

    private static Map<String, @Nullable Object> normalizeMap(ColumnType type, Map<?, ?> map) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            ColumnType valueType = switch (type) {
                case ColumnType.MapOf m -> m.value();
                case ColumnType.Struct s when s.field(key) != null -> s.field(key).type();
                default -> type;
            };
            out.put(key, normalize(valueType, v));
        });
        return out;
    }

    private static ColumnType elementOf(ColumnType type) {
        return type instanceof ColumnType.Array a ? a.element() : type;
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max));
    }

    /** Compact JSON text of a tree value; non-finite numbers become null, as JSON has no literal for them. */
    static String json(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(out, value);
        return out.toString();
    }

    private static void writeJson(StringBuilder out, @Nullable Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> out.append(SnippetText.quoteJson(s));
            case Double d -> out.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
            case Map<?, ?> map -> {
                out.append('{');
                String sep = "";
                for (var e : map.entrySet()) {
                    out.append(sep).append(SnippetText.quoteJson(String.valueOf(e.getKey()))).append(':');
                    writeJson(out, e.getValue());
                    sep = ",";
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) out.append(',');
                    writeJson(out, list.get(i));
                }
                out.append(']');
            }
            default -> out.append(value);
        }
    }
}
