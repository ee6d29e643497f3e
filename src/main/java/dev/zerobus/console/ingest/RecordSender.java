package dev.zerobus.console.ingest;

import dev.zerobus.console.codec.CodecResult;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.workspace.Problem;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream on a table for records sent one by one (the Records pane's composer): opened on the first send, kept
 * until {@link #close()}, each record with its own outcome. Encoding and every SDK call run on the injected executor,
 * one task at a time in the order of the calls, so records go out in the order they were sent and the caller never
 * waits. Thread-safe.
 */
public final class RecordSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordSender.class);

    /** What became of one record; called from the executor's thread and the SDK's ACK thread. */
    public interface Outcome {
        /** Handed to the stream at this offset, not durable yet. */
        void sent(long offset);

        /** Durable in the table. */
        void acked();

        /** Not encoded, refused or lost with the stream: why, with the fix, in the user's words. */
        void failed(String why);
    }

    private final SessionOptions options;
    private final Executor executor;
    private final Consumer<IngestionSession> onOpened;
    private final Map<Long, Outcome> pending = new ConcurrentHashMap<>();
    private final Object order = new Object();
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null); // guarded by order
    private volatile @Nullable IngestionSession session;
    private long nextIndex; // executor tasks only, one at a time

    /** {@code onOpened} runs on the executor once the stream is open (each time it is opened again after a failure). */
    public RecordSender(SessionOptions options, Executor executor, Consumer<IngestionSession> onOpened) {
        this.options = options;
        this.executor = executor;
        this.onOpened = onOpened;
    }

    public SessionOptions options() { return options; }

    /**
     * Sends {@code count} records in one task on the executor: record {@code i}'s JSON comes from {@code jsonAt} (called
     * there, so generating copies stays off the caller's thread), {@code outcomeFor} gives it its outcome, then it is
     * encoded with the codec in the stream's format and handed to the stream. Returns at once.
     */
    public void send(RecordCodec codec, int count, IntFunction<String> jsonAt, Function<String, Outcome> outcomeFor) {
        inOrder(() -> {
            for (int i = 0; i < count; i++) {
                String json = jsonAt.apply(i);
                Outcome outcome = outcomeFor.apply(json);
                CodecResult<?> encoded = options.format() == RecordFormat.JSON ? codec.toJson(json) : codec.toProto(json);
                switch (encoded) {
                    case CodecResult.Encoded<?> e -> ingest(e.value(), outcome);
                    case CodecResult.Invalid<?> invalid -> outcome.failed(invalid.errors().getFirst().describe());
                }
            }
        });
    }

    /** Runs a task on the executor after every task queued before it: the order of sends is the order of records. */
    public void inOrder(Runnable task) {
        synchronized (order) {
            last = last.thenRunAsync(task, executor).exceptionally(e -> {
                LOG.warn("A task of the record sender on {} failed", options.table(), e);
                return null;
            });
        }
    }

    private void ingest(Object payload, Outcome outcome) {
        long index = nextIndex++;
        try {
            IngestionSession open = open();
            pending.put(index, outcome);
            open.ingest(payload, index);
            outcome.sent(open.metrics().snapshot().lastOffsetSent());
        } catch (IngestException e) {
            pending.remove(index);
            outcome.failed(e.problem().message() + " " + e.problem().fix());
        }
    }

    private IngestionSession open() throws IngestException {
        IngestionSession current = session;
        if (current != null && !current.state().isTerminal()) return current;
        current = IngestionSession.open(options, new SessionListener() {
            @Override public void onDurable(long sourceIndex, int count) {
                for (long i = sourceIndex; i < sourceIndex + count; i++) {
                    Outcome o = pending.remove(i);
                    if (o != null) o.acked();
                }
            }

            @Override public void onFailed(long sourceIndex, int count, Problem why) {
                for (long i = sourceIndex; i < sourceIndex + count; i++) {
                    Outcome o = pending.remove(i);
                    if (o != null) o.failed(why.message() + " " + why.fix());
                }
            }
        });
        session = current;
        onOpened.accept(current);
        return current;
    }

    /** Flushes and closes the stream after the records queued before; returns at once. */
    @Override
    public void close() {
        inOrder(() -> {
            IngestionSession current = session;
            if (current == null) return;
            try {
                current.close();
            } catch (IngestException e) {
                LOG.info("The record sender's stream on {} closed with a failure: {}", options.table(), e.problem().message());
            }
        });
    }
}
