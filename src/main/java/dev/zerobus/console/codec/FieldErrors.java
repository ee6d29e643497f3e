package dev.zerobus.console.codec;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ProtoSchema;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Every {@link FieldError} the codec reports is worded here, so the wording stays consistent. */
final class FieldErrors {
    private static final int MAX_VALUE_CHARS = 60;

    private FieldErrors() {}

    static FieldError invalid(String path, Object value, ColumnType type, String what, CodecOptions options) {
        return new FieldError(path, show(value), type.typeText(), show(value) + " is not " + what, hint(type, options));
    }

    static FieldError rule(String path, Object value, ColumnType type, String problem, CodecOptions options) {
        return new FieldError(path, show(value), type.typeText(), show(value) + " " + problem, hint(type, options));
    }

    static FieldError outOfRange(String path, Object value, ColumnType type, String range, CodecOptions options) {
        return rule(path, value, type, "is outside " + type.typeText().toUpperCase(Locale.ROOT) + " range " + range, options);
    }

    static FieldError missing(String path, ColumnType type, boolean present, CodecOptions options) {
        return new FieldError(path, present ? "null" : null, type.typeText(),
                present ? "is null, but the column is NOT NULL" : "is missing, but the column is NOT NULL", hint(type, options));
    }

    static FieldError nullNotAllowed(String path, ColumnType type, String container, CodecOptions options) {
        return new FieldError(path, "null", type.typeText(), "is null, but " + container + " does not allow nulls", hint(type, options));
    }

    static FieldError unknownField(String path, String name, Collection<String> known, String what) {
        String suggestion = Suggestions.closest(name, known);
        String message = "unknown field '" + name + "'; the " + what + " has " + (what.equals("table") ? "columns " : "fields ")
                + String.join(", ", known) + (suggestion == null ? "" : ". Did you mean '" + suggestion + "'?");
        return new FieldError(path, show(name), what.equals("table") ? "a column name" : "a field name", message, "");
    }

    static FieldError unsupported(String path, ColumnType.Unsupported type) {
        return new FieldError(path, null, type.typeText(), "column type '" + type.typeText()
                + "' cannot be ingested: " + type.reason(), "no value (leave it NULL)");
    }

    static FieldError notJson(String path, Object text, ColumnType type, String location, CodecOptions options) {
        return new FieldError(path, show(text), type.typeText(), show(text) + " is not valid JSON (" + location + ")",
                hint(type, options));
    }

    static FieldError notRecord(Object value) {
        return new FieldError("", show(value), "a JSON object", "a record must be a JSON object with one key per column",
                "{\"column\": value, ...}");
    }

    static FieldError notFiniteForJson(String path, Object value, ColumnType type) {
        return new FieldError(path, show(value), type.typeText(), show(value)
                + " cannot go on a JSON stream (JSON has no NaN or Infinity)", "a finite number, or use a PROTO stream");
    }

    static FieldError nullOnProto(String path, ColumnType type, String where) {
        return new FieldError(path, "null", type.typeText(), "is null, but PROTO streams cannot carry nulls " + where,
                "a value, or leave the element out");
    }

    static FieldError notOnProto(ProtoSchema.ColumnProblem problem) {
        return new FieldError(problem.columnPath(), null, problem.typeText(), problem.message(), "a JSON stream or another column type");
    }

    /** The offending value, quoted when it is text, and cut short. */
    static @Nullable String show(@Nullable Object value) {
        String text = switch (value) {
            case null -> "null";
            case String s -> "'" + s + "'";
            case byte[] bytes -> "<" + bytes.length + " bytes>";
            case Object[] array -> Arrays.toString(array);
            case Map<?, ?> map -> map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
            default -> String.valueOf(value);
        };
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }

    /** What a good value looks like, in the words the user would type. */
    static String hint(ColumnType type, CodecOptions options) {
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> "true or false (also 1/0, yes/no)";
                case BYTE -> "a whole number from -128 to 127, like 42";
                case SHORT -> "a whole number from -32768 to 32767, like 42";
                case INT -> "a whole number from -2147483648 to 2147483647, like 42";
                case LONG -> "a whole number from -9223372036854775808 to 9223372036854775807, like 42";
                case FLOAT, DOUBLE -> "a number like 1.5, -2e3, NaN or Infinity";
                case STRING -> "text like 'hello'";
                case BINARY -> "base64 like 'aGVsbG8=', or hex with its marker like hex:68656c6c6f";
                case DATE -> "a date like 2024-05-01, or days since 1970-01-01 like 19844";
                case TIMESTAMP -> "ISO-8601 like 2024-05-01T12:30:00Z, '2024-05-01 12:30:00.123456', or epoch "
                        + options.epochUnit().label() + " like " + options.epochUnit().example();
                case TIMESTAMP_NTZ -> "a local date-time without offset like 2024-05-01T12:30:00.123456 or "
                        + "'2024-05-01 12:30:00', or epoch " + options.epochUnit().label() + " like " + options.epochUnit().example();
            };
            case ColumnType.VarChar v -> "text of at most " + v.maxLength() + " characters";
            case ColumnType.Decimal d -> "a number with at most " + (d.precision() - d.scale()) + " digits before and "
                    + d.scale() + " after the point, like " + sample(d);
            case ColumnType.Array a -> "a JSON array like " + sample(a);
            case ColumnType.MapOf m -> "a JSON object like " + sample(m);
            case ColumnType.Struct s -> "a JSON object like " + sample(s);
            case ColumnType.Unsupported u -> "no value (leave it NULL)";
        };
    }

    /** A JSON literal of the type, for hints of nested types. */
    static String sample(ColumnType type) {
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> "true";
                case BYTE, SHORT, INT, LONG -> "42";
                case FLOAT, DOUBLE -> "1.5";
                case STRING -> "\"text\"";
                case BINARY -> "\"aGVsbG8=\"";
                case DATE -> "\"2024-05-01\"";
                case TIMESTAMP -> "\"2024-05-01T12:30:00Z\"";
                case TIMESTAMP_NTZ -> "\"2024-05-01T12:30:00\"";
            };
            case ColumnType.VarChar v -> "\"text\"";
            case ColumnType.Decimal d -> {
                String whole = d.precision() == d.scale() ? "0" : "123".substring(0, Math.min(3, d.precision() - d.scale()));
                yield d.scale() == 0 ? whole : whole + "." + "4567890123456789012345678901234567890".substring(0, d.scale());
            }
            case ColumnType.Array a -> "[" + sample(a.element()) + "]";
            case ColumnType.MapOf m -> "{" + (m.key() instanceof ColumnType.Primitive p && p.kind() != ColumnType.Kind.STRING
                    ? "\"" + sample(m.key()).replace("\"", "") + "\"" : "\"key\"") + ": " + sample(m.value()) + "}";
            case ColumnType.Struct s -> s.fields().stream().map(f -> "\"" + f.name() + "\": " + sample(f.type()))
                    .collect(Collectors.joining(", ", "{", "}"));
            case ColumnType.Unsupported u -> "null";
        };
    }
}
