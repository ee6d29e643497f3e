package dev.zerobus.console.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text -> plain Java values: LinkedHashMap, ArrayList, String, Boolean, Integer/Long/BigInteger for integers,
 * BigDecimal for other numbers (exact, so DECIMAL and BIGINT lose nothing), null. Thread-safe.
 */
final class JsonInput {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonInput() {}

    /** Thrown for text that is not one JSON value; {@link #location()} says where, in plain words. */
    static final class NotJson extends Exception {
        private final String location;

        NotJson(String location) {
            super(location, null, false, false);
            this.location = location;
        }

        String location() { return location; }
    }

    static Object parse(String text) throws NotJson {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) throw new NotJson("the text is empty");
            Object value = read(parser, first);
            if (parser.nextToken() != null) throw new NotJson(where(parser.currentTokenLocation()) + ": extra text after the value");
            return value;
        } catch (JsonProcessingException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("Duplicate field") ? ": a key appears twice" : "";
            throw new NotJson(where(e.getLocation()) + reason);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail with I/O
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "unreadable" : "problem at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, read(parser, parser.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonProcessingException("unexpected token " + token, parser.currentTokenLocation()) {};
        };
    }
}
