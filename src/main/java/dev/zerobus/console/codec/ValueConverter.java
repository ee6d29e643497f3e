package dev.zerobus.console.codec;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Friendly input -> row values (the {@link ColumnType} convention). Each
 * method returns the value, or {@link #INVALID} after adding a {@link FieldError}. Immutable and thread-safe.
 */
final class ValueConverter {
    /** Marks a value that could not be converted; its error is already recorded. */
    static final Object INVALID = new Object();

    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_TEXT = Pattern.compile("(?:[0-9a-fA-F]{2})*");

    private final CodecOptions options;
    private final TimeValues time;

    ValueConverter(CodecOptions options) {
        this.options = options;
        this.time = new TimeValues(options);
    }

    /** {@code value} is not null. */
    Object convert(ColumnType type, Object value, String path, List<FieldError> errors) {
        return switch (type) {
            case ColumnType.Primitive p -> primitive(p, value, path, errors);
            case ColumnType.VarChar v -> varchar(v, value, path, errors);
            case ColumnType.Decimal d -> decimal(d, value, path, errors);
            case ColumnType.Array a -> array(a, value, path, errors);
            case ColumnType.MapOf m -> map(m, value, path, errors);
            case ColumnType.Struct s -> struct(s, value, path, errors);
            case ColumnType.Unsupported u -> fail(errors, FieldErrors.unsupported(path, u));
        };
    }

    private Object primitive(ColumnType.Primitive type, Object value, String path, List<FieldError> errors) {
        return switch (type.kind()) {
            case BOOLEAN -> bool(type, value, path, errors);
            case BYTE -> narrow(integral(type, value, Byte.MIN_VALUE, Byte.MAX_VALUE, path, errors), Kind.BYTE);
            case SHORT -> narrow(integral(type, value, Short.MIN_VALUE, Short.MAX_VALUE, path, errors), Kind.SHORT);
            case INT -> narrow(integral(type, value, Integer.MIN_VALUE, Integer.MAX_VALUE, path, errors), Kind.INT);
            case LONG -> integral(type, value, Long.MIN_VALUE, Long.MAX_VALUE, path, errors);
            case FLOAT, DOUBLE -> floating(type, value, path, errors);
            case STRING -> value instanceof String ? value : fail(errors, FieldErrors.invalid(path, value, type, "text", options));
            case BINARY -> binary(type, value, path, errors);
            case DATE -> time.date(type, value, path, errors);
            case TIMESTAMP, TIMESTAMP_NTZ -> time.timestamp(type, value, path, errors);
        };
    }

    static Object fail(List<FieldError> errors, FieldError error) {
        errors.add(error);
        return INVALID;
    }

    private Object bool(ColumnType type, Object value, String path, List<FieldError> errors) {
        if (value instanceof Boolean) return value;
        String text = value instanceof String s ? s.strip().toLowerCase(Locale.ROOT)
                : value instanceof Integer || value instanceof Long ? value.toString() : "";
        return switch (text) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> fail(errors, FieldErrors.invalid(path, value, type, "a boolean", options));
        };
    }

    private static Object narrow(Object value, Kind kind) {
        if (value == INVALID) return value;
        long n = (Long) value;
        return switch (kind) {
            case BYTE -> (byte) n;
            case SHORT -> (short) n;
            default -> (int) n;
        };
    }

    /** A whole number within min..max, as a Long; never wrapped or clamped. */
    private Object integral(ColumnType type, Object value, long min, long max, String path, List<FieldError> errors) {
        long n;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            n = ((Number) value).longValue();
        } else if (value instanceof String s) {
            String text = s.strip();
            if (!isIntegerText(text)) return fail(errors, FieldErrors.invalid(path, value, type, "a whole number", options));
            try {
                n = Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                return fail(errors, FieldErrors.outOfRange(path, value, type, min + ".." + max, options));
            }
        } else if (value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            BigDecimal exact = exact((Number) value);
            if (exact == null || exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
                return fail(errors, FieldErrors.invalid(path, value, type, "a whole number", options));
            }
            try {
                n = exact.longValueExact();
            } catch (ArithmeticException tooBig) {
                return fail(errors, FieldErrors.outOfRange(path, value, type, min + ".." + max, options));
            }
        } else {
            return fail(errors, FieldErrors.invalid(path, value, type, "a whole number", options));
        }
        if (n < min || n > max) return fail(errors, FieldErrors.outOfRange(path, value, type, min + ".." + max, options));
        return n;
    }

    /** {@code [+-]?\d+}, without a regex: this runs for every integer cell of a CSV file. */
    static boolean isIntegerText(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (start == text.length()) return false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** The exact decimal value of a number, or null for NaN and infinities. */
    static BigDecimal exact(Number number) {
        return switch (number) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
            case Float f -> f.isNaN() || f.isInfinite() ? null : new BigDecimal(f.toString());
            default -> BigDecimal.valueOf(number.longValue());
        };
    }

    private Object floating(ColumnType.Primitive type, Object value, String path, List<FieldError> errors) {
        boolean isFloat = type.kind() == Kind.FLOAT;
        double d;
        if (value instanceof String s) {
            String text = s.strip();
            switch (text.toLowerCase(Locale.ROOT)) {
                case "nan", "+nan", "-nan" -> d = Double.NaN;
                case "infinity", "+infinity", "inf", "+inf" -> d = Double.POSITIVE_INFINITY;
                case "-infinity", "-inf" -> d = Double.NEGATIVE_INFINITY;
                default -> {
                    // Double.parseDouble would also take "1.5d" and hex floats; accept decimal notation only.
                    if (!DECIMAL_TEXT.matcher(text).matches()) return fail(errors, FieldErrors.invalid(path, value, type, "a number", options));
                    if (isFloat) {
                        float f = Float.parseFloat(text);
                        return Float.isInfinite(f) ? fail(errors, tooLarge(path, value, type)) : (Object) f;
                    }
                    d = Double.parseDouble(text);
                    if (Double.isInfinite(d)) return fail(errors, tooLarge(path, value, type));
                }
            }
        } else if (value instanceof Number number && !(value instanceof BigDecimal) && !(value instanceof BigInteger)) {
            d = number.doubleValue();
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            d = ((Number) value).doubleValue();
            if (Double.isInfinite(d)) return fail(errors, tooLarge(path, value, type));
        } else {
            return fail(errors, FieldErrors.invalid(path, value, type, "a number", options));
        }
        if (!isFloat) return d;
        if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) return fail(errors, tooLarge(path, value, type));
        return (float) d;
    }

    private FieldError tooLarge(String path, Object value, ColumnType type) {
        String max = type.typeText().equals("float") ? "3.4028235E38" : "1.7976931348623157E308";
        return FieldErrors.rule(path, value, type, "is too large for " + type.typeText().toUpperCase(Locale.ROOT)
                + " (largest is about " + max + ")", options);
    }

    private Object varchar(ColumnType.VarChar type, Object value, String path, List<FieldError> errors) {
        if (!(value instanceof String s)) return fail(errors, FieldErrors.invalid(path, value, type, "text", options));
        int length = s.codePointCount(0, s.length());
        if (length > type.maxLength()) {
            return fail(errors, FieldErrors.rule(path, value, type, "has " + length + " characters, VARCHAR(" + type.maxLength()
                    + ") allows " + type.maxLength(), options));
        }
        return s;
    }

    /** Base64 (standard or URL-safe, padding optional) or 0x-hex; {@code 0x} wins when both would read. */
    private Object binary(ColumnType type, Object value, String path, List<FieldError> errors) {
        if (value instanceof byte[]) return value;
        if (!(value instanceof String s)) return fail(errors, FieldErrors.invalid(path, value, type, "base64 or 0x-hex text", options));
        String text = s.strip();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            String hex = text.substring(2);
            if (!HEX_TEXT.matcher(hex).matches()) return fail(errors, FieldErrors.invalid(path, value, type, "valid hex (an even number of 0-9, a-f digits)", options));
            return HexFormat.of().parseHex(hex);
        }
        try {
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException notBase64) {
            return fail(errors, FieldErrors.invalid(path, value, type, "valid base64", options));
        }
    }

    /** Exact: a value needing rounding, or with too many integer digits, is an error. Scale is set to the column's. */
    private Object decimal(ColumnType.Decimal type, Object value, String path, List<FieldError> errors) {
        BigDecimal d = null;
        if (value instanceof String s && DECIMAL_TEXT.matcher(s.strip()).matches()) {
            d = new BigDecimal(s.strip());
        } else if (value instanceof Number n) {
            d = exact(n);
        }
        if (d == null) return fail(errors, FieldErrors.invalid(path, value, type, "a decimal number", options));
        BigDecimal scaled;
        try {
            scaled = d.setScale(type.scale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException needsRounding) {
            int digits = Math.max(d.stripTrailingZeros().scale(), 0);
            return fail(errors, FieldErrors.rule(path, value, type, "has " + digits + " fractional digits, DECIMAL("
                    + type.precision() + "," + type.scale() + ") allows " + type.scale(), options));
        }
        if (scaled.precision() > type.precision()) {
            int whole = scaled.precision() - scaled.scale();
            return fail(errors, FieldErrors.rule(path, value, type, "has " + whole + " digits before the point, DECIMAL("
                    + type.precision() + "," + type.scale() + ") allows " + (type.precision() - type.scale()), options));
        }
        return scaled;
    }

    private Object array(ColumnType.Array type, Object value, String path, List<FieldError> errors) {
        Object input = value instanceof String s ? parseNested(s, type, "a JSON array", path, errors) : value;
        if (input == INVALID) return INVALID;
        if (!(input instanceof List<?> list)) return fail(errors, FieldErrors.invalid(path, value, type, "a JSON array", options));
        List<Object> out = new ArrayList<>(list.size());
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Object element = element(type.element(), list.get(i), type.containsNull(), path + "[" + i + "]", "this array", errors);
            ok &= element != INVALID;
            out.add(element);
        }
        return ok ? out : INVALID;
    }

    private Object map(ColumnType.MapOf type, Object value, String path, List<FieldError> errors) {
        Object input = value instanceof String s ? parseNested(s, type, "a JSON object", path, errors) : value;
        if (input == INVALID) return INVALID;
        if (!(input instanceof Map<?, ?> map)) return fail(errors, FieldErrors.invalid(path, value, type, "a JSON object", options));
        Map<Object, Object> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String entryPath = path + "[\"" + entry.getKey() + "\"]";
            Object key = entry.getKey() == null ? fail(errors, FieldErrors.nullNotAllowed(entryPath, type.key(), "map keys", options))
                    : convert(type.key(), entry.getKey(), entryPath, errors);
            Object val = element(type.value(), entry.getValue(), type.valueContainsNull(), entryPath, "this map's values", errors);
            if (key != INVALID && out.containsKey(key)) {
                key = fail(errors, FieldErrors.rule(entryPath, entry.getKey(), type.key(), "is the same key as an earlier one", options));
            }
            ok &= key != INVALID && val != INVALID;
            out.put(key, val);
        }
        return ok ? out : INVALID;
    }

    private Object struct(ColumnType.Struct type, Object value, String path, List<FieldError> errors) {
        Object input = value instanceof String s ? parseNested(s, type, "a JSON object", path, errors) : value;
        if (input == INVALID) return INVALID;
        if (input instanceof Object[] row && row.length == type.fields().size()) return structFromRow(type, row, path, errors);
        if (!(input instanceof Map<?, ?> map)) return fail(errors, FieldErrors.invalid(path, value, type, "a JSON object", options));
        List<ColumnType.Field> fields = type.fields();
        Object[] out = new Object[fields.size()];
        boolean ok = true;
        for (int i = 0; i < fields.size(); i++) {
            ColumnType.Field field = fields.get(i);
            String fieldPath = path + "." + field.name();
            Object raw = map.get(field.name());
            out[i] = raw == null && !field.nullable() ? fail(errors, FieldErrors.missing(fieldPath, field.type(), map.containsKey(field.name()), options))
                    : raw == null ? null : convert(field.type(), raw, fieldPath, errors);
            ok &= out[i] != INVALID;
        }
        List<String> names = fields.stream().map(ColumnType.Field::name).toList();
        for (Object key : map.keySet()) {
            if (!names.contains(String.valueOf(key))) {
                ok = false;
                errors.add(FieldErrors.unknownField(path + "." + key, String.valueOf(key), names, "struct"));
            }
        }
        return ok ? out : INVALID;
    }

    private Object structFromRow(ColumnType.Struct type, Object[] row, String path, List<FieldError> errors) {
        Object[] out = new Object[row.length];
        boolean ok = true;
        for (int i = 0; i < row.length; i++) {
            ColumnType.Field field = type.fields().get(i);
            out[i] = element(field.type(), row[i], field.nullable(), path + "." + field.name(), "this field", errors);
            ok &= out[i] != INVALID;
        }
        return ok ? out : INVALID;
    }

    private Object element(ColumnType type, Object value, boolean nullable, String path, String container, List<FieldError> errors) {
        if (value != null) return convert(type, value, path, errors);
        return nullable ? null : fail(errors, FieldErrors.nullNotAllowed(path, type, container, options));
    }

    /** A CSV cell or form field holding JSON text for a nested column. */
    private Object parseNested(String text, ColumnType type, String what, String path, List<FieldError> errors) {
        try {
            return JsonInput.parse(text);
        } catch (JsonInput.NotJson e) {
            return fail(errors, FieldErrors.notJson(path, text, type, e.location(), options));
        }
    }
}
