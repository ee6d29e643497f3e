package dev.zerobus.console.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.codec.JsonInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The file sources' JSON: one parser factory, records read with the codec's {@link JsonInput}, values written back. */
final class JsonValues {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory FACTORY = MAPPER.getFactory();

    private JsonValues() {}

    /** Reads a top-level record object, dropping the {@code _error*} keys of a failed-rows file. */
    static Map<String, Object> readRecord(JsonParser parser) throws IOException {
        Map<String, Object> map = JsonInput.readObject(parser);
        map.keySet().removeAll(RecordSource.ERROR_COLUMNS);
        return map;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
