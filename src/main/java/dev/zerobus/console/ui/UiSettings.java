package dev.zerobus.console.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the console remembers between runs (window bounds, theme, last pane, profile and table), in the JDK's
 * per-user Preferences store. Never a secret. Thread-safe (Preferences is).
 */
public final class UiSettings {
    private final Preferences prefs;

    public UiSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public static UiSettings user() {
        return new UiSettings(Preferences.userRoot().node("dev/zerobus/console"));
    }

    public String get(String key, String fallback) { return prefs.get(key, fallback); }
    public void put(String key, String value) { prefs.put(key, value); }
    public double getDouble(String key, double fallback) { return prefs.getDouble(key, fallback); }
    public void putDouble(String key, double value) { prefs.putDouble(key, value); }
    public long getLong(String key, long fallback) { return prefs.getLong(key, fallback); }
    public void putLong(String key, long value) { prefs.putLong(key, value); }
    public boolean getBoolean(String key, boolean fallback) { return prefs.getBoolean(key, fallback); }
    public void putBoolean(String key, boolean value) { prefs.putBoolean(key, value); }

    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException ignored) {
            // Remembering window state is a convenience; failing to save it must not stop the console.
        }
    }
}
