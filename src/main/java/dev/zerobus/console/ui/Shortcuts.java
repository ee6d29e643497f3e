package dev.zerobus.console.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut of the console, registered by the window and the panes, listed in Help > Shortcuts. */
public final class Shortcuts {
    public record Shortcut(KeyCombination keys, String description, Runnable action) {}

    private final List<Shortcut> shortcuts = new ArrayList<>();
    private Scene scene;

    /** Registers a shortcut; it works once the window's scene is attached. FX thread only. */
    public void add(String keys, String description, Runnable action) {
        var shortcut = new Shortcut(KeyCombination.keyCombination(keys), description, action);
        shortcuts.add(shortcut);
        if (scene != null) scene.getAccelerators().put(shortcut.keys(), action);
    }

    public void attach(Scene scene) {
        this.scene = scene;
        shortcuts.forEach(s -> scene.getAccelerators().put(s.keys(), s.action()));
    }

    /** Runs the shortcut registered for these keys (a menu item's action), if any. */
    public void run(String keys) {
        var combination = KeyCombination.keyCombination(keys);
        shortcuts.stream().filter(s -> s.keys().equals(combination)).findFirst().ifPresent(s -> s.action().run());
    }

    public List<Shortcut> all() {
        return List.copyOf(shortcuts);
    }
}
