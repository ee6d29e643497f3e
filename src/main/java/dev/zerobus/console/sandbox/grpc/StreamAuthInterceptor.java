package dev.zerobus.console.sandbox.grpc;

import dev.zerobus.console.sandbox.auth.TokenGrant;
import dev.zerobus.console.sandbox.auth.TokenService;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the bearer token and, when the client names it in {@code x-databricks-zerobus-table-name}, the table,
 * before any message is read. What it learnt travels to the stream handler in the gRPC {@link Context}.
 */
final class StreamAuthInterceptor implements ServerInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(StreamAuthInterceptor.class);
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TABLE_NAME = Metadata.Key.of("x-databricks-zerobus-table-name", Metadata.ASCII_STRING_MARSHALLER);
    static final Context.Key<StreamAuthorization> AUTHORIZED = Context.key("zerobus-authorization");

    /** The caller's token grant and the table from the header (null when the header is absent). */
    record StreamAuthorization(TokenGrant grant, @Nullable String headerTableName, @Nullable TableInfo headerTable) {}

    private final TokenService tokens;
    private final TableAccess access;

    StreamAuthInterceptor(TokenService tokens, TableAccess access) {
        this.tokens = tokens;
        this.access = access;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        StreamAuthorization authorization;
        try {
            authorization = authorize(headers);
        } catch (StatusException e) {
            LOG.info("Rejected a stream: {}", e.getStatus().getCode());
            call.close(e.getStatus(), new Metadata());
            return new ServerCall.Listener<>() {};
        }
        return Contexts.interceptCall(Context.current().withValue(AUTHORIZED, authorization), call, headers, next);
    }

    private StreamAuthorization authorize(Metadata headers) throws StatusException {
        TokenGrant grant = switch (tokens.lookup(headers.get(AUTHORIZATION))) {
            case TokenService.Lookup.Valid valid -> valid.grant();
            case TokenService.Lookup.Missing missing -> throw StreamErrors.missingToken();
            case TokenService.Lookup.Unknown unknown -> throw StreamErrors.unknownToken();
            case TokenService.Lookup.Expired expired -> throw StreamErrors.expiredToken(expired.expiredAt(), expired.clientId());
        };
        String tableName = headers.get(TABLE_NAME);
        TableInfo table = tableName == null ? null : access.check(grant, tableName);
        return new StreamAuthorization(grant, tableName, table);
    }
}
