package dev.zerobus.console.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.zerobus.console.codec.JsonInput;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A top-level JSON array of objects, streamed with Jackson's token parser: one element in memory at a time.
 * An element that is not an object is a {@link SourceRow.Failed} and reading goes on; a syntax error cannot be
 * resynchronised inside one document, so it is a fatal {@code Failed} row and the source ends. Not thread-safe.
 */
final class JsonArrayRecordSource extends FileRecordSource {
    private final JsonParser parser;
    private final Set<String> columns = new LinkedHashSet<>();
    private long recordIndex;
    private boolean finished;

    JsonArrayRecordSource(Path path, SourceOptions options) throws IOException {
        super(path, Files.size(path));
        // Jackson detects UTF-8/16/32 and skips a BOM on bytes; other charsets need a Reader.
        parser = options.charset().equals(StandardCharsets.UTF_8)
                ? JsonValues.FACTORY.createParser(in)
                : JsonValues.FACTORY.createParser(new InputStreamReader(in, options.charset()));
        JsonToken first;
        try {
            first = parser.nextToken();
        } catch (JsonProcessingException e) {
            parser.close();
            throw new SourceFormatException("The file is not a JSON array: " + e.getOriginalMessage() + ".",
                    "Check that the file is JSON, or pick its format with --format csv|jsonl|json.", e);
        }
        if (first != JsonToken.START_ARRAY) {
            parser.close();
            throw new SourceFormatException("The file is not a JSON array: it starts with "
                    + (first == JsonToken.START_OBJECT ? "an object ('{')" : first == null ? "nothing (it is empty)" : "'" + parser.getText() + "'")
                    + ", and the JSON array format reads '[ {...}, {...} ]' (it must start with '[').",
                    "For one object per line use JSON Lines (--format jsonl); for a single object wrap it in [ ].");
        }
    }

    @Override public @Nullable SourceRow next() throws IOException {
        if (finished) return null;
        long line = parser.currentLocation().getLineNr();
        try {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                finished = true;
                return null;
            }
            line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                Object value = JsonInput.read(parser);
                return new SourceRow.Failed(line, recordIndex++, "Element " + (recordIndex) + " of the array (line " + line
                        + ") is not a JSON object", JsonValues.write(value), List.of(), false);
            }
            Map<String, Object> values = JsonValues.readRecord(parser);
            columns.addAll(values.keySet());
            return new SourceRow.Fields(line, recordIndex++, Collections.unmodifiableMap(values));
        } catch (JsonProcessingException e) {
            finished = true;
            long errorLine = e.getLocation() != null ? e.getLocation().getLineNr() : line;
            return new SourceRow.Failed(errorLine, recordIndex++, "Line " + errorLine + " is not valid JSON ("
                    + e.getOriginalMessage() + "); the rest of the array cannot be read", "", List.of(), true);
        }
    }

    @Override public List<String> columns() { return List.copyOf(columns); }

    @Override public void close() throws IOException {
        parser.close();
        in.close();
    }
}
