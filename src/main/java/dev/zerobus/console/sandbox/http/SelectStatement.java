package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.sandbox.http.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one statement shape the sandbox's SQL warehouse runs, parsed by hand:
 * {@code SELECT * | col[, col...] FROM t [WHERE col = literal] [ORDER BY col [ASC|DESC]] [LIMIT n]} and
 * {@code SELECT COUNT(*) FROM t}. A parser library would be overkill for a grammar this small, and a
 * hand-written one can say exactly which word it did not expect.
 *
 * @param columns the selected columns, or empty for {@code *}
 */
record SelectStatement(List<String> table, boolean countOnly, List<String> columns, @Nullable String whereColumn,
                       @Nullable Literal whereValue, @Nullable String orderBy, boolean descending, @Nullable Long limit) {

    static final String SUPPORTED = "The sandbox's SQL warehouse runs only SELECT * | col[, col...] FROM table"
            + " [WHERE col = literal] [ORDER BY col [ASC|DESC]] [LIMIT n], SELECT COUNT(*) FROM table, and CREATE TABLE,"
            + " ALTER TABLE ... ADD COLUMNS, DROP TABLE, GRANT, REVOKE and SHOW GRANTS.";

    /** A literal of the WHERE clause, with its SQL text (unquoted for strings). */
    record Literal(Kind kind, String text) {
        enum Kind { STRING, NUMBER, BOOLEAN, NULL }
    }

    /** A statement outside the supported subset; the message says where and what the sandbox supports. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String problem) {
            super(problem + " " + SUPPORTED);
        }
    }

    static SelectStatement parse(String sql) {
        List<Token> tokens;
        try {
            tokens = SqlTokens.of(sql);
        } catch (SqlTokens.Malformed e) {
            throw new Unsupported(e.getMessage());
        }
        return new Parser(tokens).statement();
    }

    private static final class Parser extends SqlTokens.Cursor {
        Parser(List<Token> tokens) {
            super(tokens);
        }

        SelectStatement statement() {
            keyword("SELECT");
            boolean count = false;
            List<String> columns = new ArrayList<>();
            if (peek().is("COUNT") && tokens.get(next + 1).isSymbol("(")) {
                next++;
                symbol("(");
                symbol("*");
                symbol(")");
                count = true;
            } else if (peek().isSymbol("*")) {
                next++;
            } else {
                columns.add(identifier("a column name or *"));
                while (accept(",")) columns.add(identifier("a column name"));
            }
            keyword("FROM");
            List<String> table = new ArrayList<>(List.of(identifier("a table name")));
            while (accept(".")) table.add(identifier("a table name part"));
            if (table.size() > 3) throw new Unsupported("Table name '" + String.join(".", table) + "' has more than three parts.");
            String whereColumn = null;
            Literal whereValue = null;
            String orderBy = null;
            boolean descending = false;
            Long limit = null;
            if (!count && peek().is("WHERE")) {
                next++;
                whereColumn = identifier("a column name after WHERE");
                symbol("=");
                whereValue = literal();
            }
            if (!count && peek().is("ORDER")) {
                next++;
                keyword("BY");
                orderBy = identifier("a column name after ORDER BY");
                if (peek().is("ASC") || peek().is("DESC")) descending = tokens.get(next++).is("DESC");
            }
            if (!count && peek().is("LIMIT")) {
                next++;
                Token n = tokens.get(next++);
                if (n.type() != SqlTokens.Type.NUMBER || !n.text().matches("\\d+")) {
                    throw new Unsupported("LIMIT needs a whole number, found " + n.describe() + ".");
                }
                limit = Long.parseLong(n.text());
            }
            accept(";");
            if (peek().type() != SqlTokens.Type.END) {
                throw new Unsupported("Unexpected " + peek().describe() + (count ? " after SELECT COUNT(*) FROM table." : "."));
            }
            return new SelectStatement(List.copyOf(table), count, List.copyOf(columns), whereColumn, whereValue, orderBy,
                    descending, limit);
        }

        private Literal literal() {
            Token t = tokens.get(next++);
            return switch (t.type()) {
                case STRING -> new Literal(Literal.Kind.STRING, t.text());
                case NUMBER -> new Literal(Literal.Kind.NUMBER, t.text());
                case WORD -> {
                    String word = t.text().toLowerCase(Locale.ROOT);
                    if (word.equals("true") || word.equals("false")) yield new Literal(Literal.Kind.BOOLEAN, word);
                    if (word.equals("null")) yield new Literal(Literal.Kind.NULL, word);
                    throw new Unsupported("Expected a literal (string, number, true, false or null) after '=', found " + t.describe() + ".");
                }
                default -> throw new Unsupported("Expected a literal (string, number, true, false or null) after '=', found " + t.describe() + ".");
            };
        }

        private String identifier(String what) {
            Token t = tokens.get(next);
            if (t.type() == SqlTokens.Type.IDENTIFIER || (t.type() == SqlTokens.Type.WORD && !isReserved(t))) {
                next++;
                return t.text();
            }
            throw new Unsupported("Expected " + what + ", found " + t.describe() + ".");
        }

        private static boolean isReserved(Token t) {
            return List.of("SELECT", "FROM", "WHERE", "ORDER", "BY", "LIMIT", "ASC", "DESC").stream().anyMatch(t::is);
        }

        private void keyword(String keyword) {
            Token t = tokens.get(next);
            if (!t.is(keyword)) throw new Unsupported("Expected " + keyword + ", found " + t.describe() + ".");
            next++;
        }

        private void symbol(String symbol) {
            Token t = tokens.get(next);
            if (!t.isSymbol(symbol)) throw new Unsupported("Expected '" + symbol + "', found " + t.describe() + ".");
            next++;
        }
    }
}
