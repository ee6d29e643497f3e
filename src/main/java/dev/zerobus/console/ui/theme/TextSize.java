package dev.zerobus.console.ui.theme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * View > Text size: the font size of every window of the console, as a percentage of the theme's own (AtlantaFX
 * Primer sets 14px on {@code .root}). Everything else is sized in em, so the layouts grow with the text.
 */
public enum TextSize {
    NORMAL(100), LARGER(125), LARGEST(150);

    /** The font size AtlantaFX's Primer themes give {@code .root}. */
    static final double THEME_FONT_PX = 14;

    private final int percent;

    TextSize(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** "125 %", as the View menu shows it. */
    public String label() {
        return percent + " %";
    }

    public double fontPx() {
        return THEME_FONT_PX * percent / 100;
    }

    public TextSize larger() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    public TextSize smaller() {
        return values()[Math.max(ordinal() - 1, 0)];
    }

    /**
     * The user-agent stylesheet for the theme at {@code themeUrl} (a whole URL) at this size: a data URL that imports
     * the theme and sets the root font. User-agent, so that every window (dialogs, menus, tooltips) follows.
     */
    String userAgentStylesheet(String themeUrl) {
        String css = "@import url(\"" + themeUrl + "\");\n.root { -fx-font-size: "
                + String.format(Locale.ROOT, "%.1f", fontPx()) + "px; }\n";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** The remembered size ("LARGER"), else 100 %. */
    public static TextSize initial(String remembered) {
        for (TextSize size : values()) if (size.name().equalsIgnoreCase(remembered)) return size;
        return NORMAL;
    }
}
