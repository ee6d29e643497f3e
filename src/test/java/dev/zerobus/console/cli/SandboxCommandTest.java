package dev.zerobus.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sandbox's flags refuse out-of-range values before anything starts, naming the flag and the range. */
class SandboxCommandTest {
    @TempDir
    Path dir;

    private String refused(String... flags) {
        StringWriter err = new StringWriter();
        String[] args = new String[flags.length + 2];
        args[0] = "--data";
        args[1] = dir.toString();
        System.arraycopy(flags, 0, args, 2, flags.length);
        int exit = new CommandLine(new SandboxCommand()).setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as("exit code of sandbox %s", String.join(" ", flags)).isEqualTo(2);
        return err.toString();
    }

    @Test
    void refusesAbsurdFaultAndServiceLikeValues() {
        assertThat(refused("--fault-ack-latency-ms", "9223372036854775807"))
                .contains("Invalid value for --fault-ack-latency-ms: ackLatencyMs must be between 0 and 600000 ms");
        assertThat(refused("--fault-close-after", "-3")).contains("--fault-close-after: closeStreamsAfter must be between 0 and 1000000000 records, got -3");
        assertThat(refused("--service-like", "--quota-rows-per-s", "0")).contains("--quota-rows-per-s: quotaRowsPerSecond must be between 1 and");
        assertThat(refused("--stream-lifetime-s", "-1")).contains("--stream-lifetime-s: streamLifetimeSeconds must be between 0.0 and 86400.0 seconds");
    }
}
