package dev.zerobus.console.sandbox.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokenizer both sandbox SQL parsers ({@link SelectStatement}, {@link DdlStatement}) read: words, backticked
 * identifiers, quoted strings (doubled quote or backslash escapes), numbers, one-character symbols, {@code --}
 * comments. Stateless.
 */
final class SqlTokens {
    private static final String SYMBOLS = "*,.=();<>:";

    private SqlTokens() {}

    enum Type { WORD, IDENTIFIER, STRING, NUMBER, SYMBOL, END }

    record Token(Type type, String text) {
        boolean is(String keyword) {
            return type == Type.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean isSymbol(String symbol) {
            return type == Type.SYMBOL && text.equals(symbol);
        }

        /** For messages: {@code 'word'}, or "the end of the statement". */
        String describe() {
            return type == Type.END ? "the end of the statement" : "'" + text + "'";
        }

        /** As Databricks quotes the token in PARSE_SYNTAX_ERROR: {@code 'word'}, {@code '`name`'} or {@code end of input}. */
        String quoted() {
            return switch (type) {
                case END -> "end of input";
                case IDENTIFIER -> "'`" + text + "`'";
                case STRING -> "''" + text + "''";
                default -> "'" + text + "'";
            };
        }
    }

    /** Where a parser stands in the tokens; both sandbox SQL parsers step through them this way. */
    abstract static class Cursor {
        final List<Token> tokens;
        int next;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        /** The token at the cursor, not consumed; the last token is always END. */
        Token peek() {
            return tokens.get(next);
        }

        /** Consumes {@code symbol} when it is next; false (nothing consumed) otherwise. */
        boolean accept(String symbol) {
            if (!peek().isSymbol(symbol)) return false;
            next++;
            return true;
        }
    }

    /** Text that is no token: {@code near} quotes where, as PARSE_SYNTAX_ERROR does; the message says what. */
    static final class Malformed extends RuntimeException {
        final String near;

        Malformed(String message, String near) {
            super(message);
            this.near = near;
        }
    }

    /** The tokens of {@code sql}, ending with one END token. */
    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) i++;
                tokens.add(new Token(Type.WORD, sql.substring(start, i)));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
                int start = i++;
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) i++;
                tokens.add(new Token(Type.NUMBER, sql.substring(start, i)));
            } else if (c == '`' || c == '\'' || c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= sql.length()) {
                        throw new Malformed("Unterminated " + (c == '`' ? "identifier" : "string") + " in the statement.", "end of input");
                    }
                    char d = sql.charAt(i++);
                    if (d == c) {
                        if (i < sql.length() && sql.charAt(i) == c) { text.append(c); i++; continue; }
                        break;
                    }
                    if (d == '\\' && c != '`' && i < sql.length()) d = sql.charAt(i++);
                    text.append(d);
                }
                tokens.add(new Token(c == '`' ? Type.IDENTIFIER : Type.STRING, text.toString()));
            } else if (SYMBOLS.indexOf(c) >= 0) {
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c)));
                i++;
            } else {
                throw new Malformed("Unexpected character '" + c + "' at position " + (i + 1) + ".", "'" + c + "'");
            }
        }
        tokens.add(new Token(Type.END, ""));
        return tokens;
    }
}
