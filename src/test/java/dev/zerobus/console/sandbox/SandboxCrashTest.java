package dev.zerobus.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.zerobus.AckCallback;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusJsonStream;
import com.databricks.zerobus.ZerobusSdk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the sandbox process mid-ingest: after a restart on the same data dir every ACKed record is there. */
class SandboxCrashTest {
    @TempDir Path dataDir;

    @Test
    void keepsEveryAckedRecordAcrossKillMinus9() throws Exception {
        AtomicLong acked = new AtomicLong(-1);
        long sent = 0;
        try (var sandbox = SandboxProcess.start(dataDir);
             var sdk = new ZerobusSdk(sandbox.endpoint("zerobusEndpoint"), sandbox.endpoint("workspaceUrl"))) {
            var options = StreamConfigurationOptions.builder().setRecovery(false).setAckCallback(new AckCallback() {
                @Override public void onAck(long offset) { acked.accumulateAndGet(offset, Math::max); }
                @Override public void onError(long offset, String message) {}
            }).build();
            ZerobusJsonStream stream = sdk.createJsonStream("main.default.sensor_readings", sandbox.endpoint("clientId"),
                    sandbox.endpoint("clientSecret"), options).join();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // Keep records in flight while the process dies: ingest until well past 20,000 ACKed, then kill.
            while (acked.get() < 20_000 && System.nanoTime() < deadline) {
                stream.ingestRecordOffset("{\"device_name\":\"dev-" + sent + "\",\"temp\":" + (sent % 40) + ",\"humidity\":50,\"ts\":"
                        + (1_714_566_600_000_000L + sent) + "}");
                sent++;
            }
            sandbox.kill();
            try {
                stream.close();
            } catch (Exception expected) {
                // The server is gone; the SDK may complain about the closed connection.
            }
        }
        long ackedOffset = acked.get();
        assertThat(ackedOffset).isGreaterThanOrEqualTo(20_000);

        try (var restarted = SandboxWorkspace.start(SandboxOptions.defaults(dataDir))) {
            var table = restarted.context().state().table("main.default.sensor_readings");
            List<Object[]> rows = restarted.context().tables().read(table.tableId(), table.schema(), -1);
            Set<String> devices = new HashSet<>();
            rows.forEach(r -> devices.add((String) r[0]));
            for (long i = 0; i <= ackedOffset; i++) {
                assertThat(devices).as("record %d was ACKed (ACKed up to %d of %d sent)", i, ackedOffset, sent).contains("dev-" + i);
            }
            assertThat(rows.size()).isBetween((int) ackedOffset + 1, (int) sent);
            assertThat(restarted.context().tables().count(table.tableId())).isEqualTo(rows.size());
        }
    }
}
