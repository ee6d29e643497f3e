package dev.zerobus.console.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.schema.ColumnType.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeParserTest {

    @Test
    void readsTypeTextIncludingNestedTypes() {
        assertThat(TypeParser.parseText("INT")).isEqualTo(ColumnType.of(Kind.INT));
        assertThat(TypeParser.parseText("decimal(10, 2)")).isEqualTo(new ColumnType.Decimal(10, 2));
        assertThat(TypeParser.parseText("map<string,array<bigint>>")).isEqualTo(new ColumnType.MapOf(
                ColumnType.of(Kind.STRING), new ColumnType.Array(ColumnType.of(Kind.LONG), true), true));
        assertThat(TypeParser.parseText("struct<a:int not null,`b c`:string>")).isEqualTo(new ColumnType.Struct(List.of(
                new ColumnType.Field("a", ColumnType.of(Kind.INT), false),
                new ColumnType.Field("b c", ColumnType.of(Kind.STRING), true))));
        assertThat(TypeParser.parseText("interval day to second")).isInstanceOf(ColumnType.Unsupported.class);
        assertThat(TypeParser.parseText("varchar(20)")).isEqualTo(new ColumnType.VarChar(20));
    }

    @Test
    void prefersTypeJsonAndKeepsNestedNullability() {
        String json = """
                {"name":"c","type":{"type":"array","elementType":{"type":"struct","fields":[
                  {"name":"k","type":"string","nullable":false,"metadata":{}}]},"containsNull":false},
                 "nullable":true,"metadata":{}}""";
        ColumnType type = TypeParser.parse(json, "array<struct<k:string>>");
        assertThat(type).isEqualTo(new ColumnType.Array(new ColumnType.Struct(List.of(
                new ColumnType.Field("k", ColumnType.of(Kind.STRING), false))), false));
    }

    @Test
    void writesTypeJsonThatReadsBackToTheSameType() {
        ColumnType type = TypeParser.parseText("struct<a:map<string,int>,b:array<timestamp_ntz>,c:decimal(5,1),d:varchar(3)>");
        String json = TypeParser.typeJson(new TableColumn("col", type, true));
        assertThat(TypeParser.parse(json, null)).isEqualTo(type);
    }

    @Test
    void namesTheProblemInUnreadableText() {
        assertThatThrownBy(() -> TypeParser.parseText("map<string"))
                .hasMessageContaining("Cannot read type 'map<string'").hasMessageContaining("expected ','");
        assertThatThrownBy(() -> TypeParser.parseText("blob")).hasMessageContaining("unknown type 'blob'");
    }
}
