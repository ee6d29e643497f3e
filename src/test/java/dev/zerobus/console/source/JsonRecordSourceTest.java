package dev.zerobus.console.source;

import static dev.zerobus.console.source.CsvRecordSourceTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRecordSourceTest {
    @TempDir Path dir;

    @Test
    void reportsABadJsonLineWithItsLineNumberAndReadsTheLinesAfterIt() throws IOException {
        Path file = Files.writeString(dir.resolve("events.jsonl"), """
                {"id": 1, "name": "Zoë 🚀"}

                {"id": 2, "name": broken}
                [1, 2]
                {"id": 3, "tags": ["a", "b"], "pos": {"x": 1.5}, "big": 123456789012345678901234567890, "ok": true, "none": null}
                """);

        List<SourceRow> rows = readAll(file, SourceOptions.jsonLines());

        assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(1L, 3L, 4L, 5L);
        assertThat(rows.get(1)).isInstanceOfSatisfying(SourceRow.Failed.class, failed -> {
            assertThat(failed.reason()).startsWith("Line 3 is not valid JSON");
            assertThat(failed.rawText()).isEqualTo("{\"id\": 2, \"name\": broken}");
        });
        assertThat(rows.get(2)).isInstanceOfSatisfying(SourceRow.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo("Line 4 is not a JSON object"));
        Map<String, Object> last = ((SourceRow.Fields) rows.get(3)).values();
        assertThat(last).containsEntry("id", 3L).containsEntry("tags", List.of("a", "b"))
                .containsEntry("pos", Map.of("x", new BigDecimal("1.5")))
                .containsEntry("big", new BigInteger("123456789012345678901234567890"))
                .containsEntry("ok", true).containsEntry("none", null);
        assertThat(((SourceRow.Fields) rows.get(0)).values()).containsEntry("name", "Zoë 🚀");
    }

    @Test
    void failsALineLongerThanTheLimitWithoutHoldingItWhole() throws IOException {
        Path file = dir.resolve("long.jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("{\"id\":1}\r\n{\"s\":\"");
            char[] chunk = new char[1 << 20];
            Arrays.fill(chunk, 'x');
            for (int i = 0; i < 17; i++) out.write(chunk);
            out.write("\"}\n{\"id\":3}");
        }

        List<SourceRow> rows = readAll(file, SourceOptions.jsonLines());

        assertThat(rows).hasSize(3);
        assertThat(((SourceRow.Fields) rows.get(0)).values()).isEqualTo(Map.of("id", 1L));
        assertThat(rows.get(1)).isInstanceOfSatisfying(SourceRow.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("Line 2 is longer than 16777216 characters");
            assertThat(failed.rawText()).hasSize(200);
        });
        assertThat(rows.get(2).lineNumber()).isEqualTo(3);
    }

    @Test
    void streamsAJsonArrayWithTheLineWhereEachObjectStarts() throws IOException {
        Path file = Files.writeString(dir.resolve("rows.json"), """
                [
                  {"id": 1,
                   "name": "a"},
                  {"id": 2, "name": "b"},
                  "not an object",
                  {
                    "id": 3
                  }
                ]
                """);

        List<SourceRow> rows = readAll(file, SourceOptions.jsonArray());

        assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 4L, 5L, 6L);
        assertThat(rows.get(2)).isInstanceOf(SourceRow.Failed.class);
        assertThat(((SourceRow.Fields) rows.get(3)).values()).isEqualTo(Map.of("id", 3L));
        assertThat(((SourceRow.Fields) rows.get(0)).values()).containsEntry("name", "a");
    }

    @Test
    void endsAJsonArrayWithAFatalRowAtASyntaxError() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "[{\"id\": 1},\n{\"id\": oops},\n{\"id\": 3}]");

        List<SourceRow> rows = readAll(file, SourceOptions.jsonArray());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).isInstanceOfSatisfying(SourceRow.Failed.class, failed -> {
            assertThat(failed.lineNumber()).isEqualTo(2);
            assertThat(failed.isFatal()).isTrue();
        });
    }

    @Test
    void refusesAFileThatIsNotAJsonArray() throws IOException {
        Path file = Files.writeString(dir.resolve("object.json"), "{\"id\": 1}");

        assertThatThrownBy(() -> RecordSource.open(file, SourceOptions.jsonArray()))
                .isInstanceOf(IOException.class).hasMessageContaining("must start with '['");
    }

    @Test
    void detectsTheFormatFromExtensionAndContent() throws IOException {
        Path array = Files.writeString(dir.resolve("a.json"), "\uFEFF  [ {} ]");
        Path lines = Files.writeString(dir.resolve("b.json"), "{\"a\":1}\n");
        Path csv = Files.writeString(dir.resolve("c.txt"), "a,b\n");
        Path jsonl = Files.writeString(dir.resolve("d.ndjson"), "");

        assertThat(SourceFormat.detect(array)).isEqualTo(SourceFormat.JSON_ARRAY);
        assertThat(SourceFormat.detect(lines)).isEqualTo(SourceFormat.JSON_LINES);
        assertThat(SourceFormat.detect(csv)).isEqualTo(SourceFormat.CSV);
        assertThat(SourceFormat.detect(jsonl)).isEqualTo(SourceFormat.JSON_LINES);
    }

    @Test
    void collectsJsonColumnsInOrderOfFirstAppearance() throws IOException {
        Path file = Files.writeString(dir.resolve("cols.jsonl"), "{\"b\":1,\"a\":2}\n{\"c\":3,\"a\":4}\n");

        try (RecordSource source = RecordSource.open(file, SourceOptions.jsonLines())) {
            source.next();
            source.next();
            assertThat(source.columns()).containsExactly("b", "a", "c");
        }
    }
}
