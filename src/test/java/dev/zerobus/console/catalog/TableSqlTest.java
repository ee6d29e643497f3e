package dev.zerobus.console.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableSqlTest {
    private static final ColumnType BIGINT = ColumnType.of(Kind.LONG);
    private static final ColumnType STRING = ColumnType.of(Kind.STRING);

    @Test
    void createTableQuotesNamesAndWritesNotNullCommentsAndNestedTypes() {
        var address = new ColumnType.Struct(List.of(new ColumnType.Field("street", STRING, true),
                new ColumnType.Field("zip", ColumnType.of(Kind.INT), false)));
        String sql = TableSql.createTable("main.default.orders", List.of(
                new TableColumn("id", BIGINT, false, "the order's id"),
                new TableColumn("tags", new ColumnType.Array(STRING, true), true),
                new TableColumn("address", address, true),
                new TableColumn("note", STRING, true, "it's a 'note' \\ with a backslash")), "Trial orders");

        assertThat(sql).isEqualTo("""
                CREATE TABLE `main`.`default`.`orders` (
                  `id` BIGINT NOT NULL COMMENT 'the order\\'s id',
                  `tags` ARRAY<STRING>,
                  `address` STRUCT<`street`: STRING, `zip`: INT NOT NULL>,
                  `note` STRING COMMENT 'it\\'s a \\'note\\' \\\\ with a backslash'
                )
                COMMENT 'Trial orders'""");
    }

    @Test
    void addColumnsAreNullableEvenWhenAskedNotNull() {
        String sql = TableSql.addColumns("main.default.orders", List.of(new TableColumn("qty", BIGINT, false),
                new TableColumn("day", ColumnType.of(Kind.DATE), true, "order day")), Set.of("id"));

        assertThat(sql).isEqualTo("""
                ALTER TABLE `main`.`default`.`orders` ADD COLUMNS (
                  `qty` BIGINT,
                  `day` DATE COMMENT 'order day'
                )""");
    }

    @Test
    void refusesNamesZerobusCannotTakeAndSaysWhichColumnAndTheFix() {
        assertThatThrownBy(() -> TableSql.createTable("main.default.orders", List.of(new TableColumn("id", BIGINT, true),
                new TableColumn("first name", STRING, true)), null))
                .isInstanceOf(CatalogException.class)
                .hasMessage("Column 2 ('first name') has characters Zerobus does not accept in column names.")
                .extracting(e -> ((CatalogException) e).problem().fix()).asString().contains("first_name");
        assertThatThrownBy(() -> TableSql.createTable("main.default.my-table", List.of(new TableColumn("id", BIGINT, true)), null))
                .hasMessageContaining("'my-table'");
        assertThatThrownBy(() -> TableSql.createTable("main.orders", List.of(new TableColumn("id", BIGINT, true)), null))
                .hasMessageContaining("not a three-part table name");
        assertThatThrownBy(() -> TableSql.createTable("main.default.t", List.of(new TableColumn("Id", BIGINT, true),
                new TableColumn("id", BIGINT, true)), null)).hasMessageContaining("repeats a column name");
        assertThatThrownBy(() -> TableSql.createTable("main.default.t", List.of(), null)).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> TableSql.addColumns("main.default.t", List.of(new TableColumn("ID", BIGINT, true)), Set.of("id")))
                .hasMessageContaining("repeats a column name");
    }

    @Test
    void grantsAndTheirRevokes() {
        List<String> grants = TableSql.ingestGrants("main.default.orders", "1b2c3d4e-0000-4000-8000-000000000001");

        assertThat(grants).containsExactly(
                "GRANT USE CATALOG ON CATALOG `main` TO `1b2c3d4e-0000-4000-8000-000000000001`",
                "GRANT USE SCHEMA ON SCHEMA `main`.`default` TO `1b2c3d4e-0000-4000-8000-000000000001`",
                "GRANT SELECT, MODIFY ON TABLE `main`.`default`.`orders` TO `1b2c3d4e-0000-4000-8000-000000000001`");
        assertThat(TableSql.revokeFor(grants.get(2)))
                .isEqualTo("REVOKE SELECT, MODIFY ON TABLE `main`.`default`.`orders` FROM `1b2c3d4e-0000-4000-8000-000000000001`");
        assertThat(TableSql.dropTable("main.default.orders")).isEqualTo("DROP TABLE `main`.`default`.`orders`");
    }
}
