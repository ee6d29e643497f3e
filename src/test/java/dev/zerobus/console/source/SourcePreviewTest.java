package dev.zerobus.console.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcePreviewTest {
    @TempDir Path dir;

    @Test
    void showsTheFirstRowsColumnsAndGuessedTypesOfACsv() throws IOException {
        StringBuilder csv = new StringBuilder("id,price,active,day,ts,name,blank\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append(i).append(',').append(i % 2 == 0 ? "12" : "12.50").append(",true,2024-05-0").append(1 + i % 9)
                    .append(',').append(i % 2 == 0 ? "2024-05-01T12:00:00Z" : "2024-05-01 12:00:00").append(",n").append(i).append(",\n");
        }
        Path file = Files.writeString(dir.resolve("data.csv"), csv);

        SourcePreview preview = SourcePreview.read(file, SourceOptions.detect(file), 20);

        assertThat(preview.rows()).hasSize(20);
        assertThat(preview.endOfFile()).isFalse();
        assertThat(preview.columns()).containsExactly("id", "price", "active", "day", "ts", "name", "blank");
        assertThat(preview.types()).containsExactly(entry("id", InferredType.INTEGER), entry("price", InferredType.DECIMAL),
                entry("active", InferredType.BOOLEAN), entry("day", InferredType.DATE), entry("ts", InferredType.TIMESTAMP),
                entry("name", InferredType.STRING), entry("blank", InferredType.EMPTY));
    }

    @Test
    void guessesTypesOfJsonValuesAcrossThePreviewRows() throws IOException {
        Path file = Files.writeString(dir.resolve("e.jsonl"),
                "{\"id\":1,\"v\":2,\"tags\":[\"a\"]}\n{\"id\":2,\"v\":2.5,\"pos\":{\"x\":1},\"when\":\"2024-05-01\"}\n");

        SourcePreview preview = SourcePreview.read(file, SourceOptions.detect(file), 10);

        assertThat(preview.endOfFile()).isTrue();
        assertThat(preview.columns()).containsExactly("id", "v", "tags", "pos", "when");
        assertThat(preview.types()).containsExactly(entry("id", InferredType.INTEGER), entry("v", InferredType.DECIMAL),
                entry("tags", InferredType.ARRAY), entry("pos", InferredType.OBJECT), entry("when", InferredType.DATE));
    }
}
