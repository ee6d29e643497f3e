package dev.zerobus.console.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.codec.SchemaDiff.Difference;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
    static final TableSchema SENSORS = new TableSchema("main.default.sensor_readings", List.of(
            new TableColumn("device_name", ColumnType.of(Kind.STRING), false),
            new TableColumn("temp", ColumnType.of(Kind.INT), true),
            new TableColumn("humidity", ColumnType.of(Kind.INT), true),
            new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true)));

    static final TableSchema NESTED = new TableSchema("main.default.orders", List.of(
            new TableColumn("id", ColumnType.of(Kind.LONG), false),
            new TableColumn("tags", new ColumnType.Array(ColumnType.of(Kind.STRING), true), true),
            new TableColumn("props", new ColumnType.MapOf(ColumnType.of(Kind.STRING), ColumnType.of(Kind.INT), true), true),
            new TableColumn("home_address", new ColumnType.Struct(List.of(
                    new ColumnType.Field("street", ColumnType.of(Kind.STRING), true),
                    new ColumnType.Field("zip", ColumnType.of(Kind.INT), true))), true)));

    private static List<SchemaDiff.Kind> kinds(SchemaDiff diff) {
        return diff.differences().stream().map(Difference::kind).toList();
    }

    @Test
    void theGeneratedProtoMatchesItsTable() {
        assertThat(SchemaDiff.ofProtoText(SENSORS, ProtoSchemaMapper.map(SENSORS).protoText()).differences()).isEmpty();
        SchemaDiff nested = SchemaDiff.ofProtoText(NESTED, ProtoSchemaMapper.map(NESTED).protoText());
        assertThat(nested.differences()).isEmpty();
        assertThat(nested.isMatch()).isTrue();
        assertThat(SchemaDiff.ofDescriptor(NESTED, ProtoSchemaMapper.map(NESTED).descriptor()).isMatch()).isTrue();
    }

    @Test
    void handWrittenProtoWithNestedMessagesMapsAndAPackageMatches() {
        String proto = """
                syntax = "proto2";
                package shop;
                message Other { optional int32 x = 1; }
                message orders {
                  required int64 id = 1;
                  repeated string tags = 2;
                  map<string, int32> props = 3;
                  message Address { optional string street = 1; optional sint32 zip = 2; }
                  optional .shop.orders.Address home_address = 4;
                }
                """;
        assertThat(SchemaDiff.ofProtoText(NESTED, proto).differences()).isEmpty();
    }

    @Test
    void namesMissingExtraTypeOptionalityAndRenamedFields() {
        String proto = """
                syntax = "proto2";
                message sensor_readings {
                  optional string deviceName = 1;
                  optional string temp = 2;
                  required int32 humidity = 3;
                  optional int64 ts = 4;
                  optional string firmware = 5;
                }
                """;
        SchemaDiff diff = SchemaDiff.ofProtoText(SENSORS, proto);
        assertThat(diff.isMatch()).isFalse();
        assertThat(diff.differences()).extracting(Difference::kind, Difference::path).containsExactlyInAnyOrder(
                Tuple.tuple(SchemaDiff.Kind.RENAMED, "device_name"),
                Tuple.tuple(SchemaDiff.Kind.TYPE, "temp"),
                Tuple.tuple(SchemaDiff.Kind.OPTIONALITY, "humidity"),
                Tuple.tuple(SchemaDiff.Kind.EXTRA, "firmware"));
        assertThat(diff.differences()).anySatisfy(d -> assertThat(d.message())
                .isEqualTo("Field 'deviceName' looks like column 'device_name' renamed; Zerobus matches names exactly"));
    }

    @Test
    void aNullableColumnLeftOutIsAcceptedAndNamedAndANotNullOneIsMissing() {
        String proto = "message sensor_readings { required string device_name = 1; optional int32 temp = 2; optional int64 ts = 4; }";
        SchemaDiff diff = SchemaDiff.ofProtoText(SENSORS, proto);
        assertThat(kinds(diff)).containsExactly(SchemaDiff.Kind.OMITTED);
        assertThat(diff.isMatch()).isTrue();
        assertThat(diff.omitted()).containsExactly("humidity");
        assertThat(diff.differences().getFirst().message()).contains("expected optional int32 humidity")
                .contains("accepted: the column is nullable and lands as NULL");

        SchemaDiff notNull = SchemaDiff.ofProtoText(SENSORS, "message sensor_readings { optional int32 temp = 2; }");
        assertThat(notNull.isMatch()).isFalse();
        assertThat(notNull.blocking()).extracting(Difference::kind, Difference::path)
                .containsExactly(Tuple.tuple(SchemaDiff.Kind.MISSING, "device_name"));
        assertThat(notNull.omitted()).containsExactlyInAnyOrder("humidity", "ts");
    }

    @Test
    void renamesInsideAStructAndWithinEditDistanceTwo() {
        String proto = """
                message orders {
                  required int64 id = 1;
                  repeated string tag = 2;
                  map<string, int32> props = 3;
                  message HomeAddress { optional string Street = 1; optional int32 zip = 2; }
                  optional HomeAddress home_address = 4;
                }
                """;
        SchemaDiff diff = SchemaDiff.ofProtoText(NESTED, proto);
        assertThat(diff.differences()).extracting(Difference::kind, Difference::path).containsExactlyInAnyOrder(
                Tuple.tuple(SchemaDiff.Kind.RENAMED, "tags"),
                Tuple.tuple(SchemaDiff.Kind.RENAMED, "home_address.street"));
    }

    @Test
    void mapFieldsAndRepeatedVersusArraysAreCompared() {
        String proto = """
                message orders {
                  required int64 id = 1;
                  optional string tags = 2;
                  map<string, string> props = 3;
                  message HomeAddress { optional string street = 1; optional int32 zip = 2; }
                  optional HomeAddress home_address = 4;
                }
                """;
        SchemaDiff diff = SchemaDiff.ofProtoText(NESTED, proto);
        assertThat(diff.differences()).extracting(Difference::kind, Difference::path).containsExactlyInAnyOrder(
                Tuple.tuple(SchemaDiff.Kind.OPTIONALITY, "tags"),
                Tuple.tuple(SchemaDiff.Kind.TYPE, "props"));
    }

    @Test
    void proto3WithoutLabelsCannotExpressNotNull() {
        String proto = "syntax = \"proto3\";\nmessage sensor_readings { string device_name = 1; int32 temp = 2; int32 humidity = 3; int64 ts = 4; }";
        SchemaDiff diff = SchemaDiff.ofProtoText(SENSORS, proto);
        assertThat(diff.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SchemaDiff.Kind.OPTIONALITY);
            assertThat(d.message()).contains("device_name").contains("NOT NULL");
        });
    }

    @Test
    void syntaxErrorsNameLineAndColumn() {
        SchemaDiff diff = SchemaDiff.ofProtoText(SENSORS, "syntax = \"proto2\";\nmessage sensor_readings {\n  required string device_name = ;\n}");
        assertThat(diff.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SchemaDiff.Kind.INVALID);
            assertThat(d.message()).startsWith("Syntax error at line 3, column ");
        });
    }

    @Test
    void picksTheMessageNamedLikeTheTableOrTheOnlyOneOrListsThem() {
        String two = "message A { optional int32 x = 1; } message B { optional int32 y = 1; }";
        assertThat(SchemaDiff.ofProtoText(SENSORS, two).differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SchemaDiff.Kind.INVALID);
            assertThat(d.message()).contains("A, B").contains("sensor_readings");
        });
        String only = "message Reading { required string device_name = 1; optional int32 temp = 2; optional int32 humidity = 3; optional int64 ts = 4; }";
        assertThat(SchemaDiff.ofProtoText(SENSORS, only).isMatch()).isTrue();
        String named = two + " message table_sensor_readings { required string device_name = 1; optional int32 temp = 2; "
                + "optional int32 humidity = 3; optional int64 ts = 4; }";
        assertThat(SchemaDiff.ofProtoText(SENSORS, named).isMatch()).isTrue();
    }

    @Test
    void aMessageDeclaredOutsideTheChosenOneOrNotAtAllIsInvalid() {
        String outside = """
                message HomeAddress { optional string street = 1; optional int32 zip = 2; }
                message orders { required int64 id = 1; repeated string tags = 2; map<string, int32> props = 3;
                  optional HomeAddress home_address = 4; }
                """;
        assertThat(SchemaDiff.ofProtoText(NESTED, outside).differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SchemaDiff.Kind.INVALID);
            assertThat(d.message()).contains("declare 'HomeAddress' inside 'orders'");
        });
        String imported = "message sensor_readings { required string device_name = 1; optional google.protobuf.Timestamp ts = 4; }";
        assertThat(SchemaDiff.ofProtoText(SENSORS, imported).differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SchemaDiff.Kind.INVALID);
            assertThat(d.path()).isEqualTo("ts");
            assertThat(d.message()).contains("google.protobuf.Timestamp");
        });
    }

    @Test
    void aTableWithColumnsZerobusCannotCarryIsInvalidPerColumn() {
        var table = new TableSchema("main.default.money", List.of(
                new TableColumn("id", ColumnType.of(Kind.LONG), false),
                new TableColumn("amount", new ColumnType.Decimal(10, 2), true)));
        SchemaDiff diff = SchemaDiff.ofProtoText(table, "message money { required int64 id = 1; optional string amount = 2; }");
        assertThat(diff.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(SchemaDiff.Kind.INVALID);
            assertThat(d.path()).isEqualTo("amount");
        });
    }

    @Test
    void jsonSampleMatchesWhenNullableColumnsAreLeftOut() {
        assertThat(SchemaDiff.ofJsonSample(SENSORS, "{\"device_name\":\"a\",\"temp\":20}").isMatch()).isTrue();
        assertThat(SchemaDiff.ofJsonSample(NESTED, "{\"id\":1,\"tags\":[\"x\"],\"props\":{\"a\":1},\"home_address\":{\"zip\":1}}")
                .isMatch()).isTrue();
    }

    @Test
    void jsonSampleNamesMissingExtraTypeAndRenamedKeys() {
        SchemaDiff diff = SchemaDiff.ofJsonSample(SENSORS, "{\"deviceName\":\"a\",\"temp\":\"warm\",\"Humidity\":3,\"firmware\":\"1.2\"}");
        assertThat(diff.omitted()).containsExactly("ts");
        assertThat(diff.blocking()).extracting(Difference::kind, Difference::path).containsExactlyInAnyOrder(
                Tuple.tuple(SchemaDiff.Kind.RENAMED, "device_name"),
                Tuple.tuple(SchemaDiff.Kind.TYPE, "temp"),
                Tuple.tuple(SchemaDiff.Kind.RENAMED, "humidity"),
                Tuple.tuple(SchemaDiff.Kind.EXTRA, "firmware"));
        assertThat(diff.differences()).anySatisfy(d -> assertThat(d.message())
                .isEqualTo("Key 'deviceName' looks like column 'device_name' renamed; Zerobus matches names exactly"));
        assertThat(diff.differences()).anySatisfy(d -> assertThat(d.message()).startsWith("temp: 'warm' is not"));

        SchemaDiff missing = SchemaDiff.ofJsonSample(SENSORS, "{\"temp\":1}");
        assertThat(missing.blocking()).extracting(Difference::kind, Difference::path)
                .containsExactly(Tuple.tuple(SchemaDiff.Kind.MISSING, "device_name"));
        assertThat(missing.omitted()).containsExactlyInAnyOrder("humidity", "ts");
        SchemaDiff nulled = SchemaDiff.ofJsonSample(SENSORS, "{\"device_name\":null}");
        assertThat(nulled.blocking()).extracting(Difference::kind).containsExactly(SchemaDiff.Kind.OPTIONALITY);
    }

    @Test
    void jsonSampleRenamesInsideStructsAndRejectsNonJson() {
        SchemaDiff diff = SchemaDiff.ofJsonSample(NESTED, "{\"id\":1,\"home_address\":{\"zips\":1}}");
        assertThat(diff.blocking()).extracting(Difference::kind, Difference::path)
                .containsExactly(Tuple.tuple(SchemaDiff.Kind.RENAMED, "home_address.zip"));
        assertThat(kinds(SchemaDiff.ofJsonSample(NESTED, "{\"id\":"))).containsExactly(SchemaDiff.Kind.INVALID);
        assertThat(kinds(SchemaDiff.ofJsonSample(NESTED, "[1]"))).containsExactly(SchemaDiff.Kind.INVALID);
        assertThat(SchemaDiff.likeness("id", "ts")).isNegative();
        assertThat(SchemaDiff.likeness("device-name", "DeviceName")).isZero();
    }

    @Test
    void aDroppedOrAddedSuffixLooksRenamed() {
        assertThat(SchemaDiff.likeness("placed", "placed_at")).isEqualTo(3);
        assertThat(SchemaDiff.likeness("ts", "ts_micros")).isNegative(); // too short to tell
        SchemaDiff diff = SchemaDiff.ofJsonSample(SENSORS, "{\"device_name\":\"a\",\"humid\":40}");
        assertThat(diff.omitted()).containsExactlyInAnyOrder("temp", "ts");
        assertThat(diff.blocking()).extracting(Difference::kind, Difference::path)
                .containsExactly(Tuple.tuple(SchemaDiff.Kind.RENAMED, "humidity"));
    }
}
