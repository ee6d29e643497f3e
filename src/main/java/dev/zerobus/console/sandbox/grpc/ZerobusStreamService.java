package dev.zerobus.console.sandbox.grpc;

import dev.zerobus.console.sandbox.SandboxContext;
import dev.zerobus.console.sandbox.wire.EphemeralStreamRequest;
import dev.zerobus.console.sandbox.wire.EphemeralStreamResponse;
import dev.zerobus.console.sandbox.wire.ZerobusGrpc;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** {@code databricks.zerobus.Zerobus}: one {@link IngestStream} per {@code EphemeralStream} call. Thread-safe. */
final class ZerobusStreamService extends ZerobusGrpc.ZerobusImplBase {
    private final SandboxContext context;
    private final TableAccess access;
    private final ScheduledExecutorService scheduler;
    private final Set<IngestStream> openStreams;
    private final StreamStats stats;

    ZerobusStreamService(SandboxContext context, TableAccess access, ScheduledExecutorService scheduler, Set<IngestStream> openStreams,
                         StreamStats stats) {
        this.context = context;
        this.access = access;
        this.scheduler = scheduler;
        this.openStreams = openStreams;
        this.stats = stats;
    }

    @Override
    public StreamObserver<EphemeralStreamRequest> ephemeralStream(StreamObserver<EphemeralStreamResponse> responses) {
        var stream = new IngestStream((ServerCallStreamObserver<EphemeralStreamResponse>) responses, context,
                StreamAuthInterceptor.AUTHORIZED.get(), access, scheduler, openStreams, stats);
        stream.start();
        return stream;
    }
}
