package dev.zerobus.console.source;

import static dev.zerobus.console.source.CsvRecordSourceTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailedRowsWriterTest {
    @TempDir Path dir;

    @Test
    void writesFailedCsvRowsThatReadBackWithTheSameValuesAndNoErrorColumns() throws IOException {
        Path source = Files.writeString(dir.resolve("orders.csv"), "id;note;qty\n1;\"a;b\nc\";\n2;ok;300\n3;short\n");
        SourceOptions options = SourceOptions.csv().withDelimiter(';');
        List<SourceRow> rows = readAll(source, options);
        Path target = FailedRowsWriter.defaultTarget(source, SourceFormat.CSV);

        SourceOptions readBack;
        try (FailedRowsWriter writer = FailedRowsWriter.create(target, options, List.of("id", "note", "qty"))) {
            writer.write(rows.get(0), "qty: missing value");
            writer.write(rows.get(1), "qty: 300 is outside TINYINT range -128..127");
            writer.write(rows.get(2), ((SourceRow.Failed) rows.get(2)).reason());
            readBack = writer.readOptions();
            assertThat(writer.count()).isEqualTo(3);
        }

        assertThat(target.getFileName().toString()).isEqualTo("orders.failed.csv");
        assertThat(Files.readString(target).replace("\r\n", "\n")).startsWith("id;note;qty;_error_line;_error\n")
                .contains("\n3;short;;5;Line 5 has 2 cells, the header has 3\n");
        try (RecordSource again = RecordSource.open(target, readBack)) {
            assertThat(again.columns()).containsExactly("id", "note", "qty");
        }
        List<SourceRow> retried = readAll(target, readBack);
        assertThat(((SourceRow.Cells) retried.get(0)).values()).isEqualTo(((SourceRow.Cells) rows.get(0)).values());
        assertThat(((SourceRow.Cells) retried.get(1)).values()).isEqualTo(((SourceRow.Cells) rows.get(1)).values());
        assertThat(((SourceRow.Cells) retried.get(2)).values()).containsExactly("3", "short", null);
    }

    @Test
    void writesFailedJsonRowsAsJsonLinesThatReadBackWithoutErrorKeys() throws IOException {
        Path source = Files.writeString(dir.resolve("events.json"), "[{\"id\": 1, \"tags\": [\"x\"], \"v\": 2.50},\n {\"id\": 2}]");
        List<SourceRow> rows = readAll(source, SourceOptions.jsonArray());
        Path target = FailedRowsWriter.defaultTarget(source, SourceFormat.JSON_ARRAY);

        try (FailedRowsWriter writer = FailedRowsWriter.create(target, SourceOptions.jsonArray(), List.of())) {
            writer.write(rows.get(0), "v: too many digits");
            writer.write(new SourceRow.Failed(7, 5, "Line 7 is not valid JSON", "{oops", List.of(), false), "Line 7 is not valid JSON");
        }

        assertThat(target.getFileName().toString()).isEqualTo("events.failed.jsonl");
        assertThat(Files.readAllLines(target)).containsExactly(
                "{\"id\":1,\"tags\":[\"x\"],\"v\":2.50,\"_error_line\":1,\"_error\":\"v: too many digits\"}",
                "{\"_error_raw\":\"{oops\",\"_error_line\":7,\"_error\":\"Line 7 is not valid JSON\"}");
        List<SourceRow> retried = readAll(target, SourceOptions.detect(target));
        assertThat(((SourceRow.Fields) retried.get(0)).values()).isEqualTo(((SourceRow.Fields) rows.get(0)).values());
        assertThat(((SourceRow.Fields) retried.get(1)).values()).isEmpty();
    }

    @Test
    void stopsAccordingToThePolicy() {
        assertThat(ErrorPolicy.stopAtFirst().shouldStop(1)).isTrue();
        assertThat(ErrorPolicy.skip().shouldStop(1_000_000)).isFalse();
        assertThat(ErrorPolicy.stopAfter(3).shouldStop(2)).isFalse();
        assertThat(ErrorPolicy.stopAfter(3).shouldStop(3)).isTrue();
    }
}
