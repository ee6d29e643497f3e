package dev.zerobus.console.ui.records.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.ui.UiSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The composer's templates and recently sent records of each table, kept in the settings as JSON strings (records
 * as the user wrote them; never a secret). Preferences values are limited to 8 KB, so history keeps the newest
 * records that fit.
 */
final class TableMemory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VALUE_CHARS = 8_000;
    private static final int MAX_HISTORY = 20;

    private final UiSettings settings;

    TableMemory(UiSettings settings) {
        this.settings = settings;
    }

    Map<String, String> templates(String table) {
        return read("records.templates." + table, new TypeReference<LinkedHashMap<String, String>>() {}, new LinkedHashMap<>());
    }

    void saveTemplate(String table, String name, String json) {
        Map<String, String> all = templates(table);
        all.put(name, json);
        write("records.templates." + table, all);
    }

    List<String> history(String table) {
        return read("records.history." + table, new TypeReference<ArrayList<String>>() {}, new ArrayList<>());
    }

    void remember(String table, String json) {
        List<String> all = history(table);
        all.remove(json);
        all.addFirst(json);
        while (all.size() > MAX_HISTORY || (all.size() > 1 && text(all).length() > MAX_VALUE_CHARS)) all.removeLast();
        if (text(all).length() <= MAX_VALUE_CHARS) write("records.history." + table, all);
    }

    private <T> T read(String key, TypeReference<T> type, T fallback) {
        try {
            return JSON.readValue(settings.get(key, ""), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return fallback; // nothing saved yet, or written by another version: start afresh
        }
    }

    private void write(String key, Object value) {
        String text = text(value);
        if (text.length() <= MAX_VALUE_CHARS) settings.put(key, text);
    }

    private static String text(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and maps always serialise", e);
        }
    }
}
