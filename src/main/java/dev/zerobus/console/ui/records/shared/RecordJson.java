package dev.zerobus.console.ui.records.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON text <-> the plain values the form edits (numbers kept exact, key order kept). Thread-safe. */
public final class RecordJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RecordJson() {}

    /** Pretty JSON of a record; top-level nulls are left out (a missing column is NULL). */
    public static String write(Map<String, ?> record) {
        Map<String, Object> copy = new LinkedHashMap<>();
        record.forEach((key, value) -> { if (value != null) copy.put(key, value); });
        try {
            return MAPPER.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form values always serialise", e);
        }
    }

    /** The record as a map, or null when the text is not one JSON object (the codec then says why). */
    @SuppressWarnings("unchecked")
    public static @Nullable Map<String, Object> read(String text) {
        try {
            Object value = MAPPER.readValue(text, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The top-level column a codec error path names: {@code c_struct.geo.lat} and {@code c_array[2]} -> their column. */
    public static String columnOf(String path) {
        int end = path.length();
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        if (dot >= 0) end = dot;
        if (bracket >= 0 && bracket < end) end = bracket;
        return path.substring(0, end);
    }
}
