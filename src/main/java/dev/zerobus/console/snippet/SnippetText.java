package dev.zerobus.console.snippet;

import java.util.List;
import java.util.function.IntFunction;

/** String literals and comments for the snippet languages: everything user-named passes through here. */
final class SnippetText {
    private SnippetText() {}

    static String quoteJson(String s) {
        return quote(s, c -> String.format("\\u%04x", c));
    }

    /** JavaScript/TypeScript double-quoted literal (JSON escapes are valid JS escapes). */
    static String quoteJs(String s) {
        return quote(s.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"), c -> String.format("\\u%04x", c));
    }

    /** Java literal: control characters as octal, since javac turns backslash-u escapes into raw characters first. */
    static String quoteJava(String s) {
        return quote(s, c -> String.format("\\%03o", c));
    }

    static String quotePython(String s) {
        return quote(s, c -> String.format("\\x%02x", c));
    }

    static String quoteGo(String s) {
        return quote(s, c -> String.format("\\x%02x", c));
    }

    static String quoteRust(String s) {
        return quote(s, c -> String.format("\\u{%x}", c));
    }

    private static String quote(String s, IntFunction<String> control) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) out.append(control.apply(c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    /** One comment line: a name with a line break in it must not end the comment and start code. */
    static String commentSafe(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        return out.toString();
    }

    /** Prefixes each line (already split) with the language's line-comment marker. */
    static String comment(String marker, List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            for (String part : line.split("\n", -1)) {
                String safe = commentSafe(part).stripTrailing();
                out.append(safe.isEmpty() ? marker : marker + " " + safe).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code sensor_readings} -> {@code SensorReadings}; non-identifier characters split words too. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    static String indent(int spaces) {
        return " ".repeat(spaces);
    }
}
