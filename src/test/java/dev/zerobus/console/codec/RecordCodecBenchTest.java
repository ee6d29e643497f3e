package dev.zerobus.console.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Encode rates for sensor_readings records on one thread. Excluded by default (tag "bench"); run with
 * {@code -Dsurefire.excludedGroups= -Dgroups=bench -Dtest='dev.zerobus.console.codec.RecordCodecBenchTest'}.
 */
@Tag("bench")
class RecordCodecBenchTest {
    private static final int RECORDS = 4096;
    private static volatile Object sink;
    private static long lastCount;
    private static final RecordCodec CODEC = RecordCodec.forTable(CodecTables.SENSOR_READINGS, CodecOptions.defaults());

    @Test
    void printsEncodeRates() {
        List<Map<String, ?>> javaValues = new ArrayList<>();
        List<Map<String, ?>> csvCells = new ArrayList<>();
        List<Map<String, ?>> isoCells = new ArrayList<>();
        List<String> jsonText = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            long ts = 1714566600000000L + i * 1_000_000L;
            javaValues.add(Map.of("device_name", "sensor-" + i % 100, "temp", 15 + i % 20, "humidity", 40 + i % 50, "ts", ts));
            csvCells.add(Map.of("device_name", "sensor-" + i % 100, "temp", "" + (15 + i % 20), "humidity", "" + (40 + i % 50), "ts", "" + ts));
            isoCells.add(Map.of("device_name", "sensor-" + i % 100, "temp", "" + (15 + i % 20), "humidity", "" + (40 + i % 50),
                    "ts", "2024-05-01 12:" + String.format("%02d:%02d.%06d", i / 60 % 60, i % 60, i)));
            jsonText.add("{\"device_name\":\"sensor-" + i % 100 + "\",\"temp\":" + (15 + i % 20) + ",\"humidity\":" + (40 + i % 50)
                    + ",\"ts\":" + ts + "}");
        }
        report("map of Java values -> proto", javaValues, CODEC::toProto);
        report("map of Java values -> JSON ", javaValues, CODEC::toJson);
        report("CSV cells (epoch) -> proto ", csvCells, CODEC::toProto);
        report("CSV cells (epoch) -> JSON  ", csvCells, CODEC::toJson);
        report("CSV cells (ISO ts) -> proto", isoCells, CODEC::toProto);
        report("JSON text -> proto         ", jsonText, CODEC::toProto);
        report("JSON text -> JSON          ", jsonText, CODEC::toJson);
    }

    /**
     * Rates per second of this thread's CPU time, not wall time: the build machine's cores are shared, and CPU time
     * is what one core would give. Best of three rounds after a warm-up.
     */
    private static <I> void report(String label, List<I> inputs, Function<I, CodecResult<?>> encode) {
        run(inputs, encode, 300_000_000L);
        double best = 0;
        long wallStart = System.nanoTime();
        for (int round = 0; round < 3; round++) best = Math.max(best, run(inputs, encode, 300_000_000L));
        System.out.printf("%s: %,.0f records/s per CPU-second of the thread (wall clock on the shared cores, approx.: %,.0f/s)%n",
                label, best, lastCount * 1e9 / (System.nanoTime() - wallStart) * 3);
    }

    private static <I> double run(List<I> inputs, Function<I, CodecResult<?>> encode, long cpuNanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long count = 0;
        long encoded = 0;
        while (threads.getCurrentThreadCpuTime() - start < cpuNanos) {
            for (I input : inputs) {
                if (encode.apply(input) instanceof CodecResult.Encoded<?> e) {
                    encoded++;
                    sink = e.value(); // keeps the JIT from dropping the encoding
                }
            }
            count += inputs.size();
        }
        assertThat(encoded).isEqualTo(count);
        lastCount = count;
        return count * 1e9 / (threads.getCurrentThreadCpuTime() - start);
    }
}
