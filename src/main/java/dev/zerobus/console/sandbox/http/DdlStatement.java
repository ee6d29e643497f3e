package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.sandbox.http.SqlTokens.Token;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.ColumnType.Kind;
import dev.zerobus.console.schema.TableColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The DDL and grant statements the sandbox's SQL warehouse runs, parsed by a small recursive-descent parser over a
 * tokenizer (no Java SQL parser on the Maven mirror speaks Databricks SQL's types and GRANT forms). Grammar
 * (Databricks SQL reference, https://docs.databricks.com/sql/language-manual/sql-ref-syntax-ddl-create-table-using.html,
 * sql-ref-syntax-ddl-alter-table.html, sql-ref-syntax-ddl-drop-table.html, security-grant.html, security-revoke.html,
 * security-show-grant.html):
 * <pre>
 * CREATE TABLE [IF NOT EXISTS] name ( col type [NOT NULL] [COMMENT 'x'] [, ...] ) [USING DELTA] [COMMENT 'x'] [LOCATION 'path']
 * ALTER TABLE name ADD { COLUMN | COLUMNS } { ( col type [COMMENT 'x'] [, ...] ) | col type [COMMENT 'x'] [, ...] }
 * DROP TABLE [IF EXISTS] name
 * GRANT privilege [, ...] ON { CATALOG c | SCHEMA c.s | [TABLE] c.s.t } TO principal
 * REVOKE privilege [, ...] ON { CATALOG c | SCHEMA c.s | [TABLE] c.s.t } FROM principal
 * SHOW GRANTS [principal] ON { CATALOG c | SCHEMA c.s | [TABLE] c.s.t }
 * type: BOOLEAN | TINYINT | BYTE | SMALLINT | SHORT | INT | INTEGER | BIGINT | LONG | FLOAT | REAL | DOUBLE
 *     | STRING | VARCHAR(n) | BINARY | DATE | TIMESTAMP | TIMESTAMP_LTZ | TIMESTAMP_NTZ | DECIMAL [(p [, s])]
 *     | ARRAY&lt;type&gt; | MAP&lt;type, type&gt; | STRUCT&lt;field [:] type [NOT NULL] [COMMENT 'x'], ...&gt;
 * </pre>
 * Names are identifiers or backticked; a statement may end with one semicolon.
 */
sealed interface DdlStatement {
    /** A possibly partial object name, as written (1 to 3 parts). */
    record Name(List<String> parts) {
        String text() { return String.join(".", parts); }
    }

    record CreateTable(Name table, boolean ifNotExists, List<TableColumn> columns, @Nullable String comment,
                       @Nullable String location, @Nullable String format) implements DdlStatement {}

    record AddColumns(Name table, List<TableColumn> columns, List<String> notNullColumns) implements DdlStatement {}

    record DropTable(Name table, boolean ifExists) implements DdlStatement {}

    enum ObjectKind { CATALOG, SCHEMA, TABLE }

    /** {@code revoke} false for GRANT. Privileges are upper-case with spaces, as written ("USE CATALOG"). */
    record Grant(boolean revoke, List<String> privileges, ObjectKind kind, Name object, String principal) implements DdlStatement {}

    record ShowGrants(@Nullable String principal, ObjectKind kind, Name object) implements DdlStatement {}

    /** A statement that is not valid SQL: Databricks' PARSE_SYNTAX_ERROR, with where it stopped. */
    final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message);
        }
    }

    /** A type name Databricks does not know: UNSUPPORTED_DATATYPE. */
    final class UnknownType extends RuntimeException {
        UnknownType(String typeName) {
            super(typeName);
        }
    }

    /**
     * Valid Databricks SQL the sandbox does not run (UNSUPPORTED_FEATURE, the message says what instead), or a
     * value Databricks refuses with its own error class.
     */
    final class NotSupported extends RuntimeException {
        final String sqlState;

        NotSupported(String message) {
            this("[UNSUPPORTED_FEATURE] " + message, "0A000");
        }

        NotSupported(String classAndMessage, String sqlState) {
            super(classAndMessage + " SQLSTATE: " + sqlState);
            this.sqlState = sqlState;
        }
    }

    /** True if the statement starts with a keyword this parser handles. */
    static boolean handles(String sql) {
        List<Token> tokens;
        try {
            tokens = SqlTokens.of(sql);
        } catch (SqlTokens.Malformed e) {
            return false;
        }
        Token first = tokens.getFirst();
        return first.is("CREATE") || first.is("ALTER") || first.is("DROP") || first.is("GRANT") || first.is("REVOKE")
                || first.is("SHOW");
    }

    static DdlStatement parse(String sql) {
        List<Token> tokens;
        try {
            tokens = SqlTokens.of(sql);
        } catch (SqlTokens.Malformed e) {
            throw new SyntaxError("Syntax error at or near " + e.near + ": " + e.getMessage());
        }
        return new Parser(tokens).statement();
    }

    final class Parser extends SqlTokens.Cursor {
        Parser(List<Token> tokens) {
            super(tokens);
        }

        DdlStatement statement() {
            DdlStatement result;
            Token first = peek();
            if (first.is("CREATE")) result = create();
            else if (first.is("ALTER")) result = alter();
            else if (first.is("DROP")) result = drop();
            else if (first.is("GRANT") || first.is("REVOKE")) result = grant();
            else if (first.is("SHOW")) result = showGrants();
            else throw error();
            accept(";");
            if (peek().type() != SqlTokens.Type.END) throw error();
            return result;
        }

        private DdlStatement create() {
            keyword("CREATE");
            if (peek().is("OR")) throw new NotSupported("CREATE OR REPLACE TABLE is not supported by the sandbox; DROP TABLE, then CREATE TABLE.");
            if (peek().is("EXTERNAL")) throw noExternalLocations();
            if (peek().is("TEMPORARY") || peek().is("TEMP")) throw error();
            keyword("TABLE");
            boolean ifNotExists = false;
            if (peek().is("IF")) {
                next++;
                keyword("NOT");
                keyword("EXISTS");
                ifNotExists = true;
            }
            Name table = name();
            symbol("(");
            List<TableColumn> columns = new ArrayList<>();
            do {
                columns.add(column(true, new ArrayList<>()));
            } while (accept(","));
            symbol(")");
            String comment = null;
            String location = null;
            String format = null;
            while (true) {
                if (peek().is("USING")) {
                    next++;
                    format = identifier("a data source format").toUpperCase(Locale.ROOT);
                } else if (peek().is("COMMENT")) {
                    next++;
                    comment = string();
                } else if (peek().is("LOCATION")) {
                    next++;
                    location = string();
                } else if (peek().is("PARTITIONED") || peek().is("CLUSTER") || peek().is("TBLPROPERTIES")
                        || peek().is("OPTIONS") || peek().is("AS")) {
                    throw new NotSupported(peek().text().toUpperCase(Locale.ROOT) + " in CREATE TABLE is not supported by the"
                            + " sandbox; it runs CREATE TABLE name (columns) [USING DELTA] [COMMENT '...'].");
                } else {
                    break;
                }
            }
            return new CreateTable(table, ifNotExists, List.copyOf(columns), comment, location, format);
        }

        private DdlStatement alter() {
            keyword("ALTER");
            keyword("TABLE");
            Name table = name();
            if (!peek().is("ADD")) {
                throw new NotSupported("ALTER TABLE " + peek().text().toUpperCase(Locale.ROOT) + " is not supported by the sandbox;"
                        + " it runs ALTER TABLE name ADD COLUMNS (col type [COMMENT '...'], ...).");
            }
            next++;
            if (peek().is("COLUMN") || peek().is("COLUMNS")) next++;
            else throw error();
            List<String> notNull = new ArrayList<>();
            List<TableColumn> columns = new ArrayList<>();
            boolean parenthesized = accept("(");
            do {
                columns.add(column(false, notNull));
            } while (accept(","));
            if (parenthesized) symbol(")");
            return new AddColumns(table, List.copyOf(columns), List.copyOf(notNull));
        }

        private DdlStatement drop() {
            keyword("DROP");
            keyword("TABLE");
            boolean ifExists = false;
            if (peek().is("IF")) {
                next++;
                keyword("EXISTS");
                ifExists = true;
            }
            return new DropTable(name(), ifExists);
        }

        private DdlStatement grant() {
            boolean revoke = tokens.get(next++).is("REVOKE");
            List<String> privileges = new ArrayList<>();
            do {
                privileges.add(privilege());
            } while (accept(","));
            keyword("ON");
            ObjectKind kind = objectKind();
            Name object = name();
            keyword(revoke ? "FROM" : "TO");
            String principal = identifier("a principal");
            return new Grant(revoke, List.copyOf(privileges), kind, object, principal);
        }

        private DdlStatement showGrants() {
            keyword("SHOW");
            keyword("GRANTS");
            String principal = null;
            if (!peek().is("ON")) principal = identifier("a principal or ON");
            keyword("ON");
            ObjectKind kind = objectKind();
            return new ShowGrants(principal, kind, name());
        }

        /** Words up to ',' or ON: {@code USE CATALOG}, {@code ALL PRIVILEGES}, {@code SELECT}. */
        private String privilege() {
            List<String> words = new ArrayList<>();
            while (peek().type() == SqlTokens.Type.WORD && !peek().is("ON")) words.add(tokens.get(next++).text().toUpperCase(Locale.ROOT));
            if (words.isEmpty()) throw error();
            return String.join(" ", words);
        }

        private ObjectKind objectKind() {
            Token t = peek();
            for (ObjectKind kind : ObjectKind.values()) {
                if (t.is(kind.name())) {
                    next++;
                    return kind;
                }
            }
            if (t.is("DATABASE")) {
                next++;
                return ObjectKind.SCHEMA;
            }
            if (t.is("VOLUME") || t.is("FUNCTION") || t.is("VIEW") || t.is("METASTORE") || t.is("EXTERNAL") || t.is("SHARE")) {
                throw new NotSupported("Securables of type " + t.text().toUpperCase(Locale.ROOT) + " do not exist in the sandbox;"
                        + " grants go on a CATALOG, SCHEMA or TABLE.");
            }
            return ObjectKind.TABLE; // ON c.s.t: TABLE is optional
        }

        /**
         * {@code name type [NOT NULL] [COMMENT 'x']}. In ADD COLUMNS a NOT NULL is recorded (Delta refuses it after
         * parsing) and the column stays nullable.
         */
        private TableColumn column(boolean notNullAllowed, List<String> notNull) {
            String name = identifier("a column name");
            ColumnType type = type();
            boolean nullable = true;
            String comment = null;
            while (true) {
                if (peek().is("NOT")) {
                    next++;
                    keyword("NULL");
                    if (notNullAllowed) nullable = false;
                    else notNull.add(name);
                } else if (peek().is("COMMENT")) {
                    next++;
                    comment = string();
                } else if (peek().is("DEFAULT") || peek().is("GENERATED") || peek().is("MASK") || peek().is("PRIMARY")) {
                    throw new NotSupported(peek().text().toUpperCase(Locale.ROOT) + " on column '" + name
                            + "' is not supported by the sandbox; columns take a type, NOT NULL and COMMENT.");
                } else {
                    break;
                }
            }
            return new TableColumn(name, type, nullable, comment);
        }

        private ColumnType type() {
            Token t = peek();
            if (t.type() != SqlTokens.Type.WORD) throw error();
            next++;
            String word = t.text().toUpperCase(Locale.ROOT);
            return switch (word) {
                case "BOOLEAN" -> ColumnType.of(Kind.BOOLEAN);
                case "TINYINT", "BYTE" -> ColumnType.of(Kind.BYTE);
                case "SMALLINT", "SHORT" -> ColumnType.of(Kind.SHORT);
                case "INT", "INTEGER" -> ColumnType.of(Kind.INT);
                case "BIGINT", "LONG" -> ColumnType.of(Kind.LONG);
                case "FLOAT", "REAL" -> ColumnType.of(Kind.FLOAT);
                case "DOUBLE" -> ColumnType.of(Kind.DOUBLE);
                case "STRING" -> ColumnType.of(Kind.STRING);
                case "BINARY" -> ColumnType.of(Kind.BINARY);
                case "DATE" -> ColumnType.of(Kind.DATE);
                case "TIMESTAMP", "TIMESTAMP_LTZ" -> ColumnType.of(Kind.TIMESTAMP);
                case "TIMESTAMP_NTZ" -> ColumnType.of(Kind.TIMESTAMP_NTZ);
                case "VARCHAR" -> {
                    symbol("(");
                    int n = number();
                    symbol(")");
                    yield new ColumnType.VarChar(n);
                }
                case "DECIMAL", "DEC", "NUMERIC" -> decimal();
                case "ARRAY" -> {
                    symbol("<");
                    ColumnType element = type();
                    symbol(">");
                    yield new ColumnType.Array(element, true);
                }
                case "MAP" -> {
                    symbol("<");
                    ColumnType key = type();
                    symbol(",");
                    ColumnType value = type();
                    symbol(">");
                    yield new ColumnType.MapOf(key, value, true);
                }
                case "STRUCT" -> struct();
                case "CHAR", "CHARACTER", "VARIANT", "INTERVAL", "VOID", "GEOGRAPHY", "GEOMETRY", "OBJECT" -> throw new NotSupported(
                        "The type " + word + " is valid in Databricks SQL but the sandbox's Delta tables cannot hold it (and"
                                + " Zerobus cannot carry it; see the type mapping): use one of BOOLEAN, TINYINT, SMALLINT, INT,"
                                + " BIGINT, FLOAT, DOUBLE, STRING, VARCHAR(n), BINARY, DATE, TIMESTAMP, TIMESTAMP_NTZ,"
                                + " DECIMAL(p,s), ARRAY, MAP, STRUCT.");
                default -> throw new UnknownType(t.text());
            };
        }

        private ColumnType decimal() {
            int precision = 10;
            int scale = 0;
            if (accept("(")) {
                precision = number();
                if (accept(",")) scale = number();
                symbol(")");
            }
            try {
                return new ColumnType.Decimal(precision, scale);
            } catch (IllegalArgumentException e) {
                throw precision > 38
                        ? new NotSupported("[DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision " + precision
                                + " exceeds max precision 38.", "22003")
                        : new NotSupported("[INVALID_PARAMETER_VALUE] DECIMAL(" + precision + "," + scale + "): "
                                + e.getMessage() + ".", "22023");
            }
        }

        private ColumnType struct() {
            symbol("<");
            List<ColumnType.Field> fields = new ArrayList<>();
            if (!peek().isSymbol(">")) {
                do {
                    String name = identifier("a field name");
                    accept(":");
                    ColumnType type = type();
                    boolean nullable = true;
                    if (peek().is("NOT")) {
                        next++;
                        keyword("NULL");
                        nullable = false;
                    }
                    if (peek().is("COMMENT")) {
                        next++;
                        string();
                    }
                    fields.add(new ColumnType.Field(name, type, nullable));
                } while (accept(","));
            }
            symbol(">");
            return new ColumnType.Struct(fields);
        }

        private Name name() {
            List<String> parts = new ArrayList<>(List.of(identifier("a name")));
            while (accept(".")) parts.add(identifier("a name part"));
            if (parts.size() > 3) {
                throw new NotSupported("[REQUIRES_SINGLE_PART_NAMESPACE] The name " + String.join(".", parts)
                        + " has more than three parts: catalog.schema.table.", "42K05");
            }
            return new Name(List.copyOf(parts));
        }

        private String identifier(String what) {
            Token t = peek();
            if (t.type() == SqlTokens.Type.IDENTIFIER || t.type() == SqlTokens.Type.WORD) {
                next++;
                return t.text();
            }
            throw error();
        }

        private String string() {
            Token t = peek();
            if (t.type() != SqlTokens.Type.STRING) throw error();
            next++;
            return t.text();
        }

        private int number() {
            Token t = peek();
            if (t.type() != SqlTokens.Type.NUMBER || !t.text().matches("\\d{1,9}")) throw error();
            next++;
            return Integer.parseInt(t.text());
        }

        private void keyword(String keyword) {
            if (!peek().is(keyword)) throw error();
            next++;
        }

        private void symbol(String symbol) {
            if (!peek().isSymbol(symbol)) throw error();
            next++;
        }

        /** Databricks' PARSE_SYNTAX_ERROR text: "Syntax error at or near 'x'." */
        private SyntaxError error() {
            return new SyntaxError("Syntax error at or near " + peek().quoted() + ".");
        }

        private static NotSupported noExternalLocations() {
            return new NotSupported("The sandbox has no external locations, so it cannot create external tables: leave out"
                    + " EXTERNAL and LOCATION to create a managed table.");
        }
    }
}
