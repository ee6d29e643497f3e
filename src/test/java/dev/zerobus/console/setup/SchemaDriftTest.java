package dev.zerobus.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {
    private static final TableSchema TABLE = new TableSchema("main.default.orders", List.of(
            new TableColumn("id", ColumnType.of(Kind.LONG), false), new TableColumn("price", ColumnType.of(Kind.DOUBLE), true),
            new TableColumn("qty", ColumnType.of(Kind.INT), true)));

    @Test
    void newColumnsBecomeANullableAddColumnsAndTypeConflictsAreListed() {
        SchemaDrift drift = SchemaDrift.of(TABLE, List.of(new TableColumn("ID", ColumnType.of(Kind.LONG), true),
                new TableColumn("price", ColumnType.of(Kind.LONG), true), new TableColumn("qty", ColumnType.of(Kind.DOUBLE), true),
                new TableColumn("note", ColumnType.of(Kind.STRING), false), new TableColumn("day", ColumnType.of(Kind.DATE), true)));

        assertThat(drift.missing()).extracting(TableColumn::name).containsExactly("note", "day");
        assertThat(drift.missing()).allMatch(TableColumn::nullable);
        assertThat(drift.alterSql()).isEqualTo("ALTER TABLE `main`.`default`.`orders` ADD COLUMNS (\n  `note` STRING,\n  `day` DATE\n)");
        assertThat(drift.typeConflicts()).containsExactly("column 'qty': the table has INT, the data looks like DOUBLE");
    }

    @Test
    void noDriftMeansNoStatement() {
        SchemaDrift drift = SchemaDrift.ofKeys(TABLE, List.of("id", "price"));

        assertThat(drift.hasMissingColumns()).isFalse();
        assertThat(drift.alterSql()).isNull();
        assertThat(SchemaDrift.ofKeys(TABLE, List.of("id", "color")).alterSql()).contains("`color` STRING");
    }
}
