package dev.zerobus.console.source;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What kind of value a generated column holds, guessed from its name ({@code device_id}, {@code temperature},
 * {@code created_at}) or chosen in the mapping table. Numeric hints carry a realistic range that is then clamped
 * to the column's type. Thread-safe.
 */
public enum ValueHint {
    /** Nothing special: values follow the column type alone. */
    NONE,
    /** 1, 2, 3, ... (the record index + 1). */
    SEQUENCE,
    UUID,
    /** The current time, exactly. */
    NOW,
    /** A time in the last minute, as events arriving now would carry. */
    RECENT_TIME,
    FULL_NAME, FIRST_NAME, LAST_NAME, USERNAME, EMAIL, PHONE,
    CITY, COUNTRY, COUNTRY_CODE, STATE, STREET, ZIP_CODE, COMPANY,
    DEVICE, SENSOR,
    TEMPERATURE(-10, 40, 1), HUMIDITY(0, 100, 1), PRESSURE(950, 1050, 1),
    PRICE(1, 500, 2), QUANTITY(1, 100, 0), AGE(18, 90, 0), PERCENT(0, 100, 2),
    LATITUDE(-90, 90, 6), LONGITUDE(-180, 180, 6),
    URL, IP_ADDRESS, STATUS, LEVEL, TEXT;

    private final double min;
    private final double max;
    private final int decimals;

    ValueHint() { this(Double.NaN, Double.NaN, 0); }

    ValueHint(double min, double max, int decimals) {
        this.min = min;
        this.max = max;
        this.decimals = decimals;
    }

    /** Whether the hint is a number range ({@link #min()}..{@link #max()}). */
    public boolean isNumeric() { return !Double.isNaN(min); }
    public double min() { return min; }
    public double max() { return max; }
    /** Digits after the decimal point that look natural for the quantity. */
    public int decimals() { return decimals; }

    /**
     * The hint for a column name: word match on the name split at underscores, dashes and camel case, so
     * {@code sensorTemp}, {@code temp_c} and {@code temperature} all give {@link #TEMPERATURE}.
     */
    public static ValueHint forColumn(String columnName) {
        String spaced = columnName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        Set<String> words = Set.of(spaced.split("[_\\-\\s.]+"));
        String joined = String.join("", spaced.split("[_\\-\\s.]+"));
        if (words.contains("uuid") || words.contains("guid")) return UUID;
        if (joined.equals("id") || words.contains("seq") || words.contains("sequence") || words.contains("id") && words.size() <= 2 && !words.contains("device") && !words.contains("sensor")) return SEQUENCE;
        if (words.contains("email") || words.contains("mail")) return EMAIL;
        if (joined.equals("firstname") || joined.equals("givenname")) return FIRST_NAME;
        if (joined.equals("lastname") || joined.equals("surname") || joined.equals("familyname")) return LAST_NAME;
        if (words.contains("username") || words.contains("login") || words.contains("user") && !words.contains("id")) return USERNAME;
        if (words.contains("device")) return DEVICE;
        if (words.contains("sensor")) return SENSOR;
        if (words.contains("name") || words.contains("customer") || words.contains("person")) return FULL_NAME;
        if (words.contains("phone") || words.contains("mobile")) return PHONE;
        if (words.contains("city") || words.contains("town")) return CITY;
        if (words.contains("country") && (words.contains("code") || words.contains("iso"))) return COUNTRY_CODE;
        if (words.contains("country")) return COUNTRY;
        if (words.contains("state") || words.contains("region") || words.contains("province")) return STATE;
        if (words.contains("street") || words.contains("address")) return STREET;
        if (words.contains("zip") || words.contains("postcode") || joined.contains("postalcode")) return ZIP_CODE;
        if (words.contains("company") || words.contains("vendor") || words.contains("supplier")) return COMPANY;
        if (words.contains("temp") || words.contains("temperature")) return TEMPERATURE;
        if (words.contains("humidity") || words.contains("hum")) return HUMIDITY;
        if (words.contains("pressure")) return PRESSURE;
        if (words.contains("price") || words.contains("amount") || words.contains("cost") || words.contains("total") || words.contains("revenue")) return PRICE;
        if (words.contains("qty") || words.contains("quantity") || words.contains("count")) return QUANTITY;
        if (words.contains("age")) return AGE;
        if (words.contains("pct") || words.contains("percent") || words.contains("ratio")) return PERCENT;
        if (words.contains("lat") || words.contains("latitude")) return LATITUDE;
        if (words.contains("lon") || words.contains("lng") || words.contains("longitude")) return LONGITUDE;
        if (words.contains("ts") || words.contains("time") || words.contains("timestamp") || words.contains("at")
                || words.contains("date") || words.contains("datetime") || words.contains("when")) return RECENT_TIME;
        if (words.contains("url") || words.contains("link") || words.contains("website")) return URL;
        if (words.contains("ip")) return IP_ADDRESS;
        if (words.contains("status") || words.contains("state")) return STATUS;
        if (words.contains("level") || words.contains("severity")) return LEVEL;
        if (words.contains("description") || words.contains("comment") || words.contains("text") || words.contains("message") || words.contains("note")) return TEXT;
        return NONE;
    }

    /** A hint by its name, case-insensitive ({@code "uuid"}, {@code "now"}, {@code "email"}). */
    public static Optional<ValueHint> named(String name) {
        String normalized = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ValueHint hint : values()) {
            if (hint.name().equals(normalized)) return Optional.of(hint);
        }
        return Optional.empty();
    }
}
