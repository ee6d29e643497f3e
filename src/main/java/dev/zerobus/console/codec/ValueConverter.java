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
import org.jspecify.annotations.Nullable;

/**
 * Friendly input -> row values (the {@link ColumnType} convention). Each
 * method returns the value, or {@link #INVALID} after adding a {@link FieldError}. Immutable and thread-safe.
 */
final class ValueConverter {
    /** Marks a value that could not be converted; its error is already recorded. */
    static final Object INVALID = new Object();

    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX_TEXT = Pattern.compile("(?:[0-9a-fA-F]{2})*");
    private static final String HEX_MARKER = "hex:";
    private static final String BASE64_MARKER = "base64:";

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

    /**
     * A whole number within min..max, as a Long; never wrapped or clamped. Text and JSON numbers follow one rule: a
     * value in decimal or exponent notation is taken when it is exactly whole ({@code 1e3}, {@code 42.0}), so a CSV
     * cell and a JSON number of the same value agree; {@code 1.5} and {@code 1e-3} are refused.
     */
    private Object integral(ColumnType type, Object value, long min, long max, String path, List<FieldError> errors) {
        long n;
        Object number = value;
        if (value instanceof String s && !isIntegerText(s.strip()) && DECIMAL_TEXT.matcher(s.strip()).matches()) {
            number = new BigDecimal(s.strip());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            n = ((Number) value).longValue();
        } else if (number instanceof String s) {
            String text = s.strip();
            if (!isIntegerText(text)) return fail(errors, FieldErrors.invalid(path, value, type, "a whole number", options));
            try {
                n = Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                return fail(errors, FieldErrors.outOfRange(path, value, type, min + ".." + max, options));
            }
        } else if (number instanceof BigInteger || number instanceof BigDecimal || number instanceof Double || number instanceof Float) {
            BigDecimal exact = exact((Number) number);
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

    /**
     * A FLOAT or DOUBLE. Values that do not fit are refused, never stored as something else: past the largest finite
     * value (it would become Infinity) and non-zero values so close to 0 that they would be stored as 0 (underflow).
     * NaN and Infinity are taken only when written as such.
     */
    private Object floating(ColumnType.Primitive type, Object value, String path, List<FieldError> errors) {
        boolean isFloat = type.kind() == Kind.FLOAT;
        double d;
        BigDecimal exact = null; // the value as written, when it was text or a JSON decimal
        if (value instanceof String s) {
            String text = s.strip();
            switch (text.toLowerCase(Locale.ROOT)) {
                case "nan", "+nan", "-nan" -> { return isFloat ? (Object) Float.NaN : Double.NaN; }
                case "infinity", "+infinity", "inf", "+inf" -> { return isFloat ? (Object) Float.POSITIVE_INFINITY : Double.POSITIVE_INFINITY; }
                case "-infinity", "-inf" -> { return isFloat ? (Object) Float.NEGATIVE_INFINITY : Double.NEGATIVE_INFINITY; }
                default -> {
                    // Double.parseDouble would also take "1.5d" and hex floats; accept decimal notation only.
                    if (!DECIMAL_TEXT.matcher(text).matches()) return fail(errors, FieldErrors.invalid(path, value, type, "a number", options));
                    if (isFloat) {
                        float f = Float.parseFloat(text);
                        if (Float.isInfinite(f)) return fail(errors, tooLarge(path, value, type));
                        if (f == 0 && new BigDecimal(text).signum() != 0) return fail(errors, tooSmall(path, value, type));
                        return f;
                    }
                    d = Double.parseDouble(text);
                    if (d == 0) exact = new BigDecimal(text);
                }
            }
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            exact = exact((Number) value);
            if (isFloat) {
                float f = exact.floatValue();
                if (Float.isInfinite(f)) return fail(errors, tooLarge(path, value, type));
                if (f == 0 && exact.signum() != 0) return fail(errors, tooSmall(path, value, type));
                return f;
            }
            d = exact.doubleValue();
        } else if (value instanceof Number number) {
            d = number.doubleValue();
            if (!isFloat) return d;
            if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) return fail(errors, tooLarge(path, value, type));
            if ((float) d == 0 && d != 0) return fail(errors, tooSmall(path, value, type));
            return (float) d;
        } else {
            return fail(errors, FieldErrors.invalid(path, value, type, "a number", options));
        }
        if (Double.isInfinite(d)) return fail(errors, tooLarge(path, value, type));
        if (d == 0 && exact != null && exact.signum() != 0) return fail(errors, tooSmall(path, value, type));
        return d;
    }

    private FieldError tooLarge(String path, Object value, ColumnType type) {
        String max = type.typeText().equals("float") ? "3.4028235E38" : "1.7976931348623157E308";
        return FieldErrors.rule(path, value, type, "is too large for " + type.typeText().toUpperCase(Locale.ROOT)
                + " (largest is about " + max + ")", options);
    }

    private FieldError tooSmall(String path, Object value, ColumnType type) {
        boolean isFloat = type.typeText().equals("float");
        return FieldErrors.rule(path, value, type, "is too close to 0 for " + type.typeText().toUpperCase(Locale.ROOT)
                + ": it would be stored as 0 (" + type.typeText().toUpperCase(Locale.ROOT) + " holds 0 and magnitudes from about "
                + (isFloat ? "1.4E-45 to 3.4028235E38" : "4.9E-324 to 1.7976931348623157E308") + ")", options);
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

    /**
     * Base64, standard or URL-safe, padding optional: the JSON form of bytes in protobuf's JSON mapping
     * (https://protobuf.dev/programming-guides/json/, "bytes: base64 string ... Either standard or URL-safe base64
     * encoding with/without paddings are accepted"), which is what the console sends for BINARY on JSON streams;
     * Zerobus documents no other form. Hex only with the marker the user writes on purpose, {@code hex:68656c6c6f}
     * ({@code base64:} forces base64). A {@code 0x...} value that also reads as base64 is refused with both readings:
     * taking either one would silently store other bytes than meant (the stricter reading; the docs are silent).
     */
    private Object binary(ColumnType type, Object value, String path, List<FieldError> errors) {
        if (value instanceof byte[]) return value;
        if (!(value instanceof String s)) return fail(errors, FieldErrors.invalid(path, value, type, "base64 text (or hex:...)", options));
        String text = s.strip();
        if (text.regionMatches(true, 0, HEX_MARKER, 0, HEX_MARKER.length())) {
            String hex = text.substring(HEX_MARKER.length());
            if (!HEX_TEXT.matcher(hex).matches()) return fail(errors, FieldErrors.invalid(path, value, type, "valid hex (an even number of 0-9, a-f digits after hex:)", options));
            return HexFormat.of().parseHex(hex);
        }
        boolean forced = text.regionMatches(true, 0, BASE64_MARKER, 0, BASE64_MARKER.length());
        String base64Text = forced ? text.substring(BASE64_MARKER.length()) : text;
        byte[] base64 = base64(base64Text);
        boolean looksHex = !forced && (text.startsWith("0x") || text.startsWith("0X")) && text.length() > 2
                && HEX_TEXT.matcher(text.substring(2)).matches();
        if (looksHex && base64 != null) {
            byte[] hex = HexFormat.of().parseHex(text.substring(2));
            return fail(errors, FieldErrors.rule(path, value, type, "reads two ways: as base64 (BINARY's form) it is " + bytes(base64)
                    + ", as hex " + bytes(hex) + "; write hex:" + text.substring(2) + " for the hex bytes, or base64:" + text
                    + " for the base64 ones", options));
        }
        if (looksHex) {
            return fail(errors, FieldErrors.rule(path, value, type, "is hex, but BINARY text is base64; write hex:" + text.substring(2)
                    + " to give hex", options));
        }
        if (base64 == null) return fail(errors, FieldErrors.invalid(path, value, type, "valid base64", options));
        return base64;
    }

    private static byte @Nullable [] base64(String text) {
        try {
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** "4 bytes de ad be ef", cut after 8 bytes. */
    private static String bytes(byte[] bytes) {
        String shown = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 8));
        return bytes.length + (bytes.length == 1 ? " byte " : " bytes ") + shown + (bytes.length > 8 ? " …" : "");
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
