package dev.zerobus.console.codec;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.jspecify.annotations.Nullable;
import java.util.regex.Pattern;

/**
 * DATE -> Integer days since 1970-01-01; TIMESTAMP -> Long micros since the epoch (UTC); TIMESTAMP_NTZ -> Long
 * micros of the wall-clock time read as if UTC. Never truncates: a 7th fractional digit is an error. Thread-safe.
 */
final class TimeValues {
    private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final int MIN_DAY = (int) LocalDate.of(1, 1, 1).toEpochDay();
    private static final int MAX_DAY = (int) LocalDate.of(9999, 12, 31).toEpochDay();

    private final CodecOptions options;

    TimeValues(CodecOptions options) {
        this.options = options;
    }

    Object date(ColumnType type, Object value, String path, List<FieldError> errors) {
        long days;
        if (value instanceof String s && !NUMBER_TEXT.matcher(s.strip()).matches()) {
            try {
                days = LocalDate.parse(s.strip(), DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
            } catch (DateTimeException e) {
                return ValueConverter.fail(errors, FieldErrors.invalid(path, value, type, "a date", options));
            }
        } else if (value instanceof String || value instanceof Number) {
            BigDecimal exact = value instanceof String s ? new BigDecimal(s.strip()) : ValueConverter.exact((Number) value);
            if (exact == null || exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
                return ValueConverter.fail(errors, FieldErrors.invalid(path, value, type, "a whole number of days", options));
            }
            days = exact.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Long.MAX_VALUE
                    : exact.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0 ? Long.MIN_VALUE : exact.longValue();
        } else {
            return ValueConverter.fail(errors, FieldErrors.invalid(path, value, type, "a date", options));
        }
        if (days < MIN_DAY || days > MAX_DAY) {
            return ValueConverter.fail(errors, FieldErrors.rule(path, value, type, "is outside the years 0001..9999", options));
        }
        return (int) days;
    }

    Object timestamp(ColumnType.Primitive type, Object value, String path, List<FieldError> errors) {
        if (value instanceof Long || value instanceof Integer) return epoch(type, value, ((Number) value).longValue(), path, errors);
        if (value instanceof Number number) return epoch(type, value, ValueConverter.exact(number), path, errors);
        if (!(value instanceof String s)) return ValueConverter.fail(errors, FieldErrors.invalid(path, value, type, "a timestamp", options));
        String text = s.strip();
        if (text.length() <= 18 && ValueConverter.isIntegerText(text)) return epoch(type, value, Long.parseLong(text), path, errors);
        if (NUMBER_TEXT.matcher(text).matches()) return epoch(type, value, new BigDecimal(text), path, errors);
        return parse(type, value, text, path, errors);
    }

    /** Present-day epoch numbers (1973..2099) by unit: a number in one of these ranges is most likely in that unit. */
    private static final String[] UNIT_NAMES = {"seconds", "millis", "micros", "nanos"};
    private static final long[] UNIT_MICROS = {1_000_000L, 1_000L, 1L, 0L};

    /**
     * Refuses a bare number whose magnitude says it is in another epoch unit than the one configured (1714566600 read
     * as micros is 1970; 1714566600000000000 read as micros is year 56302), naming both readings.
     */
    private @Nullable Object wrongUnit(ColumnType type, Object value, long n, String path, List<FieldError> errors) {
        int likely = n >= 100_000_000L && n <= 4_100_000_000L ? 0 : n >= 100_000_000_000L && n <= 4_100_000_000_000L ? 1
                : n >= 100_000_000_000_000L && n <= 4_100_000_000_000_000L ? 2 : n >= 100_000_000_000_000_000L ? 3 : -1;
        if (likely < 0 || UNIT_MICROS[likely] == options.epochUnit().micros()) return null;
        String asLikely = likely == 3 ? Instant.EPOCH.plusNanos(n).toString() : Instant.EPOCH.plus(n * UNIT_MICROS[likely], ChronoUnit.MICROS).toString();
        BigDecimal configured = BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(options.epochUnit().micros()));
        String asConfigured = configured.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0 ? "beyond the year 9999"
                : Instant.EPOCH.plus(configured.longValue(), ChronoUnit.MICROS).toString();
        String fix = likely == 3 ? "timestamps hold microseconds: divide by 1000, or write ISO text"
                : "set the epoch unit to " + UNIT_NAMES[likely] + " (--epoch-unit " + new String[] {"s", "ms", "us"}[likely] + ")";
        return ValueConverter.fail(errors, FieldErrors.rule(path, value, type, "looks like epoch " + UNIT_NAMES[likely] + " (" + asLikely
                + ") but bare numbers are read as epoch " + options.epochUnit().label() + " here (" + asConfigured + "): " + fix, options));
    }

    private Object epoch(ColumnType type, Object value, long n, String path, List<FieldError> errors) {
        Object refused = wrongUnit(type, value, n, path, errors);
        if (refused != null) return refused;
        long unit = options.epochUnit().micros();
        long micros = n * unit;
        if (unit == 1 || micros / unit == n) return micros;
        return ValueConverter.fail(errors, FieldErrors.rule(path, value, type, "is too far from 1970 for a timestamp", options));
    }

    /** Epoch number in the configured unit -> micros; a fraction of a microsecond is an error. */
    private Object epoch(ColumnType type, Object value, BigDecimal number, String path, List<FieldError> errors) {
        if (number == null) return ValueConverter.fail(errors, FieldErrors.invalid(path, value, type, "a timestamp", options));
        if (number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            Object refused = wrongUnit(type, value, number.longValue(), path, errors);
            if (refused != null) return refused;
        }
        BigDecimal micros = number.multiply(BigDecimal.valueOf(options.epochUnit().micros()));
        if (micros.signum() != 0 && micros.stripTrailingZeros().scale() > 0) {
            return ValueConverter.fail(errors, FieldErrors.rule(path, value, type, "is more precise than a microsecond (epoch "
                    + options.epochUnit().label() + "); timestamps hold whole microseconds", options));
        }
        try {
            return micros.longValueExact();
        } catch (ArithmeticException tooBig) {
            return ValueConverter.fail(errors, FieldErrors.rule(path, value, type, "is too far from 1970 for a timestamp", options));
        }
    }

    private Object parse(ColumnType.Primitive type, Object value, String text, String path, List<FieldError> errors) {
        boolean ntz = type.kind() == Kind.TIMESTAMP_NTZ;
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        int digits = fractionDigits(iso);
        if (digits > 6) {
            return ValueConverter.fail(errors, FieldErrors.rule(path, value, type, "has " + digits
                    + " fractional second digits; timestamps hold microseconds (at most 6 digits)", options));
        }
        try {
            Long fast = fastParse(iso, ntz);
            if (fast != null) return fast;
            if (iso.length() == 10) {
                LocalDate date = LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE);
                return micros(ntz ? date.atStartOfDay().toInstant(ZoneOffset.UTC) : date.atStartOfDay(options.zone()).toInstant());
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            boolean hasOffset = parsed.isSupported(ChronoField.INSTANT_SECONDS);
            if (ntz && hasOffset) {
                return ValueConverter.fail(errors, FieldErrors.rule(path, value, type, "has a time-zone offset, but TIMESTAMP_NTZ "
                        + "holds wall-clock time without one; drop the offset", options));
            }
            if (hasOffset) return micros(Instant.from(parsed));
            LocalDateTime local = LocalDateTime.from(parsed);
            // A local time in a DST gap moves forward, one in an overlap takes the earlier offset (java.time rules).
            return micros(ntz ? local.toInstant(ZoneOffset.UTC) : local.atZone(options.zone()).toInstant());
        } catch (DateTimeException | ArithmeticException e) {
            return ValueConverter.fail(errors, FieldErrors.invalid(path, value, type, ntz ? "a local date-time" : "a timestamp", options));
        }
    }

    /**
     * The common shapes {@code yyyy-MM-ddTHH:mm[:ss[.ffffff]][Z|+HH:mm|-HH:mm]} without DateTimeFormatter, which
     * costs ~10x more; null for any other shape or an invalid field, and java.time then decides (and words the error).
     */
    private Long fastParse(String iso, boolean ntz) {
        int length = iso.length();
        if (length < 16 || iso.charAt(4) != '-' || iso.charAt(7) != '-' || iso.charAt(10) != 'T' || iso.charAt(13) != ':') return null;
        int year = digits(iso, 0, 4), month = digits(iso, 5, 2), day = digits(iso, 8, 2), hour = digits(iso, 11, 2), minute = digits(iso, 14, 2);
        int second = 0, fraction = 0, pos = 16;
        if (pos < length && iso.charAt(pos) == ':') {
            if (pos + 3 > length || (second = digits(iso, pos + 1, 2)) < 0) return null;
            pos += 3;
            if (pos < length && iso.charAt(pos) == '.') {
                int start = ++pos;
                while (pos < length && pos - start < 6 && iso.charAt(pos) >= '0' && iso.charAt(pos) <= '9') fraction = fraction * 10 + iso.charAt(pos++) - '0';
                if (pos == start) return null;
                for (int i = pos - start; i < 6; i++) fraction *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) return null;
        ZoneOffset offset = null;
        if (pos == length - 1 && iso.charAt(pos) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (pos == length - 6 && (iso.charAt(pos) == '+' || iso.charAt(pos) == '-') && iso.charAt(pos + 3) == ':') {
            int hours = digits(iso, pos + 1, 2), minutes = digits(iso, pos + 4, 2);
            if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) return null;
            int seconds = (hours * 3600 + minutes * 60) * (iso.charAt(pos) == '-' ? -1 : 1);
            offset = ZoneOffset.ofTotalSeconds(seconds);
        } else if (pos != length) {
            return null;
        }
        if (ntz && offset != null) return null;
        LocalDateTime local;
        try {
            local = LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException invalid) {
            return null;
        }
        long epochSecond;
        if (ntz) epochSecond = local.toEpochSecond(ZoneOffset.UTC);
        else if (offset != null) epochSecond = local.toEpochSecond(offset);
        else if (options.zone().getRules().isFixedOffset()) epochSecond = local.toEpochSecond(options.zone().getRules().getOffset(Instant.EPOCH));
        else epochSecond = local.atZone(options.zone()).toEpochSecond();
        return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), fraction);
    }

    /** The non-negative number in {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int n = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + c - '0';
        }
        return n;
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** Digits after the seconds' decimal point (or comma, which ISO-8601 also allows), 0 if none. */
    private static int fractionDigits(String iso) {
        int t = iso.indexOf('T');
        if (t < 0) return 0;
        int point = -1;
        for (int i = t; i < iso.length(); i++) {
            char c = iso.charAt(i);
            if (c == '.' || c == ',') { point = i; break; }
        }
        if (point < 0) return 0;
        int end = point + 1;
        while (end < iso.length() && Character.isDigit(iso.charAt(end))) end++;
        return end - point - 1;
    }
}
