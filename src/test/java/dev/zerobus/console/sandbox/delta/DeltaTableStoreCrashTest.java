package dev.zerobus.console.sandbox.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTableStoreCrashTest {
    @TempDir Path root;
    @TempDir Path logs;

    @BeforeAll
    static void quiet() { QuietLogs.apply(); }

    @Test
    void keepsEveryAcknowledgedRowWhenTheProcessIsKilledMidCommit() throws Exception {
        Path errors = logs.resolve("child-stderr.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashingAppender.class.getName(), root.toString())
                .redirectError(errors.toFile()).start();
        Set<Integer> acked = new HashSet<>();
        try (var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked.size() < 20_000 && (line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) acked.add(Integer.parseInt(line.substring(4)));
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, commits cut wherever they are
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acked).as("ACKs before the kill; child stderr: %s", Files.readString(errors)).hasSizeGreaterThanOrEqualTo(20_000);

        try (var reopened = new DeltaTableStore(root, CommitFaults.NONE)) {
            List<Object[]> rows = reopened.read("crash", CrashingAppender.SCHEMA, -1);
            Set<Integer> stored = new HashSet<>();
            rows.forEach(row -> stored.add((Integer) row[0]));

            assertThat(stored).containsAll(acked);
            assertThat(reopened.count("crash")).isEqualTo(rows.size());
            reopened.append("crash", CrashingAppender.SCHEMA, List.<Object[]>of(new Object[] {-1, "after"})).join();
        }
    }
}
