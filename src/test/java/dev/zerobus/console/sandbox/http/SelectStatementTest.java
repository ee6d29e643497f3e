package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.sandbox.http.SelectStatement.Literal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectStatementTest {
    @Test
    void readsEveryClauseWithQuotedNamesAndAnyKeywordCase() {
        SelectStatement s = SelectStatement.parse(
                "select `device name`, temp From main.`default`.t wHeRe `device name` = 'it''s' order by temp desc limit 10 ;");

        assertThat(s.table()).containsExactly("main", "default", "t");
        assertThat(s.columns()).containsExactly("device name", "temp");
        assertThat(s.whereColumn()).isEqualTo("device name");
        assertThat(s.whereValue()).isEqualTo(new Literal(Literal.Kind.STRING, "it's"));
        assertThat(s.orderBy()).isEqualTo("temp");
        assertThat(s.descending()).isTrue();
        assertThat(s.limit()).isEqualTo(10L);
    }

    @Test
    void readsNumberBooleanAndNullLiterals() {
        assertThat(SelectStatement.parse("SELECT * FROM t WHERE x = -1.5").whereValue()).isEqualTo(new Literal(Literal.Kind.NUMBER, "-1.5"));
        assertThat(SelectStatement.parse("SELECT * FROM t WHERE x = TRUE").whereValue()).isEqualTo(new Literal(Literal.Kind.BOOLEAN, "true"));
        assertThat(SelectStatement.parse("SELECT * FROM t WHERE x = null").whereValue().kind()).isEqualTo(Literal.Kind.NULL);
    }

    @Test
    void readsCountStar() {
        SelectStatement s = SelectStatement.parse("SELECT COUNT(*) FROM s.t");

        assertThat(s.countOnly()).isTrue();
        assertThat(s.table()).containsExactly("s", "t");
    }

    @Test
    void namesTheUnexpectedWordAndTheSupportedGrammar() {
        assertThatThrownBy(() -> SelectStatement.parse("SELECT a FROM t GROUP BY a"))
                .isInstanceOf(SelectStatement.Unsupported.class)
                .hasMessageStartingWith("Unexpected 'GROUP'.")
                .hasMessageContaining(SelectStatement.SUPPORTED);
        assertThatThrownBy(() -> SelectStatement.parse("SELECT COUNT(*) FROM t WHERE a = 1"))
                .hasMessageStartingWith("Unexpected 'WHERE' after SELECT COUNT(*) FROM table.");
        assertThatThrownBy(() -> SelectStatement.parse("SELECT * FROM t LIMIT x")).hasMessageStartingWith("LIMIT needs a whole number");
    }
}
