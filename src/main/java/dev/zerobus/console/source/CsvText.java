package dev.zerobus.console.source;

import java.util.List;

/** Joins cells into one CSV line, quoting only where needed. Stateless. */
final class CsvText {
    private CsvText() {}

    static String join(List<String> cells, char delimiter) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(delimiter);
            String cell = cells.get(i);
            if (cell == null) continue;
            boolean quote = cell.indexOf(delimiter) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
            line.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return line.toString();
    }
}
