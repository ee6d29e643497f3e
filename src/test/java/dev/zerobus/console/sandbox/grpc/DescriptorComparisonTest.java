package dev.zerobus.console.sandbox.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.DescriptorComparison;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structural descriptor check the service runs at create_stream (lives in the schema package for reuse). */
class DescriptorComparisonTest {
    private static final TableSchema TABLE = new TableSchema("main.default.orders", List.of(
            new TableColumn("id", ColumnType.of(Kind.LONG), false),
            new TableColumn("tags", new ColumnType.Array(ColumnType.of(Kind.STRING), true), true),
            new TableColumn("home_address", new ColumnType.Struct(List.of(
                    new ColumnType.Field("city", ColumnType.of(Kind.STRING), true))), true)));

    private static FieldDescriptorProto field(String name, int number, Label label, Type type, String typeName) {
        var b = FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(label).setType(type);
        if (typeName != null) b.setTypeName(typeName);
        return b.build();
    }

    @Test
    void theMappersOwnDescriptorMatches() {
        assertThat(DescriptorComparison.compare(TABLE, ProtoSchemaMapper.map(TABLE).descriptor())).isEmpty();
    }

    @Test
    void nestedNamesFieldNumbersAndRelativeTypeNamesNeedNotMatch() {
        DescriptorProto client = DescriptorProto.newBuilder().setName("Order")
                .addNestedType(DescriptorProto.newBuilder().setName("Addr").addField(field("city", 7, Label.LABEL_OPTIONAL, Type.TYPE_STRING, null)))
                .addField(field("id", 10, Label.LABEL_REQUIRED, Type.TYPE_SINT64, null))
                .addField(field("tags", 11, Label.LABEL_REPEATED, Type.TYPE_STRING, null))
                .addField(field("home_address", 12, Label.LABEL_OPTIONAL, Type.TYPE_MESSAGE, "Addr"))
                .build();
        assertThat(DescriptorComparison.compare(TABLE, client)).isEmpty();
    }

    @Test
    void listsEveryDifferenceIncludingNestedOnes() {
        DescriptorProto client = DescriptorProto.newBuilder().setName("orders")
                .addNestedType(DescriptorProto.newBuilder().setName("HomeAddress")
                        .addField(field("city", 1, Label.LABEL_REQUIRED, Type.TYPE_BYTES, null)))
                .addField(field("id", 1, Label.LABEL_OPTIONAL, Type.TYPE_INT64, null))
                .addField(field("tags", 2, Label.LABEL_OPTIONAL, Type.TYPE_STRING, null))
                .addField(field("home_address", 3, Label.LABEL_OPTIONAL, Type.TYPE_MESSAGE, ".orders.HomeAddress"))
                .build();
        assertThat(DescriptorComparison.compare(TABLE, client)).containsExactly(
                "Field 'id' is optional but must be required (the column is NOT NULL)",
                "Field 'tags' is optional but must be repeated (the column is an array)",
                "Field 'home_address.city' is required but must be optional",
                "Field 'home_address.city' has type required bytes, expected optional string");
    }

    @Test
    void nullableColumnsMayBeLeftOutButNotNullOnesAndStructFieldsMayNot() {
        DescriptorProto client = DescriptorProto.newBuilder().setName("orders")
                .addField(field("id", 1, Label.LABEL_REQUIRED, Type.TYPE_INT64, null)).build();
        DescriptorComparison.Result lenient = DescriptorComparison.check(TABLE, client);
        assertThat(lenient.accepted()).isTrue();
        assertThat(lenient.omittedNullable()).containsExactly("tags", "home_address");
        assertThat(lenient.findings()).extracting(DescriptorComparison.Finding::kind).containsOnly(
                DescriptorComparison.Kind.OMITTED_NULLABLE, DescriptorComparison.Kind.FIELD_COUNT);

        DescriptorProto noId = DescriptorProto.newBuilder().setName("orders")
                .addNestedType(DescriptorProto.newBuilder().setName("A"))
                .addField(field("home_address", 3, Label.LABEL_OPTIONAL, Type.TYPE_MESSAGE, "A"))
                .addField(field("zip", 4, Label.LABEL_OPTIONAL, Type.TYPE_STRING, null)).build();
        DescriptorComparison.Result strict = DescriptorComparison.check(TABLE, noId);
        assertThat(strict.accepted()).isFalse();
        assertThat(strict.blocking()).extracting(DescriptorComparison.Finding::kind, DescriptorComparison.Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DescriptorComparison.Kind.MISSING_FIELD, "id"),
                org.assertj.core.groups.Tuple.tuple(DescriptorComparison.Kind.MISSING_FIELD, "home_address.city"),
                org.assertj.core.groups.Tuple.tuple(DescriptorComparison.Kind.UNKNOWN_FIELD, "zip"));
        assertThat(strict.blocking().getFirst().message())
                .isEqualTo("Column 'id' (bigint NOT NULL) has no field in the descriptor; expected required int64 id");
    }

    @Test
    void aRepeatedMessageIsNotAMap() {
        TableSchema table = new TableSchema("main.default.m", List.of(
                new TableColumn("props", new ColumnType.MapOf(ColumnType.of(Kind.STRING), ColumnType.of(Kind.INT), true), true)));
        DescriptorProto client = DescriptorProto.newBuilder().setName("m")
                .addNestedType(DescriptorProto.newBuilder().setName("PropsEntry")
                        .addField(field("key", 1, Label.LABEL_OPTIONAL, Type.TYPE_STRING, null))
                        .addField(field("value", 2, Label.LABEL_OPTIONAL, Type.TYPE_INT32, null)))
                .addField(field("props", 1, Label.LABEL_REPEATED, Type.TYPE_MESSAGE, ".m.PropsEntry"))
                .build();
        assertThat(DescriptorComparison.compare(table, client))
                .containsExactly("Field 'props' has type repeated message PropsEntry, expected map<string, int32> for column type map<string,int>");
    }

    @Test
    void reportsUnsupportedColumnsAndUnparsableDescriptors() {
        TableSchema decimals = new TableSchema("main.default.d", List.of(new TableColumn("price", new ColumnType.Decimal(10, 2), true)));
        assertThat(DescriptorComparison.compare(decimals, DescriptorProto.newBuilder().setName("d").build()))
                .singleElement().asString().startsWith("Column 'price' has type 'decimal(10,2)'");
        DescriptorProto broken = DescriptorProto.newBuilder().setName("orders")
                .addField(field("id", 1, Label.LABEL_REQUIRED, Type.TYPE_MESSAGE, ".orders.Nope")).build();
        assertThat(DescriptorComparison.compare(TABLE, broken)).singleElement().asString()
                .startsWith("The descriptor does not parse").contains(".orders.Nope");
    }
}
