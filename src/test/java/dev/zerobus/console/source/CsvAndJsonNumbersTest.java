package dev.zerobus.console.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.CodecResult;
import dev.zerobus.console.codec.FieldError;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 11: the same number reads the same from a CSV cell and a JSON value, through the path a load takes
 * (source, mapping, codec): CSV {@code 1e3} was refused where JSON {@code 1e2} was taken, and {@code 1e-50} became
 * 0.0 in a FLOAT without a word.
 */
class CsvAndJsonNumbersTest {
    private static final TableSchema TABLE = new TableSchema("main.default.numbers", List.of(
            new TableColumn("n", ColumnType.of(Kind.INT), true),
            new TableColumn("big", ColumnType.of(Kind.LONG), true),
            new TableColumn("f", ColumnType.of(Kind.FLOAT), true),
            new TableColumn("d", ColumnType.of(Kind.DOUBLE), true)));
    @TempDir Path dir;

    private List<CodecResult<Object[]>> load(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        RecordCodec codec = RecordCodec.forTable(TABLE, CodecOptions.forCsv());
        List<CodecResult<Object[]>> rows = new ArrayList<>();
        try (RecordSource source = RecordSource.open(file)) {
            ColumnMapping mapping = ColumnMapping.auto(TABLE, name.endsWith(".csv") ? source.columns() : List.of("n", "big", "f", "d"));
            for (SourceRow row; (row = source.next()) != null; ) rows.add(codec.toRow(mapping.apply(row)));
        }
        return rows;
    }

    private static Object[] values(CodecResult<Object[]> result) {
        assertThat(result).isInstanceOf(CodecResult.Encoded.class);
        return ((CodecResult.Encoded<Object[]>) result).value();
    }

    private static List<String> messages(CodecResult<Object[]> result) {
        assertThat(result).isInstanceOf(CodecResult.Invalid.class);
        return ((CodecResult.Invalid<Object[]>) result).errors().stream().map(FieldError::message).toList();
    }

    @Test
    void wholeNumbersInExponentOrDecimalNotationAreTakenFromCsvAndJsonAlike() throws IOException {
        var csv = load("n.csv", "n,big,f,d\n1e3,4.2E1,1e-45,1e-300\n42.0,9.223372036854775807e18,3.4e38,2.5\n");
        var json = load("n.jsonl", "{\"n\": 1e3, \"big\": 4.2E1, \"f\": 1e-45, \"d\": 1e-300}\n"
                + "{\"n\": 42.0, \"big\": 9.223372036854775807e18, \"f\": 3.4e38, \"d\": 2.5}\n");

        for (var rows : List.of(csv, json)) {
            assertThat(values(rows.get(0))).containsExactly(1000, 42L, 1.4E-45f, 1e-300);
            assertThat(values(rows.get(1))).containsExactly(42, Long.MAX_VALUE, 3.4e38f, 2.5);
        }
    }

    @Test
    void fractionsUnderflowAndOverflowAreRefusedFromCsvAndJsonAlike() throws IOException {
        var csv = load("bad.csv", "n,big,f,d\n1.5,1e-3,1e-50,1e-400\n2,3,1e39,1e309\n");
        var json = load("bad.jsonl", "{\"n\": 1.5, \"big\": 1e-3, \"f\": 1e-50, \"d\": 1e-400}\n"
                + "{\"n\": 2, \"big\": 3, \"f\": 1e39, \"d\": 1e309}\n");

        assertThat(messages(csv.get(0))).containsExactly("'1.5' is not a whole number", "'1e-3' is not a whole number",
                "'1e-50' is too close to 0 for FLOAT: it would be stored as 0 (FLOAT holds 0 and magnitudes from about 1.4E-45 to 3.4028235E38)",
                "'1e-400' is too close to 0 for DOUBLE: it would be stored as 0 (DOUBLE holds 0 and magnitudes from about 4.9E-324 to 1.7976931348623157E308)");
        assertThat(messages(json.get(0))).containsExactly("1.5 is not a whole number", "0.001 is not a whole number",
                "1E-50 is too close to 0 for FLOAT: it would be stored as 0 (FLOAT holds 0 and magnitudes from about 1.4E-45 to 3.4028235E38)",
                "1E-400 is too close to 0 for DOUBLE: it would be stored as 0 (DOUBLE holds 0 and magnitudes from about 4.9E-324 to 1.7976931348623157E308)");
        assertThat(messages(csv.get(1))).containsExactly("'1e39' is too large for FLOAT (largest is about 3.4028235E38)",
                "'1e309' is too large for DOUBLE (largest is about 1.7976931348623157E308)");
        assertThat(messages(json.get(1))).containsExactly("1E+39 is too large for FLOAT (largest is about 3.4028235E38)",
                "1E+309 is too large for DOUBLE (largest is about 1.7976931348623157E308)");
    }
}
