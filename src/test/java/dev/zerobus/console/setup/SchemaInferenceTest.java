package dev.zerobus.console.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.source.SourceFormat;
import dev.zerobus.console.source.SourceOptions;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaInferenceTest {
    @TempDir Path dir;

    private static List<String> sqlTypes(InferredSchema schema) {
        return schema.columns().stream().map(c -> c.name() + " " + TableSql.typeSql(c.type())).toList();
    }

    @Test
    void csvColumnsGetBigintDoubleBooleanDateTimestampAndString() throws Exception {
        Path csv = dir.resolve("orders.csv");
        Files.writeString(csv, """
                id,price,paid,day,at,name,mixed,empty,first name
                1,2.5,true,2024-05-01,2024-05-01T12:30:00Z,Ann,1,,x
                2,3,false,2024-05-02,2024-05-01 12:30:00.123456,Bob,2.5,,y
                3,,TRUE,2024-05-03,2024-05-03,"Cat, Jr.",abc,,z
                """);

        InferredSchema schema = SchemaInference.infer(csv);

        assertThat(schema.format()).isEqualTo(SourceFormat.CSV);
        assertThat(sqlTypes(schema)).containsExactly("id BIGINT", "price DOUBLE", "paid BOOLEAN", "day DATE", "at TIMESTAMP",
                "name STRING", "mixed STRING", "empty STRING", "first_name STRING");
        assertThat(schema.columns().get(8).sourceName()).isEqualTo("first name");
        assertThat(schema.columns().get(1).nullCount()).isEqualTo(1);
        assertThat(schema.columns().get(7).onlyNulls()).isTrue();
        assertThat(schema.rowsSampled()).isEqualTo(3);
        assertThat(schema.wholeFile()).isTrue();
        assertThat(schema.notes()).anyMatch(n -> n.contains("'empty' had no value")).anyMatch(n -> n.contains("'first name' is named first_name"));
        assertThat(schema.tableColumns()).allMatch(c -> c.nullable());
    }

    @Test
    void jsonLinesGetNestedStructsAndArraysMergedAcrossRecords() throws Exception {
        Path jsonl = dir.resolve("events.jsonl");
        Files.writeString(jsonl, """
                {"id": 1, "score": 1, "tags": ["a"], "user": {"name": "ann", "age": 30}, "when": "2024-05-01T00:00:00Z", "items": [{"sku": "x", "qty": 1}]}
                {"id": 2, "score": 2.5, "tags": [], "user": {"name": "bob", "vip": true}, "when": "2024-05-02", "items": []}
                {"id": 3, "score": null, "extra": "late key"}
                """);

        InferredSchema schema = SchemaInference.infer(jsonl);

        assertThat(sqlTypes(schema)).containsExactly("id BIGINT", "score DOUBLE", "tags ARRAY<STRING>",
                "user STRUCT<`name`: STRING, `age`: BIGINT, `vip`: BOOLEAN>", "when TIMESTAMP",
                "items ARRAY<STRUCT<`sku`: STRING, `qty`: BIGINT>>", "extra STRING");
    }

    @Test
    void jsonArrayIsReadAndItsConflictingTypesWidenToString() throws Exception {
        Path json = dir.resolve("rows.json");
        Files.writeString(json, """
                [{"a": 1, "b": {"x": 1}, "c": [1, 2]},
                 {"a": "text", "b": 5, "c": [1.5]}]
                """);

        InferredSchema schema = SchemaInference.infer(json);

        assertThat(schema.format()).isEqualTo(SourceFormat.JSON_ARRAY);
        assertThat(sqlTypes(schema)).containsExactly("a STRING", "b STRING", "c ARRAY<DOUBLE>");
    }

    @Test
    void readsOnlyTheBoundedSampleOfALargeFile() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("n,label\n");
            for (int i = 0; i < 50_000; i++) w.write(i + ",row " + i + "\n");
            w.write("not-a-number,late\n"); // past the sample: cannot change the inferred type
        }

        InferredSchema schema = SchemaInference.infer(csv, SourceOptions.detect(csv), new SchemaInference.Limits(10_000, 10L << 20));

        assertThat(schema.rowsSampled()).isEqualTo(10_000);
        assertThat(schema.wholeFile()).isFalse();
        assertThat(schema.bytesSampled()).isLessThan(schema.totalBytes());
        assertThat(sqlTypes(schema)).containsExactly("n BIGINT", "label STRING");
        assertThat(schema.notes()).anyMatch(n -> n.startsWith("Inferred from the first 10000 records"));

        InferredSchema byBytes = SchemaInference.infer(csv, SourceOptions.detect(csv), new SchemaInference.Limits(1_000_000, 4096));
        assertThat(byBytes.bytesSampled()).isLessThan(4096 + 70_000); // one reader buffer past the limit at most
        assertThat(byBytes.rowsSampled()).isLessThan(50_000);
    }

    @Test
    void aFileWithoutReadableRecordsIsAClearErrorNamingTheFileAndLine() throws Exception {
        Path notJson = dir.resolve("broken.jsonl");
        Files.writeString(notJson, "this is not json\n{also not\n");
        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(headerOnly, "a,b,c\n");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");

        assertThatThrownBy(() -> SchemaInference.infer(notJson)).isInstanceOf(SetupException.class)
                .hasMessageContaining("The columns of broken.jsonl cannot be inferred")
                .hasMessageContaining("Line 1 is not valid JSON");
        assertThatThrownBy(() -> SchemaInference.infer(headerOnly)).isInstanceOf(SetupException.class)
                .hasMessageContaining("header.csv").hasMessageContaining("no data rows");
        assertThatThrownBy(() -> SchemaInference.infer(empty)).isInstanceOf(SetupException.class)
                .hasMessageContaining("empty.csv is empty").hasMessageContaining("no header line and no rows");
        assertThatThrownBy(() -> SchemaInference.infer(dir.resolve("missing.csv"))).isInstanceOf(SetupException.class)
                .hasMessageContaining("There is no file");
    }

    @Test
    void editedTypesAndNamesReachTheTableColumns() throws Exception {
        Path csv = dir.resolve("edit.csv");
        Files.writeString(csv, "id,amount\n1,2\n");

        InferredSchema schema = SchemaInference.infer(csv).withType(1, dev.zerobus.console.schema.ColumnType.of(
                dev.zerobus.console.schema.ColumnType.Kind.DOUBLE)).withName(0, "order_id");

        assertThat(TableSql.createTable("main.default.t", schema.tableColumns(), null))
                .isEqualTo("CREATE TABLE `main`.`default`.`t` (\n  `order_id` BIGINT,\n  `amount` DOUBLE\n)");
    }
}
