package dev.zerobus.console.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.zerobus.console.Await;
import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.CodecResult;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ErrorExplainer;
import dev.zerobus.console.workspace.Problem;
import dev.zerobus.console.workspace.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IngestionSessionTest {
    private static final String TABLE = "main.default.sensor_readings";
    private static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200));
    @RegisterExtension final SandboxExtension sandbox = new SandboxExtension();

    private static String json(long i) {
        return "{\"device_name\":\"dev-" + i + "\",\"temp\":" + (i % 40) + ",\"humidity\":" + (i % 100) + ",\"ts\":" + (1_714_566_600_000_000L + i) + "}";
    }

    private List<Object[]> rows() {
        var table = sandbox.context().state().table(TABLE);
        return sandbox.context().tables().read(table.tableId(), table.schema(), -1);
    }

    private Set<String> devices() {
        Set<String> devices = new HashSet<>();
        rows().forEach(r -> devices.add((String) r[0]));
        return devices;
    }

    /** Counts durable rows by source index, as a load job does. */
    static final class Durable implements SessionListener {
        final AtomicLong records = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final List<IngestEvent> events = new ArrayList<>();
        @Override public void onDurable(long sourceIndex, int count) { records.addAndGet(count); }
        @Override public void onFailed(long sourceIndex, int count, Problem why) { failed.addAndGet(count); }
        @Override public synchronized void onEvent(IngestEvent event) { events.add(event); }
    }

    @Test
    void ingestsJsonRecordsAndReportsEachOneDurable() throws Exception {
        var durable = new Durable();
        try (var session = IngestionSession.open(SessionOptions.json(sandbox.profile(), TABLE), durable)) {
            for (long i = 0; i < 10_000; i++) session.ingest(json(i), i);
            session.flush();
            var snapshot = session.metrics().snapshot();
            assertThat(snapshot.recordsSent()).isEqualTo(10_000);
            assertThat(snapshot.recordsAcked()).isEqualTo(10_000);
            assertThat(snapshot.recordsInFlight()).isZero();
            assertThat(snapshot.ackedOffset()).isEqualTo(9_999);
            assertThat(snapshot.retries()).isZero();
            assertThat(session.state()).isEqualTo(SessionState.OPEN);
        }
        assertThat(durable.records.get()).isEqualTo(10_000);
        assertThat(rows()).hasSize(10_000);
    }

    @Test
    void ingestsProtoBatchesEncodedByTheCodec() throws Exception {
        TableSchema schema = sandbox.context().state().table(TABLE).schema();
        var codec = RecordCodec.forTable(schema, CodecOptions.defaults());
        var durable = new Durable();
        try (var session = IngestionSession.open(SessionOptions.proto(sandbox.profile(), TABLE, codec.protoSchema().descriptor())
                .withMaxInflightRequests(256), durable)) {
            for (int batch = 0; batch < 10; batch++) {
                List<byte[]> records = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    long n = batch * 1000L + i;
                    var encoded = codec.toProto(Map.of("device_name", "dev-" + n, "temp", 20, "ts", "2024-05-01T12:30:00Z"));
                    records.add(((CodecResult.Encoded<byte[]>) encoded).value());
                }
                session.ingestBatch(records, batch * 1000L);
            }
            session.flush();
            assertThat(session.metrics().snapshot().recordsAcked()).isEqualTo(10_000);
        }
        assertThat(devices()).hasSize(10_000).contains("dev-0", "dev-9999");
        assertThat(rows().get(0)[3]).isEqualTo(1_714_566_600_000_000L);
    }

    @Test
    void rollsToANewStreamWhenTheServerEndsOneAndLosesNothing() throws Exception {
        // "Stream timeout reached" (6002) is how the service ends a stream on schedule: a planned rotation
        sandbox.faults().closeStreamsAfter(2_500);
        var durable = new Durable();
        try (var session = IngestionSession.open(SessionOptions.json(sandbox.profile(), TABLE).withRetry(FAST), durable)) {
            for (long i = 0; i < 10_000; i++) session.ingest(json(i), i);
            session.flush();
            var snapshot = session.metrics().snapshot();
            assertThat(snapshot.recordsAcked()).isEqualTo(10_000);
            assertThat(snapshot.rotations()).isGreaterThanOrEqualTo(3);
            assertThat(snapshot.retries()).isZero();
            assertThat(snapshot.errors()).isZero();
            assertThat(session.metrics().events()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(IngestEvent.Kind.ROTATED);
                assertThat(e.message()).startsWith("Planned rotation 1: the service ended the stream on schedule (code 6002)");
            });
            assertThat(session.metrics().events()).noneMatch(e -> e.kind() == IngestEvent.Kind.ERROR || e.kind() == IngestEvent.Kind.RETRY);
        }
        assertThat(durable.records.get()).isEqualTo(10_000);
        Set<String> devices = devices();
        for (long i = 0; i < 10_000; i++) assertThat(devices).contains("dev-" + i);
    }

    @Test
    void aCloseAnnouncedByCloseStreamSignalIsAPlannedRotationWithEveryRecordOnce() throws Exception {
        sandbox.faults().closeSignalAfter(1_000, Duration.ofMillis(200));
        var durable = new Durable();
        long sent = 0;
        try (var session = IngestionSession.open(SessionOptions.json(sandbox.profile(), TABLE).withRetry(FAST), durable)) {
            // The server closes the stream 200 ms after its signal: keep sending (flushing every 1,000) until the session
            // has met the close, however fast this machine sends, then a little more on the new stream.
            long until = Long.MAX_VALUE;
            while (sent < until && sent < 500_000) {
                session.ingest(json(sent), sent);
                sent++;
                if (sent % 1_000 == 0) session.flush();
                if (until == Long.MAX_VALUE && session.metrics().rotations() > 0) until = sent + 1_000;
            }
            session.flush();
            var snapshot = session.metrics().snapshot();
            assertThat(snapshot.recordsAcked()).isEqualTo(sent);
            assertThat(snapshot.rotations()).isPositive();
            assertThat(snapshot.retries()).as("%s", session.metrics().events()).isZero();
            assertThat(snapshot.errors()).isZero();
        }
        assertThat(durable.records.get()).isEqualTo(sent);
        assertThat(rows()).as("no ACKed record is sent twice").hasSize((int) sent);
        assertThat(devices()).hasSize((int) sent);
    }

    @Test
    void recordsWithoutNullableColumnsLandNullAndTheServicesRefusalsAreExplainedWithCode4044() throws Exception {
        var durable = new Durable();
        try (var session = IngestionSession.open(SessionOptions.json(sandbox.profile(), TABLE).withRetry(FAST), durable)) {
            session.ingest("{\"device_name\":\"lenient-1\"}", 0);
            session.flush();
        }
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r).containsExactly("lenient-1", null, null, null));

        Map<String, String> refused = Map.of(
                "{\"device_name\":\"a\",\"pressure\":3}", "pressure: unknown column",
                "{\"device_name\":\"a\",\"temp\":\"72F\"}", "temp: invalid type: string \"72F\", expected an integer",
                "{\"temp\":3}", "device_name: missing but the column is NOT NULL");
        for (var record : refused.entrySet()) {
            var session = IngestionSession.open(SessionOptions.json(sandbox.profile(), TABLE).withRetry(FAST), new Durable());
            assertThatThrownBy(() -> {
                session.ingest(record.getKey(), 0);
                session.flush();
            }).as(record.getKey()).isInstanceOfSatisfying(IngestException.class, ex -> {
                assertThat(ex.problem().category()).isEqualTo(ErrorExplainer.Category.INVALID_RECORD);
                assertThat(ex.problem().message()).contains("error code 4044");
                assertThat(ex.problem().detail()).contains(record.getValue()).contains("Error Code: 4044");
                assertThat(ex.problem().retryable()).isFalse();
            });
            assertThat(session.metrics().retries()).isZero();
            session.close();
        }
        assertThat(rows()).hasSize(1);
    }

    @Test
    void recoversWhenAcksStopComing() throws Exception {
        var durable = new Durable();
        try (var session = IngestionSession.open(SessionOptions.json(sandbox.profile(), TABLE).withRetry(FAST)
                .withAckTimeout(Duration.ofMillis(500)), durable)) {
            sandbox.faults().withholdAcks(true);
            for (long i = 0; i < 100; i++) session.ingest(json(i), i);
            Thread.ofVirtual().start(() -> { // ACKs flow again once the session has noticed and retried
                try {
                    Await.until("a retry after the ACK timeout", Duration.ofSeconds(30), () -> session.metrics().retries() > 0);
                } catch (InterruptedException | AssertionError ignored) {
                    // flush() below then fails or the retry assertion does
                }
                sandbox.faults().withholdAcks(false);
            });
            session.flush();
            assertThat(session.metrics().snapshot().recordsAcked()).isEqualTo(100);
            assertThat(session.metrics().retries()).isPositive();
        }
        assertThat(devices()).hasSize(100);
    }

    @Test
    void stopsAtOnceWithTheExplanationWhenTheTableGrantsAreMissing() {
        var e = sandbox.endpoints();
        var noGrants = new ConnectionProfile("x", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(),
                SandboxPrincipals.NO_GRANTS, Secret.of(sandbox.secretOf(SandboxPrincipals.NO_GRANTS)));
        assertThatThrownBy(() -> IngestionSession.open(SessionOptions.json(noGrants, TABLE).withRetry(FAST), SessionListener.NONE))
                .isInstanceOfSatisfying(IngestException.class, ex -> {
                    assertThat(ex.problem().category()).isEqualTo(ErrorExplainer.Category.PERMISSION);
                    assertThat(ex.problem().detail()).contains("4024");
                    assertThat(ex.problem().fix()).contains("GRANT SELECT, MODIFY ON TABLE main.default.sensor_readings TO `no-grants-sp`");
                });
    }

    @Test
    void failsTheSessionOnARecordTheTableRejectsAndNamesTheField() throws Exception {
        var durable = new Durable();
        var session = IngestionSession.open(SessionOptions.json(sandbox.profile(), TABLE).withRetry(FAST), durable);
        session.ingest(json(0), 0);
        session.flush();
        assertThatThrownBy(() -> {
            session.ingest("{\"device_name\":\"bad\",\"ts\":\"2024-05-01\"}", 1);
            session.flush();
        }).isInstanceOfSatisfying(IngestException.class, ex -> {
            assertThat(ex.problem().category()).isEqualTo(ErrorExplainer.Category.INVALID_RECORD);
            assertThat(ex.problem().detail()).contains("ts: timestamps must be integer microseconds");
        });
        assertThat(session.state()).isEqualTo(SessionState.FAILED);
        assertThat(durable.records.get()).isEqualTo(1);
        assertThat(durable.failed.get()).isEqualTo(1);
        session.close();
        assertThat(devices()).containsExactly("dev-0");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void acksThatNeverComeUseUpTheRetryBudgetAndStopTheSession() throws Exception {
        // Issue 12 item 3: the budget used to restart after every successful re-send, so withheld ACKs meant retrying
        // (and committing every re-send) forever. Now 6 attempts without an ACK in between stop the session.
        var budget = new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(100));
        var durable = new Durable();
        sandbox.faults().withholdAcks(true);
        var session = IngestionSession.open(SessionOptions.json(sandbox.profile(), TABLE).withRetry(budget)
                .withAckTimeout(Duration.ofMillis(300)), durable);
        for (int batch = 0; batch < 10; batch++) {
            List<String> records = new ArrayList<>();
            for (long i = batch * 100L; i < batch * 100L + 100; i++) records.add(json(i));
            session.ingestBatch(records, batch * 100L);
        }
        assertThatThrownBy(session::flush).isInstanceOfSatisfying(IngestException.class, ex -> {
            assertThat(ex.problem().message()).startsWith("Gave up after 6 retries without an acknowledgement in between: ")
                    .contains("acknowledgement within the ACK time-out");
            assertThat(ex.problem().category()).isEqualTo(ErrorExplainer.Category.TIMEOUT);
            assertThat(ex.problem().fix()).contains("1000 records sent and not acknowledged");
        });
        assertThat(session.state()).isEqualTo(SessionState.FAILED);
        assertThat(session.metrics().retries()).isEqualTo(6);
        assertThat(durable.records.get()).isZero();
        assertThat(durable.failed.get()).as("every row reported as not landed").isEqualTo(1_000);
        session.close();
        sandbox.faults().withholdAcks(false);

        // Committed rows against keys: each key at most 1 + 6 times, and every re-send counted.
        Map<String, Long> perKey = new HashMap<>();
        rows().forEach(r -> perKey.merge((String) r[0], 1L, Long::sum));
        assertThat(perKey.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 7L));
        long duplicates = perKey.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(duplicates).isLessThanOrEqualTo(session.metrics().snapshot().recordsResent());
        assertThat(rows().size()).isLessThanOrEqualTo(7_000);
        System.out.printf("withheld ACKs: 1000 keys committed as %d rows (%d duplicates) after 6 attempts%n", rows().size(), duplicates);
    }
}
