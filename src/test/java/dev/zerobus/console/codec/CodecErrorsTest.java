package dev.zerobus.console.codec;

import static dev.zerobus.console.codec.RecordCodecTest.encoded;
import static dev.zerobus.console.codec.RecordCodecTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.codec.CodecOptions.EpochUnit;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.schema.TypeParser;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad value is reported with its path, the value, the rule in plain words and a good example. */
class CodecErrorsTest {
    private static final RecordCodec SENSORS = RecordCodec.forTable(CodecTables.SENSOR_READINGS, CodecOptions.defaults());
    private static final RecordCodec ALL = RecordCodec.forTable(CodecTables.ALL_TYPES, CodecOptions.defaults());

    private static FieldError onlyError(String typeText, Object value) {
        return onlyError(typeText, value, CodecOptions.defaults());
    }

    private static FieldError onlyError(String typeText, Object value, CodecOptions options) {
        Map<String, Object> record = new HashMap<>();
        record.put("c", value);
        List<FieldError> errors = errors(RecordCodec.forTable(CodecTables.single(typeText), options).toRow(record));
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    @Test
    void explainsABadTimestampWithExamples() {
        FieldError error = errors(SENSORS.toRow("{\"device_name\": \"d1\", \"ts\": \"2024-13-01 10:00\"}")).getFirst();

        assertThat(error).isEqualTo(new FieldError("ts", "'2024-13-01 10:00'", "timestamp", "'2024-13-01 10:00' is not a timestamp",
                "ISO-8601 like 2024-05-01T12:30:00Z, '2024-05-01 12:30:00.123456', or epoch micros like 1714566600000000"));
        assertThat(error.describe()).isEqualTo("ts: '2024-13-01 10:00' is not a timestamp. Expected ISO-8601 like "
                + "2024-05-01T12:30:00Z, '2024-05-01 12:30:00.123456', or epoch micros like 1714566600000000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tinyint       | 300                        | '300' is outside TINYINT range -128..127
            tinyint       | -129                       | '-129' is outside TINYINT range -128..127
            smallint      | 32768                      | '32768' is outside SMALLINT range -32768..32767
            int           | 2147483648                 | '2147483648' is outside INT range -2147483648..2147483647
            bigint        | 9223372036854775808        | '9223372036854775808' is outside BIGINT range -9223372036854775808..9223372036854775807
            int           | 1.5                        | '1.5' is not a whole number
            int           | 1e-3                       | '1e-3' is not a whole number
            int           | 1e10                       | '1e10' is outside INT range -2147483648..2147483647
            boolean       | maybe                      | 'maybe' is not a boolean
            float         | 1e39                       | '1e39' is too large for FLOAT (largest is about 3.4028235E38)
            float         | -1e-50                     | '-1e-50' is too close to 0 for FLOAT: it would be stored as 0 (FLOAT holds 0 and magnitudes from about 1.4E-45 to 3.4028235E38)
            double        | 1e-400                     | '1e-400' is too close to 0 for DOUBLE: it would be stored as 0 (DOUBLE holds 0 and magnitudes from about 4.9E-324 to 1.7976931348623157E308)
            double        | 0x1p3                      | '0x1p3' is not a number
            double        | 1.5d                       | '1.5d' is not a number
            binary        | not base64!                | 'not base64!' is not valid base64
            binary        | 0xABC                      | '0xABC' is not valid base64
            binary        | hex:ABC                    | 'hex:ABC' is not valid hex (an even number of 0-9, a-f digits after hex:)
            binary        | 0xDEADbeef                 | '0xDEADbeef' reads two ways: as base64 (BINARY's form) it is 7 bytes d3 10 c4 00 36 de 79, as hex 4 bytes de ad be ef; write hex:DEADbeef for the hex bytes, or base64:0xDEADbeef for the base64 ones
            date          | 2024-02-30                 | '2024-02-30' is not a date
            date          | 2932897                    | '2932897' is outside the years 0001..9999
            date          | 1.5                        | '1.5' is not a whole number of days
            timestamp     | 2024-05-01T12:30:00.1234567Z | '2024-05-01T12:30:00.1234567Z' has 7 fractional second digits; timestamps hold microseconds (at most 6 digits)
            timestamp     | 1714566600000000.5         | '1714566600000000.5' is more precise than a microsecond (epoch micros); timestamps hold whole microseconds
            timestamp     | 99999999999999999999       | '99999999999999999999' is too far from 1970 for a timestamp
            timestamp_ntz | 2024-05-01T12:30:00+02:00  | '2024-05-01T12:30:00+02:00' has a time-zone offset, but TIMESTAMP_NTZ holds wall-clock time without one; drop the offset
            timestamp_ntz | 2024-05-01T12:30:00Z       | '2024-05-01T12:30:00Z' has a time-zone offset, but TIMESTAMP_NTZ holds wall-clock time without one; drop the offset
            decimal(10,2) | 12.345                     | '12.345' has 3 fractional digits, DECIMAL(10,2) allows 2
            decimal(10,2) | 123456789.1                | '123456789.1' has 9 digits before the point, DECIMAL(10,2) allows 8
            decimal(10,2) | 12,5                       | '12,5' is not a decimal number
            varchar(3)    | abcd                       | 'abcd' has 4 characters, VARCHAR(3) allows 3
            array<int>    | [1,                        | '[1,' is not valid JSON (problem at line 1, column 4)
            array<int>    | {"a": 1}                   | '{"a": 1}' is not a JSON array
            """)
    void namesTheRuleEachBadValueBreaks(String typeText, String value, String message) {
        FieldError error = onlyError(typeText, value);

        assertThat(error.message()).isEqualTo(message);
        assertThat(error.value()).isEqualTo("'" + value + "'");
        assertThat(error.expected()).isEqualTo(TypeParser.parseText(typeText).typeText());
        assertThat(error.example()).isNotBlank();
    }

    @Test
    void rejectsJsonNumbersThatBreakTheRule() {
        assertThat(onlyError("tinyint", 300).message()).isEqualTo("300 is outside TINYINT range -128..127");
        assertThat(onlyError("decimal(10,2)", new BigDecimal("12.345")).message())
                .isEqualTo("12.345 has 3 fractional digits, DECIMAL(10,2) allows 2");
        assertThat(onlyError("string", 5).message()).isEqualTo("5 is not text");
        assertThat(onlyError("timestamp", "1.0000001", CodecOptions.defaults().withEpochUnit(EpochUnit.SECONDS)).message())
                .isEqualTo("'1.0000001' is more precise than a microsecond (epoch seconds); timestamps hold whole microseconds");
    }

    @Test
    void adaptsTheTimestampExampleToTheEpochUnit() {
        FieldError error = onlyError("timestamp", "soon", CodecOptions.defaults().withEpochUnit(EpochUnit.SECONDS));

        assertThat(error.example()).endsWith("or epoch seconds like 1714566600");
    }

    @Test
    void reportsEveryBadFieldOfARecord() {
        List<FieldError> errors = errors(SENSORS.toRow("{\"device_name\": \"d1\", \"temp\": \"hot\", \"humidity\": 1.5, \"ts\": \"yesterday\"}"));

        assertThat(errors).extracting(FieldError::describe).containsExactly(
                "temp: 'hot' is not a whole number. Expected a whole number from -2147483648 to 2147483647, like 42",
                "humidity: 1.5 is not a whole number. Expected a whole number from -2147483648 to 2147483647, like 42",
                "ts: 'yesterday' is not a timestamp. Expected ISO-8601 like 2024-05-01T12:30:00Z, '2024-05-01 12:30:00.123456', "
                        + "or epoch micros like 1714566600000000");
    }

    @Test
    void suggestsTheNearestColumnForAnUnknownField() {
        List<FieldError> errors = errors(SENSORS.toRow("{\"device_name\": \"d1\", \"tmp\": 20}"));

        assertThat(errors).extracting(FieldError::path, FieldError::message).containsExactly(Tuple.tuple("tmp",
                "unknown field 'tmp'; the table has columns device_name, temp, humidity, ts. Did you mean 'temp'?"));
    }

    @Test
    void suggestsNothingWhenNoColumnIsClose() {
        FieldError error = errors(SENSORS.toRow("{\"device_name\": \"d1\", \"location\": \"x\"}")).getFirst();

        assertThat(error.message()).isEqualTo("unknown field 'location'; the table has columns device_name, temp, humidity, ts");
    }

    @Test
    void requiresNotNullColumns() {
        List<FieldError> missing = errors(SENSORS.toRow("{\"temp\": 20}"));
        List<FieldError> nulled = errors(SENSORS.toRow("{\"device_name\": null}"));

        assertThat(missing).extracting(FieldError::describe)
                .containsExactly("device_name: is missing, but the column is NOT NULL. Expected text like 'hello'");
        assertThat(nulled).extracting(FieldError::message).containsExactly("is null, but the column is NOT NULL");
    }

    @Test
    void pathsPointIntoNestedValues() {
        String input = """
                {"id": 1, "c_array": [1, 2, "x"], "c_map": {"k": "v"}, "c_struct": {"geo": {"lat": "north"}, "city": "Paris"},
                 "c_array_struct": [{"k": "a"}, {"v": "big"}]}
                """;

        List<FieldError> errors = errors(ALL.toRow(input));

        assertThat(errors).extracting(FieldError::path).containsExactly(
                "c_array[2]", "c_map[\"k\"]", "c_struct.geo.lat", "c_struct.city", "c_array_struct[1].v");
        assertThat(errors.get(3).message()).isEqualTo("unknown field 'city'; the struct has fields street, zip, geo");
    }

    @Test
    void refusesNanAndInfinityOnJsonStreamsOnly() {
        String input = "{\"id\": 1, \"c_float\": \"NaN\", \"c_double\": \"-Infinity\"}";

        List<FieldError> errors = errors(ALL.toJson(input));

        assertThat(errors).extracting(FieldError::describe).containsExactly(
                "c_float: NaN cannot go on a JSON stream (JSON has no NaN or Infinity). Expected a finite number, or use a PROTO stream",
                "c_double: -Infinity cannot go on a JSON stream (JSON has no NaN or Infinity). Expected a finite number, or use a PROTO stream");
        assertThat(encoded(ALL.toProto(input))).isNotEmpty();
    }

    @Test
    void refusesNullsInsideArraysAndMapsOnProtoStreams() {
        String input = "{\"id\": 1, \"c_array\": [1, null], \"c_map\": {\"a\": null}, \"c_array_struct\": [null]}";

        List<FieldError> errors = errors(ALL.toProto(input));

        assertThat(errors).extracting(FieldError::path, FieldError::message).containsExactly(
                Tuple.tuple("c_array[1]", "is null, but PROTO streams cannot carry nulls inside arrays"),
                Tuple.tuple("c_map[\"a\"]", "is null, but PROTO streams cannot carry nulls as map values"),
                Tuple.tuple("c_array_struct[0]", "is null, but PROTO streams cannot carry nulls inside arrays"));
    }

    @Test
    void refusesNullsWhereTheTypeSaysContainsNullFalse() {
        TableSchema table = CodecTables.single(new ColumnType.Array(ColumnType.of(Kind.INT), false));
        Map<String, Object> record = new HashMap<>();
        record.put("c", Arrays.asList(1, null));

        List<FieldError> errors = errors(RecordCodec.forTable(table, CodecOptions.defaults()).toRow(record));

        assertThat(errors).extracting(FieldError::describe).containsExactly(
                "c[1]: is null, but this array does not allow nulls. Expected a whole number from -2147483648 to 2147483647, like 42");
    }

    @Test
    void refusesMapKeysThatConvertToTheSameKey() {
        FieldError error = onlyError("map<int,int>", "{\"1\": 1, \"01\": 2}");

        assertThat(error.path()).isEqualTo("c[\"01\"]");
        assertThat(error.message()).isEqualTo("'01' is the same key as an earlier one");
    }

    @Test
    void namesUnsupportedColumnsOnlyWhenGivenAValue() {
        TableSchema table = new TableSchema("main.default.t", List.of(
                new TableColumn("id", ColumnType.of(Kind.INT), false),
                new TableColumn("payload", TypeParser.parseText("variant"), true)));
        RecordCodec codec = RecordCodec.forTable(table, CodecOptions.defaults());

        FieldError error = errors(codec.toJson("{\"id\": 1, \"payload\": {\"a\": 1}}")).getFirst();

        assertThat(error.path()).isEqualTo("payload");
        assertThat(error.message()).startsWith("column type 'variant' cannot be ingested: ");
        assertThat(encoded(codec.toJson("{\"id\": 1}"))).isEqualTo("{\"id\":1}");
    }

    @Test
    void rejectsRecordsThatAreNotJsonObjects() {
        assertThat(errors(SENSORS.toRow("{\"device_name\": ")).getFirst().message())
                .isEqualTo("the record is not valid JSON (problem at line 1, column 17)");
        assertThat(errors(SENSORS.toRow("[1, 2]")).getFirst().message())
                .isEqualTo("a record must be a JSON object with one key per column");
        assertThat(errors(SENSORS.toRow("{\"temp\": 1, \"temp\": 2}")).getFirst().message()).endsWith(": a key appears twice)");
    }

    @Test
    void showsStructValuesGivenAsRowsWithTheirNulls() {
        FieldError error = onlyError("struct<a:int,b:int>", new Object[] {null, "x", 3});

        assertThat(error.message()).isEqualTo("[null, x, 3] is not a JSON object");
    }

    @Test
    void cutsLongValuesShort() {
        FieldError error = onlyError("int", "9".repeat(500) + "x");

        assertThat(error.value()).hasSize(60).endsWith("…");
        assertThat(error.message()).hasSizeLessThan(100);
    }
}
