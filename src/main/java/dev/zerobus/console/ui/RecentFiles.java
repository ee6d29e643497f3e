package dev.zerobus.console.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The files imported lately, newest first, remembered in the settings (paths only, never contents), for
 * File > Recent files. FX thread only.
 */
public final class RecentFiles {
    static final String KEY = "recent.files";
    static final int KEEP = 8;

    private final UiSettings settings;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private @Nullable Consumer<Path> opener;

    public RecentFiles(UiSettings settings) {
        this.settings = settings;
        for (String line : settings.get(KEY, "").split("\n")) if (!line.isBlank()) files.add(Path.of(line));
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /** Puts the file first (once) and remembers the list. */
    public void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        var next = new ArrayList<>(List.of(absolute));
        files.stream().filter(f -> !f.equals(absolute)).limit(KEEP - 1).forEach(next::add);
        files.setAll(next);
        settings.put(KEY, String.join("\n", next.stream().map(Path::toString).toList()));
    }

    /** What opening a recent file does (the Records pane imports it); set by the pane that can. */
    public void setOpener(Consumer<Path> opener) {
        this.opener = opener;
    }

    public void open(Path file) {
        if (opener != null) opener.accept(file);
    }
}
