package dev.zerobus.console.source;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A simple type guessed from a column's values, for the mapping table. */
public enum InferredType {
    /** No non-null value seen. */
    EMPTY, BOOLEAN, INTEGER, DECIMAL, DATE, TIMESTAMP, STRING, ARRAY, OBJECT;

    private static final Pattern INTEGER_TEXT = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

    /** The type of one value: Java types from JSON, or what a CSV cell's text looks like. */
    public static InferredType of(Object value) {
        return switch (value) {
            case null -> EMPTY;
            case Boolean b -> BOOLEAN;
            case Long l -> INTEGER;
            case Integer i -> INTEGER;
            case BigInteger i -> INTEGER;
            case BigDecimal d -> DECIMAL;
            case Number n -> DECIMAL;
            case List<?> l -> ARRAY;
            case Map<?, ?> m -> OBJECT;
            case String s -> ofText(s.strip());
            default -> STRING;
        };
    }

    private static InferredType ofText(String text) {
        if (text.isEmpty()) return EMPTY;
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) return BOOLEAN;
        if (INTEGER_TEXT.matcher(text).matches()) return INTEGER;
        if (DECIMAL_TEXT.matcher(text).matches()) return DECIMAL;
        if (text.length() >= 10 && Character.isDigit(text.charAt(0))) {
            // An ISO date is exactly 10 characters: longer text skips the (throwing) date parse.
            if (text.length() == 10 && parses(() -> LocalDate.parse(text))) return DATE;
            if (text.length() > 10 && parses(() -> OffsetDateTime.parse(text)) || parses(() -> LocalDateTime.parse(text))
                    || parses(() -> LocalDateTime.parse(text, SPACED))) return TIMESTAMP;
        }
        return STRING;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The type that holds both: INTEGER and DECIMAL give DECIMAL, DATE and TIMESTAMP give TIMESTAMP, else STRING. */
    public InferredType widen(InferredType other) {
        if (this == other || other == EMPTY) return this;
        if (this == EMPTY) return other;
        if (isPair(other, INTEGER, DECIMAL)) return DECIMAL;
        if (isPair(other, DATE, TIMESTAMP)) return TIMESTAMP;
        return STRING;
    }

    private boolean isPair(InferredType other, InferredType a, InferredType b) {
        return (this == a && other == b) || (this == b && other == a);
    }
}
