package dev.zerobus.console.cli;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Rows printed in left-aligned columns under a header and a dashed rule; SQL NULL shows as {@code NULL}. */
final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    TextTable add(List<@Nullable String> row) {
        List<String> cells = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            String value = i < row.size() ? row.get(i) : null;
            cells.add(value == null ? "NULL" : value.replace("\n", "\\n"));
        }
        rows.add(cells);
        return this;
    }

    String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        var text = new StringBuilder();
        line(text, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) rule.add("-".repeat(width));
        line(text, rule, widths);
        for (List<String> row : rows) line(text, row, widths);
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append("  ");
            line.append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length()));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
