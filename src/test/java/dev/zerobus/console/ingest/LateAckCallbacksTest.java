package dev.zerobus.console.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.zerobus.AckCallback;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusJsonStream;
import com.databricks.zerobus.ZerobusSdk;
import dev.zerobus.console.sandbox.SandboxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK (1.0.1) hands ACKs to its callback on a separate task, through a queue: its receiver reads the service's
 * last ACKs, queues the callbacks, reads the error that ends the stream and fails {@code ingest} at once. On a loaded
 * machine the producer can meet that error before the callbacks ran. Here the first stream's callbacks are held back
 * (as a busy machine delays them) until the session either says it waits for them or has moved on to a second
 * stream; the records they ACK must not be sent again.
 */
class LateAckCallbacksTest {
    private static final String TABLE = "main.default.sensor_readings";
    private static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200));
    @RegisterExtension final SandboxExtension sandbox = new SandboxExtension();

    private static String json(long i) {
        return "{\"device_name\":\"dev-" + i + "\",\"temp\":" + (i % 40) + ",\"humidity\":" + (i % 100) + ",\"ts\":" + (1_714_566_600_000_000L + i) + "}";
    }

    /**
     * The official SDK; the first stream's ACK callbacks are handed, in order, to a thread that delivers them only after
     * {@link #release} (the SDK's own callback task is never blocked). Any later stream's callback releases them.
     */
    static final class LateCallbacksSdk extends ZerobusSdk {
        final CountDownLatch release = new CountDownLatch(1);
        final List<ZerobusJsonStream> streams = new CopyOnWriteArrayList<>();
        final ExecutorService late = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "late-ack-callbacks");
            t.setDaemon(true);
            return t;
        });

        LateCallbacksSdk(String endpoint, String workspace) {
            super(endpoint, workspace);
            late.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        public CompletableFuture<ZerobusJsonStream> createJsonStream(String table, String clientId, String secret, StreamConfigurationOptions o) {
            AckCallback inner = o.getNewAckCallback().orElseThrow();
            boolean first = streams.isEmpty();
            AckCallback callback = new AckCallback() {
                @Override public void onAck(long offset) {
                    deliver(first, () -> inner.onAck(offset));
                }
                @Override public void onError(long offset, String message) {
                    deliver(first, () -> inner.onError(offset, message));
                }
            };
            var options = StreamConfigurationOptions.builder().setRecovery(o.recovery()).setMaxInflightRecords(o.maxInflightRecords())
                    .setServerLackOfAckTimeoutMs(o.serverLackOfAckTimeoutMs()).setFlushTimeoutMs(o.flushTimeoutMs())
                    .setAckCallback(callback).build();
            return super.createJsonStream(table, clientId, secret, options).thenApply(s -> {
                streams.add(s);
                return s;
            });
        }

        private void deliver(boolean first, Runnable callback) {
            if (first) {
                late.execute(callback);
            } else {
                release.countDown();
                callback.run();
            }
        }
    }

    /** Records the events; one saying the session waits for the ended stream's ACKs releases the held callbacks. */
    static final class Listener implements SessionListener {
        final LateCallbacksSdk sdk;
        final List<IngestEvent> events = new CopyOnWriteArrayList<>();
        final Map<Long, Integer> durable = new HashMap<>();

        Listener(LateCallbacksSdk sdk) {
            this.sdk = sdk;
        }

        @Override public synchronized void onDurable(long sourceIndex, int count) {
            for (long i = sourceIndex; i < sourceIndex + count; i++) durable.merge(i, 1, Integer::sum);
        }
        @Override public void onEvent(IngestEvent event) {
            events.add(event);
            if (event.message().startsWith("Waiting for the acknowledgements")) sdk.release.countDown();
        }
    }

    @Test
    void recordsTheEndedStreamAckedAreNotSentAgainWhenItsCallbacksRunLate() throws Exception {
        int batches = 10;
        int perBatch = 100;
        int firstStream = batches * perBatch;
        sandbox.faults().closeStreamsAfter(firstStream); // ACKs every durable request, then ends the stream (6002)
        var options = SessionOptions.json(sandbox.profile(), TABLE).withRetry(FAST);
        var sdk = new LateCallbacksSdk(options.endpointUrl(), options.workspaceUrl());
        var listener = new Listener(sdk);
        long sent = 0;
        try (var session = IngestionSession.open(sdk, options, listener)) {
            for (int b = 0; b < batches; b++) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) batch.add(json(sent + i));
                session.ingestBatch(batch, sent);
                sent += perBatch;
            }
            // The service ACKs all of them and ends the stream; the requests below reach a stream that is ending or ended,
            // so the session meets the end while the first stream's callbacks are still held.
            for (int b = 0; b < 2; b++) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < perBatch; i++) batch.add(json(sent + i));
                session.ingestBatch(batch, sent);
                sent += perBatch;
            }
            session.flush();
            var snapshot = session.metrics().snapshot();
            assertThat(snapshot.recordsAcked()).isEqualTo(sent);
            assertThat(snapshot.rotations()).isPositive();
            // Only the requests sent after the service's close point were unACKed (the service drops them): at most those
            // are re-sent; the first stream's records, all ACKed before the close, never are.
            assertThat(snapshot.recordsResent()).as("re-sent records").isLessThanOrEqualTo(sent - firstStream);
        } finally {
            sdk.release.countDown();
            sdk.late.shutdown();
            sdk.close();
        }
        var table = sandbox.context().state().table(TABLE);
        Map<String, Integer> byId = new HashMap<>();
        for (Object[] row : sandbox.context().tables().read(table.tableId(), table.schema(), -1)) byId.merge((String) row[0], 1, Integer::sum);
        Map<String, Integer> duplicates = new HashMap<>();
        byId.forEach((id, n) -> {
            if (n > 1) duplicates.put(id, n);
        });
        assertThat(duplicates).as("rows landed more than once").isEmpty();
        assertThat(byId).hasSize((int) sent);
        for (long i = 0; i < sent; i++) assertThat(byId).containsKey("dev-" + i);
        synchronized (listener) {
            assertThat(listener.durable).hasSize((int) sent);
            assertThat(listener.durable.values()).allMatch(n -> n == 1);
        }
    }
}
