package dev.zerobus.console.sandbox.grpc;

import static dev.zerobus.console.sandbox.grpc.SandboxFixture.SENSORS;
import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.zerobus.AckCallback;
import com.databricks.zerobus.ZerobusJsonStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Like the service" mode and stream lifetime (issue 13), judged by the official SDK's behaviour and the server's own
 * measurements ({@link StreamStats}), not by wall-clock bounds.
 */
class ServiceLikeTest {
    @TempDir
    Path dir;
    SandboxFixture fx;

    @BeforeEach
    void start() {
        fx = new SandboxFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    ZerobusJsonStream open() throws Exception {
        return fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(), SandboxFixture.options().build()).get(30, TimeUnit.SECONDS);
    }

    /** Sends records one at a time, each waited for; checks that every ACKed record is already in the table. */
    void pacedSingles(int from, int to) throws Exception {
        ZerobusJsonStream stream = open();
        for (int i = from; i < to; i++) {
            stream.waitForOffset(stream.ingestRecordOffset(IngestionTest.json(i)));
            assertThat(fx.count(SENSORS)).as("an ACK comes only once the record is durable").isEqualTo(i + 1);
        }
        stream.close();
    }

    @Test
    void drawnLatenciesFollowTheServicesDistribution() {
        Histogram drawn = new Histogram(3);
        for (int i = 0; i < 20_000; i++) drawn.recordValue(ServiceLatency.drawMillis());
        assertThat(drawn.getValueAtPercentile(50)).isBetween(135L, 165L);
        assertThat(drawn.getValueAtPercentile(95)).isBetween(400L, 500L);
        assertThat(drawn.getMaxValue()).isLessThanOrEqualTo(ServiceLatency.CAP_MILLIS);

        // one stream's latencies drift (so in-order ACKs do not pile up) but keep the same distribution
        Histogram drifting = new Histogram(3);
        var latency = new ServiceLatency();
        long t = System.nanoTime();
        for (int i = 0; i < 20_000; i++) drifting.recordValue(latency.next(t += 20_000_000L)); // an ACK every 20 ms for 400 s
        assertThat(drifting.getValueAtPercentile(50)).isBetween(120L, 185L);
        assertThat(drifting.getValueAtPercentile(95)).isBetween(350L, 560L);
    }

    @Test
    void acksComeLaterThanInInstantModeAndOnlyOnceDurable() throws Exception {
        StreamStats stats = fx.sandbox.streamStats();
        pacedSingles(0, 40);
        Histogram instant = stats.ackDelayMillis();

        stats.reset();
        fx.sandbox.faults().serviceLike(true);
        pacedSingles(40, 80);
        Histogram serviceLike = stats.ackDelayMillis();
        Histogram drawn = stats.drawnLatencyMillis();

        assertThat(instant.getTotalCount()).isEqualTo(40);
        assertThat(serviceLike.getTotalCount()).isEqualTo(40);
        assertThat(drawn.getTotalCount()).as("one drawn latency per ACK").isGreaterThanOrEqualTo(40);
        assertThat(serviceLike.getValueAtPercentile(50)).as("service-like p50 against instant p50 (ms)")
                .isGreaterThan(instant.getValueAtPercentile(50));
        assertThat(serviceLike.getMinValue()).as("no ACK is faster than the smallest latency drawn")
                .isGreaterThanOrEqualTo(drawn.getMinValue());
    }

    @Test
    void aStreamIsHeldToItsQuotaByFlowControlAndLosesNothing() throws Exception {
        long quota = 2_000;
        int batch = 100;
        int batches = 60; // 6,000 rows: three seconds' worth at the quota
        fx.sandbox.faults().serviceLike(true).quotaRowsPerSecond(quota);
        List<String> errors = new CopyOnWriteArrayList<>();
        ZerobusJsonStream stream = fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(), SandboxFixture.options()
                .setAckCallback(new AckCallback() {
                    @Override public void onAck(long offset) { }
                    @Override public void onError(long offset, String message) { errors.add(message); }
                }).build()).get(30, TimeUnit.SECONDS);
        long last = -1;
        for (int b = 0; b < batches; b++) {
            List<String> records = new ArrayList<>();
            for (int i = b * batch; i < (b + 1) * batch; i++) records.add(IngestionTest.json(i));
            last = stream.ingestRecordsOffset(records).orElseThrow();
        }
        stream.waitForOffset(last);
        stream.close();

        StreamStats stats = fx.sandbox.streamStats();
        long burst = (long) (quota * StreamPacing.BURST_SECONDS) + stats.largestPacedRequestRows();
        assertThat(stats.largestPacedRequestRows()).isEqualTo(batch);
        assertThat(stats.peakRowsPerWindow()).as("rows in any 1 s window <= quota x 1 s + burst (%d)", burst)
                .isLessThanOrEqualTo(quota + burst);
        assertThat(stats.throttlePauses()).as("the stream was slowed down").isPositive();
        assertThat(errors).as("no error is invented for going over the quota").isEmpty();
        Map<Object, Integer> byName = new HashMap<>();
        fx.rows(SENSORS).forEach(r -> byName.merge(r[0], 1, Integer::sum));
        assertThat(byName).hasSize(batch * batches).allSatisfy((name, n) -> assertThat(n).as("copies of %s", name).isEqualTo(1));
    }

    @Test
    void streamsAreClosedAtTheEndOfTheirLifetimeAndTheSdkMovesOnWithoutLosingRecords() throws Exception {
        fx.sandbox.faults().streamLifetime(Duration.ofMillis(300));
        StreamStats stats = fx.sandbox.streamStats();
        ZerobusJsonStream stream = fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(),
                SandboxFixture.options().setRecoveryRetries(50).build()).get(30, TimeUnit.SECONDS);
        int sent = 0;
        while (stats.lifetimeSignals() < 3) {
            long last = -1;
            for (int i = sent; i < sent + 200; i++) last = stream.ingestRecordOffset(IngestionTest.json(i));
            sent += 200;
            stream.waitForOffset(last);
            assertThat(sent).as("records sent before three lifetimes passed").isLessThan(2_000_000);
        }
        stream.close();

        assertThat(stats.streamsOpened()).as("the SDK opened a new stream after each close").isGreaterThanOrEqualTo(3);
        List<Object> names = fx.rows(SENSORS).stream().map(r -> r[0]).toList();
        assertThat(names).as("every record landed (at least once)")
                .containsAll(IntStream.range(0, sent).mapToObj(i -> "dev-" + i).toList());
    }
}
