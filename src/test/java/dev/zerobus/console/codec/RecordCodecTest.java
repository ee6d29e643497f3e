package dev.zerobus.console.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static final RecordCodec ALL = RecordCodec.forTable(CodecTables.ALL_TYPES, CodecOptions.defaults());

    /** Every column, most of them in a friendly (non-canonical) form. */
    private static final String ALL_TYPES_INPUT = """
            {"id": 9223372036854775807, "c_boolean": "yes", "c_tinyint": "-128", "c_smallint": 32767, "c_int": "42",
             "c_bigint": "-9223372036854775808", "c_float": 1.5, "c_double": "-2e3", "c_string": "h\\u00e9llo \\"q\\"\\n",
             "c_binary": "hex:68656c6c6f", "c_date": "2024-05-01", "c_timestamp": "2024-05-01T12:30:00Z",
             "c_timestamp_ntz": "2024-05-01 12:30:00.123456", "c_array": [1, "2", 3], "c_map": {"a": 1, "b": "2"},
             "c_struct": {"street": "Main St", "zip": 12345, "geo": {"lat": 48.85, "lon": "2.35"}},
             "c_array_struct": [{"k": "x", "v": 1}, {"k": "y"}]}
            """;

    private static final String ALL_TYPES_JSON = "{\"id\":9223372036854775807,\"c_boolean\":true,\"c_tinyint\":-128,"
            + "\"c_smallint\":32767,\"c_int\":42,\"c_bigint\":-9223372036854775808,\"c_float\":1.5,\"c_double\":-2000.0,"
            + "\"c_string\":\"héllo \\\"q\\\"\\n\",\"c_binary\":\"aGVsbG8=\",\"c_date\":19844,\"c_timestamp\":1714566600000000,"
            + "\"c_timestamp_ntz\":1714566600123456,\"c_array\":[1,2,3],\"c_map\":{\"a\":1,\"b\":2},"
            + "\"c_struct\":{\"street\":\"Main St\",\"zip\":12345,\"geo\":{\"lat\":48.85,\"lon\":2.35}},"
            + "\"c_array_struct\":[{\"k\":\"x\",\"v\":1},{\"k\":\"y\"}]}";

    static <T> T encoded(CodecResult<T> result) {
        assertThat(result).isInstanceOf(CodecResult.Encoded.class);
        return ((CodecResult.Encoded<T>) result).value();
    }

    static List<FieldError> errors(CodecResult<?> result) {
        assertThat(result).isInstanceOf(CodecResult.Invalid.class);
        return ((CodecResult.Invalid<?>) result).errors();
    }

    @Test
    void normalisesEveryTypeToTheJsonZerobusExpects() {
        assertThat(encoded(ALL.toJson(ALL_TYPES_INPUT))).isEqualTo(ALL_TYPES_JSON);
    }

    @Test
    void readsEveryTypeIntoTheRowConvention() {
        Object[] row = encoded(ALL.toRow(ALL_TYPES_INPUT));

        assertThat(row).hasSize(17);
        assertThat(row[0]).isEqualTo(Long.MAX_VALUE);
        assertThat(row[1]).isEqualTo(true);
        assertThat(row[2]).isEqualTo((byte) -128);
        assertThat(row[3]).isEqualTo((short) 32767);
        assertThat(row[4]).isEqualTo(42);
        assertThat(row[5]).isEqualTo(Long.MIN_VALUE);
        assertThat(row[6]).isEqualTo(1.5f);
        assertThat(row[7]).isEqualTo(-2000.0);
        assertThat(row[8]).isEqualTo("héllo \"q\"\n");
        assertThat((byte[]) row[9]).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(row[10]).isEqualTo(19844);
        assertThat(row[11]).isEqualTo(1714566600000000L);
        assertThat(row[12]).isEqualTo(1714566600123456L);
        assertThat(row[13]).isEqualTo(List.of(1, 2, 3));
        assertThat(row[14]).isEqualTo(Map.of("a", 1, "b", 2));
        Object[] struct = (Object[]) row[15];
        assertThat(struct[0]).isEqualTo("Main St");
        assertThat(struct[1]).isEqualTo(12345);
        assertThat((Object[]) struct[2]).containsExactly(48.85, 2.35);
        List<?> items = (List<?>) row[16];
        assertThat((Object[]) items.get(0)).containsExactly("x", 1L);
        assertThat((Object[]) items.get(1)).containsExactly("y", null);
    }

    @Test
    void encodesProtoThatParsesBackWithTheMappersDescriptor() throws Exception {
        byte[] bytes = encoded(ALL.toProto(ALL_TYPES_INPUT));
        Descriptor d = ALL.descriptor();
        assertThat(d.toProto()).isEqualTo(ProtoSchemaMapper.map(CodecTables.ALL_TYPES).descriptor());

        DynamicMessage m = DynamicMessage.parseFrom(d, bytes);

        assertThat(m.getUnknownFields().asMap()).isEmpty();
        assertThat(m.getField(f(d, "id"))).isEqualTo(Long.MAX_VALUE);
        assertThat(m.getField(f(d, "c_boolean"))).isEqualTo(true);
        assertThat(m.getField(f(d, "c_tinyint"))).isEqualTo(-128);
        assertThat(m.getField(f(d, "c_smallint"))).isEqualTo(32767);
        assertThat(m.getField(f(d, "c_int"))).isEqualTo(42);
        assertThat(m.getField(f(d, "c_bigint"))).isEqualTo(Long.MIN_VALUE);
        assertThat(m.getField(f(d, "c_float"))).isEqualTo(1.5f);
        assertThat(m.getField(f(d, "c_double"))).isEqualTo(-2000.0);
        assertThat(m.getField(f(d, "c_string"))).isEqualTo("héllo \"q\"\n");
        assertThat(m.getField(f(d, "c_binary"))).isEqualTo(ByteString.copyFromUtf8("hello"));
        assertThat(m.getField(f(d, "c_date"))).isEqualTo(19844);
        assertThat(m.getField(f(d, "c_timestamp"))).isEqualTo(1714566600000000L);
        assertThat(m.getField(f(d, "c_timestamp_ntz"))).isEqualTo(1714566600123456L);
        assertThat(m.getField(f(d, "c_array"))).isEqualTo(List.of(1, 2, 3));
        List<?> entries = (List<?>) m.getField(f(d, "c_map"));
        assertThat(entries).extracting(e -> entryText((DynamicMessage) e)).containsExactly("a=1", "b=2");
        DynamicMessage struct = (DynamicMessage) m.getField(f(d, "c_struct"));
        assertThat(struct.getField(f(struct.getDescriptorForType(), "street"))).isEqualTo("Main St");
        assertThat(struct.getField(f(struct.getDescriptorForType(), "zip"))).isEqualTo(12345);
        DynamicMessage geo = (DynamicMessage) struct.getField(f(struct.getDescriptorForType(), "geo"));
        assertThat(geo.getField(f(geo.getDescriptorForType(), "lat"))).isEqualTo(48.85);
        assertThat(geo.getField(f(geo.getDescriptorForType(), "lon"))).isEqualTo(2.35);
        List<?> items = (List<?>) m.getField(f(d, "c_array_struct"));
        DynamicMessage second = (DynamicMessage) items.get(1);
        assertThat(items).hasSize(2);
        assertThat(second.getField(f(second.getDescriptorForType(), "k"))).isEqualTo("y");
        assertThat(second.hasField(f(second.getDescriptorForType(), "v"))).isFalse();
    }

    @Test
    void writesTheSameBytesAsDynamicMessage() throws Exception {
        byte[] bytes = encoded(ALL.toProto(ALL_TYPES_INPUT));

        byte[] reference = DynamicMessage.parseFrom(ALL.descriptor(), bytes).toByteArray();

        assertThat(bytes).isEqualTo(reference);
    }

    @Test
    void decodesProtoBackToTheSameRow() throws Exception {
        byte[] bytes = encoded(ALL.toProto(ALL_TYPES_INPUT));

        Object[] decoded = ALL.decodeProto(bytes);

        assertThat(encoded(ALL.rowToJson(decoded))).isEqualTo(ALL_TYPES_JSON);
    }

    @Test
    void leavesNullColumnsOutOfJsonAndProto() throws Exception {
        String input = "{\"id\": 1, \"c_string\": null, \"c_struct\": {\"street\": null, \"zip\": 7}}";

        assertThat(encoded(ALL.toJson(input))).isEqualTo("{\"id\":1,\"c_struct\":{\"zip\":7}}");
        DynamicMessage m = DynamicMessage.parseFrom(ALL.descriptor(), encoded(ALL.toProto(input)));
        assertThat(m.getAllFields()).hasSize(2);
    }

    @Test
    void keepsNullsInsideArraysAndMapsForJson() {
        String input = "{\"id\": 1, \"c_array\": [1, null], \"c_map\": {\"a\": null}}";

        assertThat(encoded(ALL.toJson(input))).isEqualTo("{\"id\":1,\"c_array\":[1,null],\"c_map\":{\"a\":null}}");
    }

    @Test
    void acceptsMapInputWithCsvCellsAndJavaValues() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", 5L);
        record.put("c_binary", "hello".getBytes(StandardCharsets.US_ASCII));
        record.put("c_array", "[4, 5]");
        record.put("c_map", "{\"k\": \"6\"}");
        record.put("c_struct", "{\"geo\": {\"lat\": 1}}");
        record.put("c_array_struct", List.of(Map.of("k", "z")));
        record.put("c_float", "NaN");

        Object[] row = encoded(ALL.toRow(record));

        assertThat(row[13]).isEqualTo(List.of(4, 5));
        assertThat(row[14]).isEqualTo(Map.of("k", 6));
        assertThat(((Object[]) ((Object[]) row[15])[2])[0]).isEqualTo(1.0);
        assertThat(row[6]).isEqualTo(Float.NaN);
        assertThat(encoded(ALL.rowToProto(row))).isNotEmpty();
    }

    @Test
    void equalInputGivesEqualOutput() {
        RecordCodec other = RecordCodec.forTable(CodecTables.ALL_TYPES, CodecOptions.defaults());

        assertThat(encoded(other.toJson(ALL_TYPES_INPUT))).isEqualTo(encoded(ALL.toJson(ALL_TYPES_INPUT)));
        assertThat(encoded(other.toProto(ALL_TYPES_INPUT))).isEqualTo(encoded(ALL.toProto(ALL_TYPES_INPUT)));
        assertThat(ALL.toJson("{\"id\": 1, \"c_int\": \"x\"}")).isEqualTo(ALL.toJson("{\"id\": 1, \"c_int\": \"x\"}"));
    }

    @Test
    void writesExactDecimalsAndVarcharsToJson() {
        TableSchema table = new TableSchema("main.default.prices", List.of(
                new TableColumn("price", new ColumnType.Decimal(10, 2), false),
                new TableColumn("big", new ColumnType.Decimal(38, 0), true),
                new TableColumn("code", new ColumnType.VarChar(3), true)));
        RecordCodec codec = RecordCodec.forTable(table, CodecOptions.defaults());

        String json = encoded(codec.toJson("{\"price\": \"1E+3\", \"big\": 12345678901234567890123456789012345678, \"code\": \"abc\"}"));
        Object[] row = encoded(codec.toRow("{\"price\": 12.3}"));

        assertThat(json).isEqualTo("{\"price\":1000.00,\"big\":12345678901234567890123456789012345678,\"code\":\"abc\"}");
        assertThat(row[0]).isEqualTo(new BigDecimal("12.30"));
    }

    @Test
    void refusesProtoForATableWithADecimalColumn() {
        TableSchema table = new TableSchema("main.default.prices", List.of(
                new TableColumn("id", ColumnType.of(Kind.INT), false),
                new TableColumn("price", new ColumnType.Decimal(10, 2), true)));
        RecordCodec codec = RecordCodec.forTable(table, CodecOptions.defaults());

        List<FieldError> errors = errors(codec.toProto("{\"id\": 1, \"price\": \"9.99\"}"));

        assertThat(errors).extracting(FieldError::path).containsExactly("price");
        assertThat(errors.getFirst().message()).startsWith("Column 'price' has type 'decimal(10,2)', which Zerobus PROTO streams cannot carry: DECIMAL has no protobuf mapping");
    }

    private static FieldDescriptor f(Descriptor d, String name) {
        return d.findFieldByName(name);
    }

    private static String entryText(DynamicMessage entry) {
        Descriptor d = entry.getDescriptorForType();
        return entry.getField(d.findFieldByName("key")) + "=" + entry.getField(d.findFieldByName("value"));
    }
}
