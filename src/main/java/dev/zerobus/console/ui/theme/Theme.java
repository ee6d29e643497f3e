package dev.zerobus.console.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * Light or dark: AtlantaFX's Primer theme as the user-agent stylesheet plus the console's own stylesheet, which
 * uses only the theme's colour tokens (so it serves both). Call on the FX thread.
 */
public enum Theme {
    LIGHT, DARK;

    private static final String CONSOLE_CSS = Objects.requireNonNull(
            Theme.class.getResource("/dev/zerobus/console/ui/theme/console.css")).toExternalForm();

    public void apply(Scene scene) {
        apply(scene, TextSize.NORMAL);
    }

    /** The theme at a text size (View > Text size); the size holds for every window, as the theme does. */
    public void apply(Scene scene, TextSize textSize) {
        String primer = this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        // AtlantaFX names a class-path resource; the text size's data URL needs the whole URL to import it.
        Application.setUserAgentStylesheet(textSize == TextSize.NORMAL ? primer
                : textSize.userAgentStylesheet(Objects.requireNonNull(Theme.class.getResource(primer)).toExternalForm()));
        if (!scene.getStylesheets().contains(CONSOLE_CSS)) scene.getStylesheets().add(CONSOLE_CSS);
        scene.getRoot().pseudoClassStateChanged(PseudoClass.getPseudoClass("dark"), this == DARK);
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }

    /**
     * The theme to start with: the remembered one, else the desktop's preference where it can be read
     * (GTK_THEME ending in ":dark" or containing "-dark"), else light. JavaFX 21 has no platform-preference API.
     */
    public static Theme initial(String remembered) {
        if (remembered != null && !remembered.isBlank()) {
            try {
                return valueOf(remembered.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // An unknown value falls through to the desktop's preference.
            }
        }
        String gtk = System.getenv("GTK_THEME");
        return gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
    }
}
