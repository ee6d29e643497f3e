package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.zerobus.console.sandbox.auth.TokenService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /sandbox/admin/stats}: the sandbox JVM's heap (used, sampled peak, max), for benchmarks.
 * {@code ?reset=true} restarts the peak. Only the sandbox admin may read it (401 without a token, 403 for others):
 * heap figures are the sandbox's, not a principal's business, and loopback reaches every principal alike.
 */
public final class StatsApi implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandbox-heap-sampler").daemon().factory());

    public StatsApi() {
        sampler.scheduleAtFixedRate(this::sample, 0, 20, TimeUnit.MILLISECONDS);
    }

    private long sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
        return used;
    }

    public List<Route> routes(TokenService tokens) {
        var auth = new BearerAuth(tokens);
        return List.of(Route.of("GET", "/sandbox/admin/stats", request -> {
            auth.requireAdmin(request, "read the sandbox's heap statistics");
            long used = sample();
            long peakBytes = peak.get();
            if ("true".equals(request.query("reset"))) peak.set(used);
            request.respond(200, JsonNodeFactory.instance.objectNode()
                    .put("heapUsedBytes", used)
                    .put("heapPeakBytes", peakBytes)
                    .put("heapMaxBytes", memory.getHeapMemoryUsage().getMax())
                    .put("availableProcessors", Runtime.getRuntime().availableProcessors()));
        }));
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
