package dev.zerobus.console.ui.records.compose;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ingest.IngestException;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.SessionListener;
import dev.zerobus.console.ingest.SessionOptions;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ErrorExplainer.Explanation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composer's one stream on a table: opened on the first send, kept while the pane is used, closed when the
 * table, profile or record type changes. Every SDK call runs on one platform thread of its own, so records go out
 * in the order they were sent and the FX thread never waits. Thread-safe.
 */
final class ComposerSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComposerSession.class);

    private final ConnectionProfile profile;
    private final TableDetails table;
    private final RecordFormat format;
    private final Consumer<IngestionSession> onOpened;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("composer-sender").daemon().factory());
    private final Map<Long, SentRecord> pending = new ConcurrentHashMap<>();
    private volatile @Nullable IngestionSession session;

    /** {@code onOpened} runs on the sender thread once the stream is open. */
    ComposerSession(ConnectionProfile profile, TableDetails table, RecordFormat format, Consumer<IngestionSession> onOpened) {
        this.profile = profile;
        this.table = table;
        this.format = format;
        this.onOpened = onOpened;
    }

    boolean matches(ConnectionProfile p, TableDetails t, RecordFormat f) {
        return profile.equals(p) && table.fullName().equals(t.fullName()) && format == f;
    }

    RecordFormat format() { return format; }

    /** Queues one encoded record (String for JSON, byte[] for PROTO); the record's fields say what became of it. */
    void send(Object payload, SentRecord record) {
        sender.execute(() -> {
            try {
                IngestionSession open = open();
                pending.put(record.index(), record);
                open.ingest(payload, record.index());
                record.sent(open.metrics().snapshot().lastOffsetSent());
            } catch (IngestException e) {
                pending.remove(record.index());
                record.failed(e.explanation().cause() + " " + e.explanation().fix());
            }
        });
    }

    private IngestionSession open() throws IngestException {
        IngestionSession current = session;
        if (current != null && !current.state().isTerminal()) return current;
        SessionOptions options = format == RecordFormat.JSON
                ? SessionOptions.json(profile, table.fullName())
                : SessionOptions.proto(profile, table.fullName(), ProtoSchemaMapper.map(table.schema()).descriptor());
        current = IngestionSession.open(options, new SessionListener() {
            @Override public void onDurable(long sourceIndex, int count) {
                for (long i = sourceIndex; i < sourceIndex + count; i++) {
                    SentRecord r = pending.remove(i);
                    if (r != null) r.acked();
                }
            }

            @Override public void onFailed(long sourceIndex, int count, Explanation why) {
                for (long i = sourceIndex; i < sourceIndex + count; i++) {
                    SentRecord r = pending.remove(i);
                    if (r != null) r.failed(why.cause() + " " + why.fix());
                }
            }
        });
        session = current;
        onOpened.accept(current);
        return current;
    }

    /** Flushes and closes the stream on the sender thread, then stops that thread. Returns at once. */
    @Override
    public void close() {
        sender.execute(() -> {
            IngestionSession current = session;
            if (current == null) return;
            try {
                current.close();
            } catch (IngestException e) {
                LOG.info("The composer's stream on {} closed with a failure: {}", table.fullName(), e.explanation().cause());
            }
        });
        sender.shutdown();
    }
}
