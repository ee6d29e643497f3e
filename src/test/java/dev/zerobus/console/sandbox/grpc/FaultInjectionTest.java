package dev.zerobus.console.sandbox.grpc;

import static dev.zerobus.console.sandbox.grpc.SandboxFixture.SENSORS;
import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.zerobus.AckCallback;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusException;
import com.databricks.zerobus.ZerobusJsonStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client behaviour each injected fault produces: the SDK recovers and nothing is lost. */
class FaultInjectionTest {
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjectionTest.class);

    @RegisterExtension final SandboxFixture fx = new SandboxFixture();

    ZerobusJsonStream open(StreamConfigurationOptions options) throws Exception {
        return fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(), options).get(30, TimeUnit.SECONDS);
    }

    long ingest(ZerobusJsonStream stream, int from, int to) throws Exception {
        long last = -1;
        for (int i = from; i < to; i++) last = stream.ingestRecordOffset(IngestionTest.json(i));
        return last;
    }

    /** Every record 0..n-1 is in the table at least once; returns how many rows there are. */
    long assertAllLanded(int n) {
        List<Object[]> rows = fx.rows(SENSORS);
        Set<Object> names = rows.stream().map(r -> r[0]).collect(Collectors.toCollection(HashSet::new));
        assertThat(names).containsExactlyInAnyOrderElementsOf(IntStream.range(0, n).mapToObj(i -> "dev-" + i).toList());
        return rows.size();
    }

    @Test
    void recoversFromStreamsClosedAfterNRecordsWithoutLosingAny() throws Exception {
        fx.sandbox.faults().closeStreamsAfter(2_500);
        ZerobusJsonStream stream = open(SandboxFixture.options().setRecoveryRetries(20).build());
        long last = ingest(stream, 0, 10_000);
        stream.waitForOffset(last);
        stream.close();
        long rows = assertAllLanded(10_000);
        LOG.info("closeStreamsAfter(2500): 10000 records landed as {} rows", rows);
        assertThat(rows).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void sdkMovesToANewStreamAsSoonAsItGetsACloseStreamSignal() throws Exception {
        // the server would close each stream only 30 s after its signal: a new stream per 1,000 records proves the SDK
        // switched itself on the signal (staying on the signalled stream would still work for those 30 s)
        fx.sandbox.faults().closeSignalAfter(1_000, Duration.ofSeconds(30));
        long streamsBefore = fx.sandbox.streamStats().streamsOpened();
        ZerobusJsonStream stream = open(SandboxFixture.options().build());
        long last = -1;
        for (int chunk = 0; chunk < 5; chunk++) {
            last = ingest(stream, chunk * 1_000, (chunk + 1) * 1_000);
            stream.waitForOffset(last);
        }
        stream.close();
        long rows = assertAllLanded(5_000);
        long streams = fx.sandbox.streamStats().streamsOpened() - streamsBefore;
        LOG.info("closeSignalAfter(1000, 30s): 5000 records landed as {} rows on {} streams", rows, streams);
        assertThat(streams).as("a new stream after each close_stream_signal").isGreaterThanOrEqualTo(5);
        assertThat(rows).as("a graceful switch re-sends nothing").isEqualTo(5_000);
    }

    @Test
    void ackLatencyShowsInWaitForOffset() throws Exception {
        ZerobusJsonStream stream = open(SandboxFixture.options().build());
        long t0 = System.nanoTime();
        stream.waitForOffset(stream.ingestRecordOffset(IngestionTest.json(0)));
        long fast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        fx.sandbox.faults().ackLatency(Duration.ofMillis(400));
        long t1 = System.nanoTime();
        stream.waitForOffset(stream.ingestRecordOffset(IngestionTest.json(1)));
        long slow = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
        stream.close();
        LOG.info("waitForOffset took {} ms without and {} ms with a 400 ms ACK latency", fast, slow);
        // Behaviour, not speed (the figures are logged above; a loaded machine may stretch both): the latency shows.
        assertThat(slow).isGreaterThanOrEqualTo(400L);
        assertAllLanded(2);
    }

    @Test
    void withheldAcksTimeOutAndTheSdkRecoversOnceTheyFlowAgain() throws Exception {
        fx.sandbox.faults().withholdAcks(true);
        List<Long> acked = new CopyOnWriteArrayList<>();
        ZerobusJsonStream stream = open(SandboxFixture.options().setServerLackOfAckTimeoutMs(500).setRecoveryRetries(50)
                .setAckCallback(new AckCallback() {
                    @Override public void onAck(long offset) { acked.add(offset); }
                    @Override public void onError(long offset, String message) { }
                }).build());
        long last = ingest(stream, 0, 100);
        // The SDK's ACK timer fires while the fault holds: it recovers and sends the 100 records again.
        SandboxFixture.await("a re-send after an ACK timeout", Duration.ofSeconds(30), () -> fx.count(SENSORS) >= 200);
        assertThat(acked).isEmpty();

        fx.sandbox.faults().withholdAcks(false);
        stream.waitForOffset(last);
        stream.close();
        long rows = assertAllLanded(100);
        LOG.info("withholdAcks: 100 records landed as {} rows (re-sent after each ACK timeout)", rows);
        assertThat(rows).isGreaterThan(100);
    }

    @Test
    void failedCommitClosesTheStreamAndTheSdkResendsEverything() throws Exception {
        ZerobusJsonStream stream = open(SandboxFixture.options().build());
        stream.waitForOffset(ingest(stream, 0, 10));
        fx.sandbox.faults().failNextCommits(1);
        long last = ingest(stream, 10, 1_000);
        stream.waitForOffset(last);
        stream.close();
        long rows = assertAllLanded(1_000);
        LOG.info("failNextCommits(1): 1000 records landed as {} rows", rows);
        assertThat(fx.sandbox.faults().failNextCommit()).as("the injected failure was used").isFalse();
    }

    @Test
    void tokenEndpoint503IsRetriedAtCreation() throws Exception {
        fx.sandbox.faults().rejectNextTokens(1);
        ZerobusJsonStream stream = open(SandboxFixture.options().build());
        assertThat(fx.sandbox.faults().takeTokenRejection()).as("the 503 was served").isFalse();
        stream.waitForOffset(ingest(stream, 0, 10));
        stream.close();
        assertAllLanded(10);
    }

    @Test
    void streamCreationGivesUpOnTheTokenEndpointAfterTheRecoveryRetries() {
        fx.sandbox.faults().rejectNextTokens(100);
        Throwable t = Assertions.catchThrowable(() -> open(SandboxFixture.options().setRecoveryRetries(2).build()));
        int left = 0;
        while (fx.sandbox.faults().takeTokenRejection()) left++;
        assertThat(100 - left).as("token requests: the first try and 2 retries").isEqualTo(3);
        assertThat(t.getCause()).isExactlyInstanceOf(ZerobusException.class)
                .hasMessageContaining("Token fetch failed: Unity catalog server error (503)");
    }

    @Test
    void tokenEndpoint503IsRetriedDuringRecovery() throws Exception {
        ZerobusJsonStream stream = open(SandboxFixture.options().setRecoveryRetries(10).build());
        stream.waitForOffset(ingest(stream, 0, 10));
        fx.sandbox.faults().rejectNextTokens(2).closeStreamsAfter(50);
        long last = ingest(stream, 10, 200);
        stream.waitForOffset(last);
        stream.close();
        assertThat(fx.sandbox.faults().takeTokenRejection()).as("both 503s were served").isFalse();
        assertAllLanded(200);
    }
}
