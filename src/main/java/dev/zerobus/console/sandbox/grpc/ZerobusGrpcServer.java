package dev.zerobus.console.sandbox.grpc;

import dev.zerobus.console.sandbox.SandboxContext;
import java.io.IOException;

/**
 * PLACEHOLDER with the agreed API: the Zerobus gRPC server on 127.0.0.1 ({@code databricks.zerobus.Zerobus/EphemeralStream}).
 */
public final class ZerobusGrpcServer implements AutoCloseable {
    public ZerobusGrpcServer(int port, SandboxContext context) throws IOException {
    }

    public void start() throws IOException {
    }

    public int port() {
        return 0;
    }

    /** Stops taking streams, lets in-flight commits finish and ACK, then closes every stream. */
    @Override
    public void close() {
    }
}
