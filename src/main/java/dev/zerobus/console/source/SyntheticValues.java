package dev.zerobus.console.source;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;
import org.jspecify.annotations.Nullable;

/**
 * Makes one value for a column type and hint, from one seeded {@link Random} (so a seed replays the same values)
 * and a {@link Clock} for times. The value forms are what the record codec takes as friendly input; see
 * {@link SyntheticRecords}. Not thread-safe.
 */
final class SyntheticValues {
    private static final int MAX_COLLECTION_SIZE = 3;
    private final Random random;
    private final Clock clock;
    private final SyntheticRecords.TimeValues timeValues;
    private @Nullable Faker faker;

    SyntheticValues(long seed, Clock clock, SyntheticRecords.TimeValues timeValues) {
        this.random = new Random(seed);
        this.clock = clock;
        this.timeValues = timeValues;
    }

    @Nullable Object value(ColumnType type, ValueHint hint, long index) {
        return switch (type) {
            case ColumnType.Primitive p -> primitive(p.kind(), hint, index);
            case ColumnType.VarChar v -> truncate(text(hint, index), v.maxLength());
            case ColumnType.Decimal d -> decimal(d, hint);
            case ColumnType.Array a -> {
                List<Object> list = new ArrayList<>();
                int size = 1 + random.nextInt(MAX_COLLECTION_SIZE);
                for (int i = 0; i < size; i++) list.add(value(a.element(), ValueHint.NONE, i));
                yield list;
            }
            case ColumnType.MapOf m -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                int size = 1 + random.nextInt(MAX_COLLECTION_SIZE);
                for (int i = 0; i < size; i++) {
                    map.putIfAbsent(value(m.key(), ValueHint.SEQUENCE, i), value(m.value(), ValueHint.NONE, i));
                }
                yield map;
            }
            case ColumnType.Struct s -> {
                Map<String, Object> struct = new LinkedHashMap<>();
                for (ColumnType.Field field : s.fields()) {
                    struct.put(field.name(), value(field.type(), ValueHint.forColumn(field.name()), index));
                }
                yield struct;
            }
            case ColumnType.Unsupported u -> null;
        };
    }

    private Object primitive(Kind kind, ValueHint hint, long index) {
        return switch (kind) {
            case BOOLEAN -> random.nextBoolean();
            case BYTE -> (byte) integral(hint, index, Byte.MIN_VALUE, Byte.MAX_VALUE, 100);
            case SHORT -> (short) integral(hint, index, Short.MIN_VALUE, Short.MAX_VALUE, 10_000);
            case INT -> (int) integral(hint, index, Integer.MIN_VALUE, Integer.MAX_VALUE, 1_000_000);
            case LONG -> integral(hint, index, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000_000L);
            case FLOAT -> (float) fractional(hint);
            case DOUBLE -> fractional(hint);
            case STRING -> text(hint, index);
            case BINARY -> {
                byte[] bytes = new byte[8 + random.nextInt(9)];
                String base64;
                do {
                    random.nextBytes(bytes);
                    base64 = Base64.getEncoder().encodeToString(bytes);
                } while (base64.startsWith("0x") || base64.startsWith("0X")); // could read as hex: the codec refuses those
                yield base64;
            }
            case DATE -> {
                LocalDate date = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(random.nextInt(365));
                yield timeValues == SyntheticRecords.TimeValues.EPOCH_NUMBERS ? (Object) (int) date.toEpochDay() : date.toString();
            }
            case TIMESTAMP -> {
                Instant at = time(hint);
                yield timeValues == SyntheticRecords.TimeValues.EPOCH_NUMBERS ? (Object) micros(at) : at.toString();
            }
            case TIMESTAMP_NTZ -> {
                Instant at = time(hint);
                yield timeValues == SyntheticRecords.TimeValues.EPOCH_NUMBERS ? (Object) micros(at)
                        : at.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
            }
        };
    }

    /** Hinted values clamped to [min, max]; without a hint, 0..typical. Times in an integer column are epoch units. */
    private long integral(ValueHint hint, long index, long min, long max, long typical) {
        long value = switch (hint) {
            case SEQUENCE -> max < Long.MAX_VALUE ? index % max + 1 : index + 1;
            case NOW, RECENT_TIME -> max == Long.MAX_VALUE ? time(hint).toEpochMilli() : time(hint).getEpochSecond();
            case DEVICE, SENSOR -> 1 + random.nextInt(50);
            default -> hint.isNumeric() ? Math.round(hinted(hint)) : (long) (random.nextDouble() * typical);
        };
        return Math.max(min, Math.min(max, value));
    }

    private double fractional(ValueHint hint) {
        double value = hint.isNumeric() ? hinted(hint) : random.nextDouble() * 1000;
        return BigDecimal.valueOf(value).setScale(hint.isNumeric() ? hint.decimals() : 3, RoundingMode.HALF_UP).doubleValue();
    }

    private double hinted(ValueHint hint) {
        return hint.min() + random.nextDouble() * (hint.max() - hint.min());
    }

    private BigDecimal decimal(ColumnType.Decimal type, ValueHint hint) {
        BigDecimal limit = BigDecimal.TEN.pow(type.precision() - type.scale()).subtract(BigDecimal.ONE.movePointLeft(type.scale()));
        double raw = hint.isNumeric() ? hinted(hint) : random.nextDouble() * 10_000;
        BigDecimal value = BigDecimal.valueOf(raw).setScale(type.scale(), RoundingMode.HALF_UP);
        return value.abs().compareTo(limit) > 0 ? limit.multiply(BigDecimal.valueOf(value.signum())) : value;
    }

    private Instant time(ValueHint hint) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return hint == ValueHint.NOW ? now : now.minusMillis(random.nextInt(60_000));
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
    }

    private String text(ValueHint hint, long index) {
        return switch (hint) {
            case NONE, SEQUENCE -> hint == ValueHint.SEQUENCE ? Long.toString(index + 1) : faker().lorem().word() + "-" + (index + 1);
            case UUID -> new java.util.UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
            case NOW, RECENT_TIME -> time(hint).toString();
            case FULL_NAME -> faker().name().fullName();
            case FIRST_NAME -> faker().name().firstName();
            case LAST_NAME -> faker().name().lastName();
            case USERNAME -> faker().credentials().username();
            case EMAIL -> faker().internet().emailAddress();
            case PHONE -> faker().phoneNumber().cellPhone();
            case CITY -> faker().address().city();
            case COUNTRY -> faker().address().country();
            case COUNTRY_CODE -> faker().address().countryCode();
            case STATE -> faker().address().state();
            case STREET -> faker().address().streetAddress();
            case ZIP_CODE -> faker().address().zipCode();
            case COMPANY -> faker().company().name();
            case DEVICE -> String.format(Locale.ROOT, "device-%03d", 1 + random.nextInt(50));
            case SENSOR -> String.format(Locale.ROOT, "sensor-%03d", 1 + random.nextInt(50));
            case URL -> faker().internet().url();
            case IP_ADDRESS -> faker().internet().ipV4Address();
            case STATUS -> List.of("active", "inactive", "pending", "failed").get(random.nextInt(4));
            case LEVEL -> List.of("DEBUG", "INFO", "WARN", "ERROR").get(random.nextInt(4));
            case TEXT -> faker().lorem().sentence();
            case TEMPERATURE, HUMIDITY, PRESSURE, PRICE, QUANTITY, AGE, PERCENT, LATITUDE, LONGITUDE ->
                    BigDecimal.valueOf(hinted(hint)).setScale(hint.decimals(), RoundingMode.HALF_UP).toPlainString();
        };
    }

    private static String truncate(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength);
    }

    /** Datafaker loads its YAML on first use (~100s of ms), so only hinted text columns pay for it. */
    private Faker faker() {
        if (faker == null) faker = new Faker(Locale.ENGLISH, random);
        return faker;
    }
}
