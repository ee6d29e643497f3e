package dev.zerobus.console.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * JSON Lines: one object per line, each parsed on its own, so a bad line is one {@link SourceRow.Failed} and the
 * next line reads normally. Memory is bounded by the longest line, and lines beyond {@link #MAX_LINE_CHARS} are
 * failed rows rather than read whole. Not thread-safe.
 */
final class JsonLinesRecordSource extends FileRecordSource {
    /** Longest line kept: 16 Mi chars, Jackson's own default limit for one string is 20 M. */
    static final int MAX_LINE_CHARS = 16 * 1024 * 1024;
    private final LineReader reader;
    private final Set<String> columns = new LinkedHashSet<>();
    private long lineNumber;
    private long recordIndex;

    JsonLinesRecordSource(Path path, SourceOptions options) throws IOException {
        super(path, Files.size(path));
        reader = new LineReader(new InputStreamReader(in, options.charset()), MAX_LINE_CHARS);
    }

    @Override public @Nullable SourceRow next() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            if (reader.wasTruncated()) {
                String start = line.substring(0, Math.min(200, line.length()));
                return failed(recordIndex++, "Line " + lineNumber + " is longer than " + MAX_LINE_CHARS + " characters", start);
            }
            if (!line.isBlank()) return parse(line);
        }
        return null;
    }

    private SourceRow parse(String line) throws IOException {
        long index = recordIndex++;
        try (JsonParser parser = JsonValues.FACTORY.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return failed(index, "Line " + lineNumber + " is not a JSON object", line);
            }
            Map<String, Object> values = JsonValues.readRecord(parser);
            if (parser.nextToken() != null) {
                return failed(index, "Line " + lineNumber + " has more text after the JSON object", line);
            }
            columns.addAll(values.keySet());
            return new SourceRow.Fields(lineNumber, index, Collections.unmodifiableMap(values));
        } catch (JsonProcessingException e) {
            return failed(index, "Line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage(), line);
        }
    }

    private SourceRow failed(long index, String reason, String line) {
        return new SourceRow.Failed(lineNumber, index, reason, line, List.of(), false);
    }

    @Override public List<String> columns() { return List.copyOf(columns); }

    @Override public void close() throws IOException {
        reader.close();
    }
}
