package dev.zerobus.console.workspace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place that pulls a GRANT statement out of an error text. Zerobus and Unity Catalog quote the statement
 * that fixes a permission error ("... GRANT SELECT, MODIFY ON TABLE main.default.t TO `sp`"); the console shows it
 * as the fix, word for word.
 */
public final class GrantStatements {
    /** From GRANT to the first backquoted principal after TO, never across a line or a statement's end. */
    private static final Pattern GRANT = Pattern.compile("(GRANT [^\\n;]*? TO `[^`]+`)");

    private GrantStatements() {}

    /** The first GRANT statement quoted in the text (without a trailing semicolon), or null. */
    public static @Nullable String firstIn(String text) {
        Matcher m = GRANT.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
