package dev.zerobus.console.source;

import static dev.zerobus.console.source.CsvRecordSourceTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnMappingTest {
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    static final TableSchema READINGS = new TableSchema("main.default.readings", List.of(
            new TableColumn("device_id", ColumnType.of(Kind.STRING), false),
            new TableColumn("temperature", ColumnType.of(Kind.DOUBLE), true),
            new TableColumn("site", ColumnType.of(Kind.STRING), false),
            new TableColumn("reading_id", ColumnType.of(Kind.LONG), false),
            new TableColumn("ingested_at", ColumnType.of(Kind.TIMESTAMP), false),
            new TableColumn("note", ColumnType.of(Kind.STRING), true)));

    @TempDir Path dir;

    @Test
    void matchesFileColumnsIgnoringCaseAndUnderscores() {
        ColumnMapping mapping = ColumnMapping.auto(READINGS, List.of("Device-ID", "TEMPERATURE", "extra"));

        assertThat(mapping.sourceOf("device_id")).isEqualTo(new ColumnMapping.Source.FileColumn("Device-ID"));
        assertThat(mapping.sourceOf("temperature")).isEqualTo(new ColumnMapping.Source.FileColumn("TEMPERATURE"));
        assertThat(mapping.sourceOf("site")).isEqualTo(new ColumnMapping.Source.Skip());
        assertThat(mapping.unmappedFileColumns()).containsExactly("extra");
    }

    @Test
    void listsNotNullColumnsWithoutAValueBeforeTheLoad() {
        ColumnMapping mapping = ColumnMapping.auto(READINGS, List.of("device_id", "temperature"))
                .withConstant("site", null);

        assertThat(mapping.problems()).containsExactly(
                new MappingProblem.NotNullWithoutSource("site"),
                new MappingProblem.NotNullWithoutSource("reading_id"),
                new MappingProblem.NotNullWithoutSource("ingested_at"));
        assertThat(mapping.problems().getFirst().message()).isEqualTo("Column 'site' is NOT NULL but gets no value.");
    }

    @Test
    void anUnmappedNullableColumnIsLeftOutAndAnUnmappedNotNullColumnIsAnError() throws IOException {
        ColumnMapping mapping = ColumnMapping.auto(READINGS, List.of("device_id", "site", "reading_id", "ingested_at"));
        assertThat(mapping.sourceOf("temperature")).isEqualTo(new ColumnMapping.Source.Skip());
        assertThat(mapping.sourceOf("note")).isEqualTo(new ColumnMapping.Source.Skip());
        assertThat(mapping.problems()).as("nullable temperature and note may stay unmapped").isEmpty();
        Path file = Files.writeString(dir.resolve("n.csv"), "device_id,site,reading_id,ingested_at\nd-1,lab,7,2026-05-01T12:00:00Z\n");
        assertThat(mapping.apply(readAll(file, SourceOptions.csv()).getFirst()))
                .containsOnlyKeys("device_id", "site", "reading_id", "ingested_at");

        ColumnMapping withoutSite = ColumnMapping.auto(READINGS, List.of("device_id", "reading_id", "ingested_at"));
        assertThat(withoutSite.problems()).containsExactly(new MappingProblem.NotNullWithoutSource("site"));
        assertThat(withoutSite.problems().getFirst().message()).isEqualTo("Column 'site' is NOT NULL but gets no value.");
    }

    @Test
    void reportsUnmappedAndMissingFileColumnsOnlyWhenAsked() {
        ColumnMapping mapping = ColumnMapping.auto(READINGS, List.of("device_id", "extra"))
                .withConstant("site", "lab-1").withGenerated("reading_id", ValueHint.SEQUENCE)
                .withGenerated("ingested_at", ValueHint.NOW);

        assertThat(mapping.problems()).isEmpty();
        assertThat(mapping.withUnmappedFileColumns(ColumnMapping.UnmappedFileColumns.REJECT).problems())
                .containsExactly(new MappingProblem.UnmappedFileColumn("extra"));
        assertThat(mapping.withFileColumn("note", "nope").problems())
                .containsExactly(new MappingProblem.MissingFileColumn("note", "nope"));
        assertThatThrownBy(() -> mapping.withSkipped("unknown")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsRecordsFromCellsConstantsAndGeneratedValues() throws IOException {
        Path file = Files.writeString(dir.resolve("r.csv"), "Device ID,Temperature,extra\nd-1,21.5,x\nd-2,,y\n");
        List<SourceRow> rows = readAll(file, SourceOptions.csv());
        ColumnMapping mapping = ColumnMapping.auto(READINGS, List.of("Device ID", "Temperature", "extra"), 1,
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .withConstant("site", "lab-1").withGenerated("reading_id", ValueHint.SEQUENCE)
                .withGenerated("ingested_at", ValueHint.NOW);

        List<Map<String, Object>> records = rows.stream().map(mapping::apply).toList();

        long nowMicros = NOW.getEpochSecond() * 1_000_000;
        assertThat(records.get(0)).containsExactly(entry("device_id", "d-1"), entry("temperature", "21.5"),
                entry("site", "lab-1"), entry("reading_id", 1L), entry("ingested_at", nowMicros));
        assertThat(records.get(1)).containsEntry("temperature", null).containsEntry("reading_id", 2L).doesNotContainKey("note");
    }

    @Test
    void keepsJsonValuesAsTheirJavaTypes() throws IOException {
        Path file = Files.writeString(dir.resolve("r.jsonl"), "{\"device_id\":\"d-1\",\"temperature\":21.5,\"note\":[1,2]}\n");
        SourceRow row = readAll(file, SourceOptions.jsonLines()).getFirst();

        Map<String, Object> record = ColumnMapping.auto(READINGS, List.of("device_id", "temperature", "note")).apply(row);

        assertThat(record).containsEntry("temperature", new BigDecimal("21.5")).containsEntry("note", List.of(1L, 2L));
    }
}
