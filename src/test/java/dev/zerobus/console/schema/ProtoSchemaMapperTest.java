package dev.zerobus.console.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import dev.zerobus.console.schema.ColumnType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoSchemaMapperTest {

    private static TableSchema table(TableColumn... columns) {
        return new TableSchema("main.default.orders", List.of(columns));
    }

    @Test
    void mapsTheQuickstartTableLikeTheOfficialGenerator() {
        ProtoSchema proto = ProtoSchemaMapper.map(new TableSchema("main.default.sensor_readings", List.of(
                new TableColumn("device_name", ColumnType.of(Kind.STRING), false),
                new TableColumn("temp", ColumnType.of(Kind.INT), true),
                new TableColumn("humidity", ColumnType.of(Kind.INT), true),
                new TableColumn("ts", ColumnType.of(Kind.TIMESTAMP), true))));

        assertThat(proto.isUsable()).isTrue();
        assertThat(proto.protoText()).isEqualTo("""
                syntax = "proto2";

                // Table main.default.sensor_readings: 4 columns.
                message sensor_readings {
                    required string device_name = 1;
                    optional int32 temp = 2;
                    optional int32 humidity = 3;
                    optional int64 ts = 4;
                }
                """);
        assertThat(proto.descriptor().getFieldList()).extracting(f -> f.getName() + ":" + f.getType() + ":" + f.getLabel())
                .containsExactly("device_name:TYPE_STRING:LABEL_REQUIRED", "temp:TYPE_INT32:LABEL_OPTIONAL",
                        "humidity:TYPE_INT32:LABEL_OPTIONAL", "ts:TYPE_INT64:LABEL_OPTIONAL");
    }

    @Test
    void nestsStructsArraysAndMaps() {
        ProtoSchema proto = ProtoSchemaMapper.map(table(
                new TableColumn("home_address", TypeParser.parseText("struct<street:string,geo:struct<lat:double>>"), true),
                new TableColumn("tags", TypeParser.parseText("array<string>"), true),
                new TableColumn("items", TypeParser.parseText("array<struct<k:string,v:bigint>>"), true),
                new TableColumn("props", TypeParser.parseText("map<string,int>"), false)));

        assertThat(proto.isUsable()).isTrue();
        assertThat(proto.protoText()).contains("""
                    message HomeAddress {
                        optional string street = 1;
                        message Geo {
                            optional double lat = 1;
                        }
                        optional Geo geo = 2;
                    }
                    optional HomeAddress home_address = 1;
                    repeated string tags = 2;
                """).contains("repeated Items items = 3;").contains("map<string, int32> props = 4;");
        var props = proto.descriptor().getField(3);
        assertThat(props.getLabel()).isEqualTo(Label.LABEL_REPEATED);
        assertThat(props.getType()).isEqualTo(Type.TYPE_MESSAGE);
        assertThat(props.getTypeName()).isEqualTo(".orders.PropsEntry");
        assertThat(proto.descriptor().getNestedTypeList()).extracting(d -> d.getName())
                .containsExactly("HomeAddress", "Items", "PropsEntry");
    }

    @Test
    void reportsEveryUnsupportedColumnWithItsReason() {
        ProtoSchema proto = ProtoSchemaMapper.map(table(
                new TableColumn("id", ColumnType.of(Kind.LONG), false),
                new TableColumn("price", TypeParser.parseText("decimal(10,2)"), true),
                new TableColumn("span", TypeParser.parseText("interval day to second"), true),
                new TableColumn("grid", TypeParser.parseText("array<array<int>>"), true),
                new TableColumn("by_score", TypeParser.parseText("map<double,string>"), true),
                new TableColumn("message", ColumnType.of(Kind.STRING), true)));

        assertThat(proto.isUsable()).isFalse();
        assertThat(proto.problems()).extracting(ProtoSchema.ColumnProblem::columnPath)
                .containsExactly("price", "span", "grid", "by_score", "message");
        assertThat(proto.problemFor("grid").reason()).isEqualTo("Nested arrays are not supported: array<array<int>>");
        assertThat(proto.problemFor("by_score").reason()).isEqualTo("Unsupported map key type for Protobuf: DOUBLE");
        assertThat(proto.problemFor("message").reason()).contains("reserved keyword");
        assertThat(proto.problemFor("price").message()).startsWith("Column 'price' has type 'decimal(10,2)'");
        assertThat(proto.protoText()).contains("// Column 'span' (interval day to second) skipped:");
        assertThat(proto.descriptor().getFieldList()).extracting(f -> f.getName()).containsExactly("id");
    }

    @Test
    void givesEqualOutputForEqualInput() {
        var schema = table(new TableColumn("a", TypeParser.parseText("struct<x:int>"), true));
        assertThat(ProtoSchemaMapper.map(schema)).isEqualTo(ProtoSchemaMapper.map(schema));
    }
}
