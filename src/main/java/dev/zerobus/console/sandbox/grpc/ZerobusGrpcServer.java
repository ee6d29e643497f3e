package dev.zerobus.console.sandbox.grpc;

import dev.zerobus.console.sandbox.SandboxContext;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zerobus gRPC server on 127.0.0.1 ({@code databricks.zerobus.Zerobus/EphemeralStream}). Thread-safe.
 *
 * <p>Streams run on the transport threads ({@code directExecutor()}): a hop to an executor per message cost 10x
 * the throughput for single records. So a stream handler does no I/O: records are decoded there and
 * handed to the table's writer thread, which reads the Delta log and commits (a table's first append starts that
 * thread and returns). It may wait briefly on a monitor: create_stream looks the table and grants up in
 * {@code WorkspaceState}, whose monitor is also held while a metadata change is saved.
 */
public final class ZerobusGrpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZerobusGrpcServer.class);
    /**
     * Far above the service's own 10 MB per message, so that a larger message gets the service's INVALID_ARGUMENT.
     * grpc-java answers a message over this limit with RESOURCE_EXHAUSTED, which SDK 1.0.1 retries until its
     * flush timeout (measured with 17 MB and a 16 MB limit), so the limit is set where no sane client reaches it.
     */
    private static final int MAX_INBOUND_MESSAGE_BYTES = 128 * 1024 * 1024;
    private static final long DRAIN_SECONDS = 10;

    private final Server server;
    private final Set<IngestStream> openStreams = ConcurrentHashMap.newKeySet();
    private final StreamStats stats = new StreamStats();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "zerobus-stream-timers");
        thread.setDaemon(true);
        return thread;
    });

    public ZerobusGrpcServer(int port, SandboxContext context) throws IOException {
        var access = new TableAccess(context.state());
        var service = new ZerobusStreamService(context, access, scheduler, openStreams, stats);
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .directExecutor()
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                // The last interceptor runs first: headers go out before the auth check can close the call.
                .addService(ServerInterceptors.intercept(service, new StreamAuthInterceptor(context.tokens(), access),
                        new HeadersFirstInterceptor()))
                .build();
    }

    public void start() throws IOException {
        server.start();
        LOG.info("Zerobus gRPC server listening on 127.0.0.1:{}", server.getPort());
    }

    public int port() {
        return server.getPort();
    }

    /** What the service measured (ACK delays, paced rates, stream counts). */
    public StreamStats stats() {
        return stats;
    }

    /** Stops taking streams, lets in-flight commits finish and ACK, then closes every stream. */
    @Override
    public void close() {
        server.shutdown();
        for (IngestStream stream : List.copyOf(openStreams)) stream.drainThenClose(StreamErrors.stopping());
        try {
            if (!server.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Zerobus streams still open after {} s; cancelling them", DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.shutdownNow();
            scheduler.shutdownNow();
        }
    }
}
