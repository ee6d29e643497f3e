package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.setup.SetupException;
import dev.zerobus.console.workspace.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pane's slow work: each call runs on the background executor with its own {@link Cancellation}, and exactly one
 * outcome comes back through {@code fx}. {@link #cancelAll()} stops every running call; a cancelled call's result is
 * dropped. Its properties are touched on the fx executor only.
 */
final class Activities {
    private static final Logger LOG = LoggerFactory.getLogger(Activities.class);

    /** What to do with one outcome; {@code always} runs after any of them (also after a cancel). */
    record Outcome<T>(Consumer<T> done, Consumer<Problem> failed, Runnable always) {}

    private final Executor background;
    private final Executor fx;
    private final List<Cancellation> running = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");

    Activities(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** What the most recent running call does ("Loading tables of main.default…"). */
    ReadOnlyStringProperty labelProperty() { return label.getReadOnlyProperty(); }

    <T> void run(String what, Function<Cancellation, T> work, Outcome<T> outcome) {
        var token = new Cancellation();
        running.add(token);
        label.set(what);
        busy.set(true);
        CompletableFuture.supplyAsync(() -> work.apply(token), background)
                .whenCompleteAsync((value, error) -> finish(token, value, error, outcome), fx);
    }

    void cancelAll() {
        List.copyOf(running).forEach(Cancellation::cancel);
    }

    private <T> void finish(Cancellation token, T value, Throwable error, Outcome<T> outcome) {
        running.remove(token);
        busy.set(!running.isEmpty());
        try {
            if (token.isCancelled()) return;
            if (error == null) {
                outcome.done().accept(value);
            } else {
                Problem problem = problemOf(error);
                if (problem != null) outcome.failed().accept(problem);
            }
        } finally {
            outcome.always().run();
        }
    }

    /** The user's wording for a failure; null for a cancel (nothing to report). */
    static Problem problemOf(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) return null;
        if (cause instanceof CatalogException catalog) return catalog.problem();
        if (cause instanceof SetupException setup) return setup.problem();
        LOG.error("Catalog call failed unexpectedly", cause);
        return new Problem("The catalog call stopped unexpectedly.",
                "Try again; if it repeats, attach the log file to a bug report.", null, cause);
    }
}
