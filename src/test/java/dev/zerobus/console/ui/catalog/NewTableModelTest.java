package dev.zerobus.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.setup.InferredColumn;
import dev.zerobus.console.setup.InferredSchema;
import dev.zerobus.console.source.SourceFormat;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewTableModelTest {
    @Test
    void flagsATypeItCannotParseAsYouType() {
        var model = new NewTableModel();
        var row = model.rows.get(1);
        row.type.set("decimall(10,2)");
        assertThat(row.typeError().get()).contains("'decimall(10,2)' is not a type");
        row.type.set("decimal(10,2)");
        assertThat(row.typeError().get()).isEmpty();
    }

    @Test
    void namesTheFieldToFixBeforeCreating() {
        var model = new NewTableModel();
        model.name.set("trial events");
        assertThat(model.problem()).startsWith("Table name:");
        model.name.set("trial_events");
        assertThat(model.problem()).startsWith("Column 2:");
        model.rows.get(1).name.set("payload");
        assertThat(model.problem()).isNull();
    }

    @Test
    void buildsTheColumnsWithParsedTypes() {
        var model = new NewTableModel();
        model.rows.get(1).name.set("price");
        model.rows.get(1).type.set("decimal(10,2)");
        assertThat(model.columns()).extracting(c -> c.type()).containsExactly(
                ColumnType.of(ColumnType.Kind.LONG), new ColumnType.Decimal(10, 2));
        assertThat(model.columns().getFirst().nullable()).isFalse();
    }

    @Test
    void showsTheCreateTableOfTheInferredColumnsAndFollowsEdits() {
        var model = new NewTableModel();
        var inferred = new InferredSchema(SourceFormat.CSV, List.of(
                new InferredColumn("id", "id", ColumnType.of(ColumnType.Kind.LONG), 3, 0, null),
                new InferredColumn("ts", "ts", ColumnType.of(ColumnType.Kind.TIMESTAMP), 3, 0, null)),
                3, 0, 100, 100, true, List.of(), Duration.ofMillis(5));
        model.applyInference(inferred, "orders.csv");
        assertThat(model.name.get()).isEqualTo("orders");
        assertThat(model.inferred.get()).startsWith("Inferred from orders.csv (the whole file, 3 rows)");
        assertThat(model.sql().get()).isEqualTo("CREATE TABLE `main`.`default`.`orders` (\n  `id` BIGINT,\n  `ts` TIMESTAMP\n)");
        model.rows.get(1).type.set("string");
        assertThat(model.sql().get()).contains("`ts` STRING");
        model.rows.get(1).type.set("strin");
        assertThat(model.sql().get()).startsWith("-- Column ts:");
    }
}
