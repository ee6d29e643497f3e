package dev.zerobus.console.sandbox.grpc;

import static dev.zerobus.console.sandbox.grpc.SandboxFixture.SENSORS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Records per second through the real SDK into the sandbox (excluded from the default build: {@code -Dsurefire.excludedGroups=}). */
@Tag("bench")
class ThroughputBench {
    @TempDir
    Path dir;

    @Test
    void measuresJsonSingleAndBatchThroughput() throws Exception {
        try (var fx = new SandboxFixture(SandboxOptions.defaults(dir))) {
            int n = 200_000;
            List<String> records = new ArrayList<>(n);
            for (int i = 0; i < n; i++) records.add(IngestionTest.json(i));

            var single = fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(), SandboxFixture.options().build()).get(30, TimeUnit.SECONDS);
            long last = -1;
            for (int i = 0; i < 20_000; i++) last = single.ingestRecordOffset(records.get(i)); // warm-up
            single.waitForOffset(last);
            long t0 = System.nanoTime();
            for (String r : records) last = single.ingestRecordOffset(r);
            single.waitForOffset(last);
            double singleRate = n / ((System.nanoTime() - t0) / 1e9);
            single.close();

            var batch = fx.sdk.createJsonStream(SENSORS, fx.clientId(), fx.secret(),
                    SandboxFixture.options().setMaxInflightRecords(256).build()).get(30, TimeUnit.SECONDS);
            t0 = System.nanoTime();
            for (int rep = 0; rep < 5; rep++) {
                for (int i = 0; i < n; i += 1000) last = batch.ingestRecordsOffset(records.subList(i, i + 1000)).orElseThrow();
            }
            batch.waitForOffset(last);
            double batchRate = 5 * n / ((System.nanoTime() - t0) / 1e9);
            batch.close();

            LoggerFactory.getLogger(ThroughputBench.class).info("JSON single: {} rec/s, JSON batches of 1000: {} rec/s",
                    Math.round(singleRate), Math.round(batchRate));
            assertThat(fx.count(SENSORS)).isEqualTo(20_000 + 6L * n);
        }
    }
}
