package dev.zerobus.console.catalog;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A token that long catalog and SQL work checks between pages and items. {@link #cancel()} may be called from any
 * thread (thread-safe); the working call then throws {@link CancellationException} without returning partial results.
 */
public final class Cancellation {
    /**
     * Blocking SDK HTTP calls cannot be interrupted, so each one runs on its own virtual thread and the caller waits
     * for it or for a cancel, whichever comes first; an abandoned call finishes in the background and is dropped.
     */
    private static final ExecutorService CALLS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("catalog-call-", 0).factory());

    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

    /** A token that is never cancelled, for callers that don't offer a cancel button (CLI, tests). */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.complete(null);
    }

    public boolean isCancelled() {
        return cancelled.isDone();
    }

    public void throwIfCancelled() {
        if (isCancelled()) throw new CancellationException("Cancelled");
    }

    /** Waits for {@code pause} (between polls); throws {@link CancellationException} as soon as it is cancelled. */
    void pause(Duration pause) {
        try {
            cancelled.get(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e); // never: the token completes only normally
        }
        throwIfCancelled();
    }

    /** Runs one blocking SDK call; returns its value, rethrows its exception, or throws when cancelled meanwhile. */
    <T> T call(Supplier<T> sdkCall) {
        throwIfCancelled();
        CompletableFuture<T> result = CompletableFuture.supplyAsync(sdkCall, CALLS);
        try {
            CompletableFuture.anyOf(result, cancelled).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } catch (ExecutionException e) {
            // the SDK call failed: rethrown below from result.join()
        }
        throwIfCancelled();
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }
}
