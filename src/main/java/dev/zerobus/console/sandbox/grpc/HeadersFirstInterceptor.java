package dev.zerobus.console.sandbox.grpc;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Sends the response headers as soon as a call starts. The Zerobus SDK waits for them before it sends
 * create_stream, while grpc-java would send them with the first response: without this both sides wait until a
 * timeout. The stub's own later {@code sendHeaders} becomes a no-op (grpc-java allows headers only once).
 */
final class HeadersFirstInterceptor implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        call.sendHeaders(new Metadata());
        return next.startCall(new SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata ignored) {
            }
        }, headers);
    }
}
