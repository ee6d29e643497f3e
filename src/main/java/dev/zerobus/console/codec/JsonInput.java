package dev.zerobus.console.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
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
 * JSON -> plain Java values: object -> LinkedHashMap, array -> ArrayList, string -> String, integer -> Long
 * (BigInteger beyond int64), fraction or exponent -> BigDecimal (exact, so DECIMAL and BIGINT lose nothing),
 * true/false -> Boolean, null -> null. Thread-safe.
 */
public final class JsonInput {
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
            if (parser.nextToken() == null) throw new NotJson("the text is empty");
            Object value = read(parser);
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

    /**
     * Reads the value at the parser's current token, leaving the parser on the value's last token. The one reader of
     * JSON values: the codec's {@link #parse} and the file sources ({@code source.JsonValues}) both use it.
     */
    public static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) list.add(read(parser));
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(parser, "Unexpected JSON token " + token);
        };
    }

    /** Reads an object whose START_OBJECT is the current token, keys in their order. */
    public static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            map.put(name, read(parser));
        }
        return map;
    }
}
