package dev.zerobus.console.codec;

import static dev.zerobus.console.codec.RecordCodecTest.encoded;
import static dev.zerobus.console.codec.RecordCodecTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.codec.CodecOptions.EpochUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each friendly input form ValueConverter accepts converts to the exact row value. */
class FriendlyInputTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Object convert(String typeText, Object value, CodecOptions options) {
        Map<String, Object> record = new HashMap<>();
        record.put("c", value);
        return encoded(RecordCodec.forTable(CodecTables.single(typeText), options).toRow(record))[0];
    }

    private static Object convert(String typeText, Object value) {
        return convert(typeText, value, CodecOptions.defaults());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01T12:30:00Z              | 1714566600000000
            2024-05-01T14:30:00+02:00         | 1714566600000000
            2024-05-01T12:30:00.123456Z       | 1714566600123456
            2024-05-01T12:30:00.1Z            | 1714566600100000
            2024-05-01 12:30:00               | 1714566600000000
            2024-05-01 12:30:00.123456        | 1714566600123456
            2024-05-01T12:30                  | 1714566600000000
            2024-05-01                        | 1714521600000000
            '  2024-05-01T12:30:00Z '         | 1714566600000000
            2024-05-01T14:30+02:00[Europe/Paris] | 1714566600000000
            1714566600000000                  | 1714566600000000
            -1                                | -1
            """)
    void readsTimestampsInUtcByDefault(String input, long micros) {
        assertThat(convert("timestamp", input)).isEqualTo(micros);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01 12:30:00.123456   | 1714559400123456
            2024-05-01T12:30:00.123456   | 1714559400123456
            2024-05-01                   | 1714514400000000
            2024-01-15 12:00:00          | 1705316400000000
            2024-05-01T12:30:00Z         | 1714566600000000
            2024-05-01T12:30:00+02:00    | 1714559400000000
            """)
    void readsTimestampsWithoutOffsetInTheUsersZone(String input, long micros) {
        assertThat(convert("timestamp", input, CodecOptions.defaults().withZone(PARIS))).isEqualTo(micros);
    }

    @Test
    void movesLocalTimesInADstGapForwardAndHonoursFixedOffsetZones() {
        assertThat(convert("timestamp", "2024-03-31 02:30:00", CodecOptions.defaults().withZone(PARIS))).isEqualTo(1711848600000000L);
        assertThat(convert("timestamp", "2024-05-01 12:30:00", CodecOptions.defaults().withZone(ZoneId.of("+05:30"))))
                .isEqualTo(1714546800000000L);
        assertThat(convert("timestamp", "2024-05-01T12:30:00-07:00")).isEqualTo(1714591800000000L);
    }

    @Test
    void readsBareNumbersInTheChosenEpochUnit() {
        CodecOptions seconds = CodecOptions.defaults().withEpochUnit(EpochUnit.SECONDS);
        CodecOptions millis = CodecOptions.defaults().withEpochUnit(EpochUnit.MILLIS);

        assertThat(convert("timestamp", "1714566600", seconds)).isEqualTo(1714566600000000L);
        assertThat(convert("timestamp", 1714566600L, seconds)).isEqualTo(1714566600000000L);
        assertThat(convert("timestamp", new BigDecimal("1714566600.123456"), seconds)).isEqualTo(1714566600123456L);
        assertThat(convert("timestamp", "1714566600123", millis)).isEqualTo(1714566600123000L);
        assertThat(convert("timestamp", 1714566600123L, millis)).isEqualTo(1714566600123000L);
        assertThat(convert("timestamp", 1714566600000000L)).isEqualTo(1714566600000000L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01T12:30:00.123456   | 1714566600123456
            2024-05-01 12:30:00.123456   | 1714566600123456
            2024-05-01                   | 1714521600000000
            1714566600123456             | 1714566600123456
            """)
    void readsTimestampNtzAsWallClockWhateverTheZone(String input, long micros) {
        assertThat(convert("timestamp_ntz", input, CodecOptions.defaults().withZone(PARIS))).isEqualTo(micros);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01 | 19844
            1970-01-01 | 0
            19844      | 19844
            -1         | -1
            0001-01-01 | -719162
            9999-12-31 | 2932896
            """)
    void readsDatesAsEpochDays(String input, int days) {
        assertThat(convert("date", input)).isEqualTo(days);
    }

    @ParameterizedTest
    @CsvSource({"true,true", "TRUE,true", "False,false", "1,true", "0,false", "yes,true", "NO,false", "' yes ',true"})
    void readsBooleans(String input, boolean expected) {
        assertThat(convert("boolean", input)).isEqualTo(expected);
    }

    @Test
    void readsIntegersFromNumbersAndDecimalText() {
        assertThat(convert("tinyint", "127")).isEqualTo((byte) 127);
        assertThat(convert("tinyint", -128)).isEqualTo((byte) -128);
        assertThat(convert("smallint", " -32768 ")).isEqualTo((short) -32768);
        assertThat(convert("int", "+7")).isEqualTo(7);
        assertThat(convert("int", new BigDecimal("42.0"))).isEqualTo(42);
        assertThat(convert("bigint", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(convert("bigint", new BigInteger("-9223372036854775808"))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void readsWholeNumbersWrittenWithAnExponentOrAFractionOfZero() {
        assertThat(convert("int", "1e3")).isEqualTo(1000);
        assertThat(convert("int", new BigDecimal("1E+3"))).isEqualTo(1000);
        assertThat(convert("bigint", " 42.00 ")).isEqualTo(42L);
        assertThat(convert("smallint", "-3.2767E4")).isEqualTo((short) -32767);
        assertThat(convert("tinyint", "0e0")).isEqualTo((byte) 0);
    }

    @Test
    void readsFloatsIncludingNanAndInfinity() {
        assertThat(convert("float", "1.5")).isEqualTo(1.5f);
        assertThat(convert("float", "-2e3")).isEqualTo(-2000f);
        assertThat(convert("float", "NaN")).isEqualTo(Float.NaN);
        assertThat(convert("double", "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(convert("double", "inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(convert("double", new BigDecimal("0.1"))).isEqualTo(0.1);
        assertThat(convert("double", 3)).isEqualTo(3.0);
    }

    @Test
    void readsBinaryFromBase64HexAndBytes() {
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);

        assertThat((byte[]) convert("binary", "aGVsbG8=")).isEqualTo(hello);
        assertThat((byte[]) convert("binary", "aGVsbG8")).isEqualTo(hello);
        assertThat((byte[]) convert("binary", "-_8=")).isEqualTo(new byte[] {(byte) 0xfb, (byte) 0xff});
        assertThat((byte[]) convert("binary", "+/8=")).isEqualTo(new byte[] {(byte) 0xfb, (byte) 0xff});
        // Hex only with its marker; a base64 value that starts with 0x is base64 (issue 12 item 11).
        assertThat((byte[]) convert("binary", "hex:DEADbeef")).isEqualTo(HexFormat.of().parseHex("deadbeef"));
        assertThat((byte[]) convert("binary", "HEX:")).isEmpty();
        assertThat((byte[]) convert("binary", "0xG4dbQuv/c=")).isEqualTo(Base64.getDecoder().decode("0xG4dbQuv/c="));
        assertThat((byte[]) convert("binary", "base64:0xDEADbeef")).isEqualTo(Base64.getDecoder().decode("0xDEADbeef"));
        assertThat((byte[]) convert("binary", hello)).isEqualTo(hello);
    }

    @Test
    void readsDecimalsExactlyAtTheColumnScale() {
        assertThat(convert("decimal(10,2)", "12.30")).isEqualTo(new BigDecimal("12.30"));
        assertThat(convert("decimal(10,2)", "-0.5")).isEqualTo(new BigDecimal("-0.50"));
        assertThat(convert("decimal(10,2)", "1E+1")).isEqualTo(new BigDecimal("10.00"));
        assertThat(convert("decimal(10,2)", "12.300")).isEqualTo(new BigDecimal("12.30"));
        assertThat(convert("decimal(10,2)", 12)).isEqualTo(new BigDecimal("12.00"));
        assertThat(convert("decimal(10,2)", 99999999.99)).isEqualTo(new BigDecimal("99999999.99"));
    }

    @Test
    void countsVarcharLengthInCharactersNotUtf16Units() {
        assertThat(convert("varchar(3)", "héé")).isEqualTo("héé");
        assertThat(convert("varchar(3)", "😀😀😀")).isEqualTo("😀😀😀");
    }

    @Test
    void convertsMapKeysByTheKeyType() {
        assertThat(convert("map<int,string>", "{\"1\": \"a\", \"-2\": \"b\"}")).isEqualTo(Map.of(1, "a", -2, "b"));
        assertThat(convert("map<boolean,int>", Map.of("yes", "3"))).isEqualTo(Map.of(true, 3));
    }

    @Test
    void treatsEmptyCsvCellsAsNull() {
        assertThat(convert("int", "", CodecOptions.forCsv())).isNull();
        assertThat(convert("timestamp", "  ", CodecOptions.forCsv())).isNull();
        assertThat(convert("string", "", CodecOptions.forCsv())).isNull();
    }

    @Test
    void keepsEmptyTextAsTextByDefault() {
        var codec = RecordCodec.forTable(CodecTables.single("int"), CodecOptions.defaults());

        assertThat(convert("string", "")).isEqualTo("");
        assertThat((byte[]) convert("binary", "")).isEmpty();
        assertThat(errors(codec.toRow(Map.of("c", ""))).getFirst().message()).isEqualTo("'' is not a whole number");
    }
}
