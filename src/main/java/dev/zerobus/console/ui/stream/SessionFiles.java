package dev.zerobus.console.ui.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/** The pane's files: export the event log, save a session bundle, open one read-only. I/O runs on {@code background}. */
public final class SessionFiles {
    /** A bundle opened for viewing: its file and its entries by name. */
    public record OpenedBundle(Path file, Map<String, String> entries) {}

    private final StreamModel model;
    private final Supplier<SessionBundle.@Nullable Content> content;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<@Nullable OpenedBundle> opened = new ReadOnlyObjectWrapper<>();

    public SessionFiles(StreamModel model, Supplier<SessionBundle.@Nullable Content> content, Executor background, Executor fx) {
        this.model = model;
        this.content = content;
        this.background = background;
        this.fx = fx;
    }

    /** The last bundle opened; the view shows it in a read-only window. */
    public ReadOnlyObjectProperty<@Nullable OpenedBundle> openedProperty() { return opened.getReadOnlyProperty(); }

    /** Writes the events that pass the filter, one line each. */
    public void exportEvents(Path file) {
        List<EventRow> rows = List.copyOf(model.filteredEvents());
        io(() -> {
            StringBuilder text = new StringBuilder();
            rows.forEach(r -> text.append(r.line()).append('\n'));
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return null;
        }, ok -> model.report("Exported " + rows.size() + " event(s) to " + file.getFileName() + ".", false));
    }

    public void saveBundle(Path file) {
        SessionBundle.Content c = content.get();
        if (c == null) {
            model.report("Nothing to save: select an ingestion first.", true);
            return;
        }
        io(() -> {
            SessionBundle.write(file, c);
            return null;
        }, ok -> model.report("Saved the session to " + file.getFileName() + " (no secret inside)"
                + (c.sampleRows().isEmpty() ? "; run Verify first to include sample rows." : "."), false));
    }

    public void openBundle(Path file) {
        io(() -> SessionBundle.read(file), entries -> opened.set(new OpenedBundle(file, entries)));
    }

    private interface Io<T> { T run() throws IOException; }

    private <T> void io(Io<T> work, Consumer<T> done) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).whenCompleteAsync((result, error) -> {
            if (error == null) done.accept(result);
            else model.report(StreamProblems.describe(error instanceof UncheckedIOException u ? u.getCause()
                    : error.getCause() instanceof UncheckedIOException u2 ? u2.getCause() : error), true);
        }, fx);
    }
}
