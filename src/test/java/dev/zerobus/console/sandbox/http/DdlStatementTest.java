package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.sandbox.http.DdlStatement.AddColumns;
import dev.zerobus.console.sandbox.http.DdlStatement.CreateTable;
import dev.zerobus.console.sandbox.http.DdlStatement.Grant;
import dev.zerobus.console.sandbox.http.DdlStatement.ObjectKind;
import dev.zerobus.console.sandbox.http.DdlStatement.ShowGrants;
import dev.zerobus.console.schema.TableColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlStatementTest {
    @Test
    void readsBacktickedNamesNestedTypesCommentsAndClausesInAnyOrder() {
        var create = (CreateTable) DdlStatement.parse("""
                -- a trial table
                create table if not exists `my-cat`.s.`t``1` (
                  `a b` map<string, array<struct<x: decimal, y timestamp_ltz not null>>> not null comment 'it''s',
                  n dec(38, 0)
                ) comment "table" using delta;""");

        assertThat(create.table().parts()).containsExactly("my-cat", "s", "t`1");
        assertThat(create.ifNotExists()).isTrue();
        assertThat(create.comment()).isEqualTo("table");
        assertThat(create.format()).isEqualTo("DELTA");
        assertThat(create.columns()).extracting(TableColumn::name, c -> c.type().typeText(), TableColumn::nullable, TableColumn::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a b", "map<string,array<struct<x:decimal(10,0),y:timestamp not null>>>",
                                false, "it's"),
                        org.assertj.core.groups.Tuple.tuple("n", "decimal(38,0)", true, null));
    }

    @Test
    void addColumnTakesOneOrManyWithOrWithoutParenthesesAndRecordsNotNull() {
        var one = (AddColumns) DdlStatement.parse("ALTER TABLE t ADD COLUMN a INT");
        var many = (AddColumns) DdlStatement.parse("ALTER TABLE t ADD COLUMNS (a INT COMMENT 'x', b STRING NOT NULL)");

        assertThat(one.columns()).extracting(TableColumn::name).containsExactly("a");
        assertThat(many.columns()).extracting(TableColumn::nullable).containsExactly(true, true);
        assertThat(many.notNullColumns()).containsExactly("b");
    }

    @Test
    void grantsAndShowGrantsNameTheirObjectAndPrincipal() {
        var grant = (Grant) DdlStatement.parse("GRANT USE SCHEMA, CREATE TABLE ON SCHEMA main.s TO `a@b.c`");
        var revoke = (Grant) DdlStatement.parse("REVOKE ALL PRIVILEGES ON main.s.t FROM `0a1b-2c`");
        var show = (ShowGrants) DdlStatement.parse("SHOW GRANTS ON CATALOG main");

        assertThat(grant.privileges()).containsExactly("USE SCHEMA", "CREATE TABLE");
        assertThat(grant.kind()).isEqualTo(ObjectKind.SCHEMA);
        assertThat(grant.principal()).isEqualTo("a@b.c");
        assertThat(revoke.revoke()).isTrue();
        assertThat(revoke.kind()).isEqualTo(ObjectKind.TABLE);
        assertThat(revoke.privileges()).isEqualTo(List.of("ALL PRIVILEGES"));
        assertThat(show.principal()).isNull();
        assertThat(show.object().parts()).containsExactly("main");
    }

    @Test
    void syntaxErrorsSayWhereAsDatabricksDoes() {
        assertThatThrownBy(() -> DdlStatement.parse("CREATE TABLE t (a INT"))
                .hasMessage("Syntax error at or near end of input.");
        assertThatThrownBy(() -> DdlStatement.parse("CREATE TABLE t (a ARRAY<INT)"))
                .hasMessage("Syntax error at or near ')'.");
        assertThatThrownBy(() -> DdlStatement.parse("DROP TABLE t extra")).hasMessage("Syntax error at or near 'extra'.");
        assertThatThrownBy(() -> DdlStatement.parse("CREATE TABLE t (a INT) COMMENT 'x")).hasMessageStartingWith(
                "Syntax error at or near end of input: Unterminated string");
        assertThatThrownBy(() -> DdlStatement.parse("CREATE TABLE t (a UUID)")).isInstanceOf(DdlStatement.UnknownType.class)
                .hasMessage("UUID");
        assertThatThrownBy(() -> DdlStatement.parse("CREATE TABLE t (a DECIMAL(39, 2))"))
                .hasMessageStartingWith("[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision 39 exceeds max precision 38.");
        assertThatThrownBy(() -> DdlStatement.parse("CREATE OR REPLACE TABLE t (a INT)"))
                .hasMessageStartingWith("[UNSUPPORTED_FEATURE] CREATE OR REPLACE TABLE is not supported by the sandbox");
    }
}
