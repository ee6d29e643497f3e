package dev.zerobus.console.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats the console loads records from. */
public enum SourceFormat {
    CSV,
    /** One JSON object per line; blank lines are skipped. */
    JSON_LINES,
    /** One top-level array of objects: {@code [ {...}, {...} ]}. */
    JSON_ARRAY;

    private static final int SNIFF_BYTES = 4096;

    /**
     * Detects the format from the extension, then from the first non-blank character when the extension is
     * {@code .json} or unknown: {@code [} means a JSON array, <code>{</code> JSON Lines, anything else CSV.
     * Reads at most the first 4 KiB.
     */
    public static SourceFormat detect(Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".tab")) return CSV;
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".ldjson")) return JSON_LINES;
        return switch (firstSignificantChar(path)) {
            case '[' -> JSON_ARRAY;
            case '{' -> JSON_LINES;
            default -> CSV;
        };
    }

    /** The first character that is not whitespace or a UTF-8 byte order mark, or 0 for an empty file. */
    static char firstSignificantChar(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < head.length; i++) {
            char c = (char) (head[i] & 0xFF);
            if (!Character.isWhitespace(c)) return c;
        }
        return 0;
    }
}
