package dev.zerobus.console.ui.records.fileimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.SourceRow;
import dev.zerobus.console.ui.records.shared.RecordJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class MappingCheckTest {
    private static final TableSchema SCHEMA = new TableSchema("main.default.readings", List.of(
            new TableColumn("device_name", ColumnType.of(Kind.STRING), false),
            new TableColumn("temp", ColumnType.of(Kind.INT), true),
            new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true)));
    private static final List<String> FILE_COLUMNS = List.of("device_name", "temp", "ts");
    private static final List<SourceRow> ROWS = List.of(
            new SourceRow.Cells(2, 0, List.of("probe-1", "21", "2024-05-01T12:30:00Z"), ','),
            new SourceRow.Cells(3, 1, List.of("probe-2", "warm", "2024-05-01T12:31:00Z"), ','));

    private static List<MappingRow> rows() {
        ColumnMapping auto = ColumnMapping.auto(SCHEMA, FILE_COLUMNS);
        return SCHEMA.columns().stream().map(c -> {
            var row = new MappingRow(c);
            row.sourceProperty().set(MappingCheck.choiceOf(auto.sourceOf(c.name())));
            return row;
        }).toList();
    }

    @Test
    void showsEachColumnsFirstValueAsSentAndTheFirstBadLine() {
        List<MappingRow> rows = rows();
        String problems = new MappingCheck().check(SCHEMA, FILE_COLUMNS, ROWS, rows, CodecOptions.forCsv());

        assertThat(problems).isEmpty();
        assertThat(rows.get(1).previewProperty().get()).isEqualTo("21");
        assertThat(rows.get(1).problemProperty().get()).startsWith("Line 3: temp: 'warm'");
        assertThat(rows.get(2).previewProperty().get()).isEqualTo("1714566600000000");
        assertThat(rows.get(2).problemProperty().get()).isEmpty();
    }

    @Test
    void flagsAnEmptyNotNullValueLikeABadOne() {
        List<MappingRow> rows = rows();
        var withEmpty = List.<SourceRow>of(
                new SourceRow.Cells(2, 0, List.of("probe-1", "21", "2024-05-01T12:30:00Z"), ','),
                new SourceRow.Cells(3, 1, List.of("", "22", "2024-05-01T12:31:00Z"), ','));

        new MappingCheck().check(SCHEMA, FILE_COLUMNS, withEmpty, rows, CodecOptions.forCsv());

        assertThat(rows.getFirst().problemProperty().get())
                .isEqualTo("Line 3: device_name is empty, but the column is NOT NULL. Fix: fill it in the file, or map a constant or generated value");
        assertThat(rows.getFirst().previewProperty().get()).isEqualTo("probe-1");
        assertThat(rows.get(1).problemProperty().get()).isEmpty();
    }

    @Test
    void saysANotNullColumnNeedsASourceBeforeTheLoadStarts() {
        List<MappingRow> rows = rows();
        rows.getFirst().sourceProperty().set(MappingRow.Choice.SKIP);

        String problems = new MappingCheck().check(SCHEMA, FILE_COLUMNS, ROWS, rows, CodecOptions.forCsv());

        assertThat(problems).contains("'device_name' is NOT NULL");
        assertThat(rows.getFirst().problemProperty().get()).startsWith("NOT NULL");
    }

    @Test
    void aConstantFillsEveryRow() {
        List<MappingRow> rows = rows();
        rows.get(1).sourceProperty().set(MappingRow.Choice.CONSTANT);
        rows.get(1).constantProperty().set("19");

        new MappingCheck().check(SCHEMA, FILE_COLUMNS, ROWS, rows, CodecOptions.forCsv());

        assertThat(rows.get(1).previewProperty().get()).isEqualTo("19");
        assertThat(rows.get(1).problemProperty().get()).isEmpty();
    }

    @Test
    void namesTheTopLevelColumnOfANestedPath() {
        assertThat(RecordJson.columnOf("c_struct.geo.lat")).isEqualTo("c_struct");
        assertThat(RecordJson.columnOf("c_array[2]")).isEqualTo("c_array");
        assertThat(RecordJson.columnOf("c_map[\"k.x\"]")).isEqualTo("c_map");
        assertThat(RecordJson.columnOf("")).isEmpty();
    }
}
