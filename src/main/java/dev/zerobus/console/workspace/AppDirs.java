package dev.zerobus.console.workspace;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Per-user folders of the console, following each OS's convention. */
public final class AppDirs {
    private AppDirs() {}

    /** Settings and saved profiles: $XDG_CONFIG_HOME/zerobus-console, %APPDATA%\ZerobusConsole, ~/Library/Application Support/ZerobusConsole. */
    public static Path config() {
        return config(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
    }

    static Path config(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("ZerobusConsole");
        }
        if (os.contains("mac")) return home.resolve("Library/Application Support/ZerobusConsole");
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("zerobus-console");
    }

    /**
     * What the console keeps about its last session (unfinished loads): $XDG_STATE_HOME/zerobus-console (default
     * ~/.local/state) on Linux; the config folder on Windows and macOS, which have no separate state folder.
     */
    public static Path state() {
        return state(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv());
    }

    static Path state(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return config(osName, home, env);
        String xdg = env.get("XDG_STATE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/state")).resolve("zerobus-console");
    }

    /** {@code DATABRICKS_CONFIG_FILE} or {@code ~/.databrickscfg}, as databricks-sdk-java reads it. */
    public static Path databricksConfigFile(Map<String, String> env) {
        String file = env.get("DATABRICKS_CONFIG_FILE");
        return file != null && !file.isBlank() ? Path.of(file) : Path.of(System.getProperty("user.home"), ".databrickscfg");
    }
}
