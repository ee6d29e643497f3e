package dev.zerobus.console.ingest;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a session needs: where and as whom, the table, the record format (with the descriptor for PROTO), how to
 * retry, and the SDK's in-flight window (it counts requests; a batch is one request) and time-outs.
 */
public record SessionOptions(ConnectionProfile profile, String table, RecordFormat format, @Nullable DescriptorProto descriptor,
                             RetryPolicy retry, int maxInflightRequests, Duration ackTimeout, Duration flushTimeout) {
    public SessionOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(format, "format");
        if (format == RecordFormat.PROTO && descriptor == null) throw new IllegalArgumentException("A PROTO session needs the table's descriptor");
        if (!profile.hasSecret()) throw new IllegalArgumentException("Profile '" + profile.name() + "' has no client secret");
    }

    public static SessionOptions json(ConnectionProfile profile, String table) {
        return new SessionOptions(profile, table, RecordFormat.JSON, null, RetryPolicy.defaults(), 10_000,
                Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    public static SessionOptions proto(ConnectionProfile profile, String table, DescriptorProto descriptor) {
        return new SessionOptions(profile, table, RecordFormat.PROTO, descriptor, RetryPolicy.defaults(), 10_000,
                Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    public SessionOptions withRetry(RetryPolicy policy) {
        return new SessionOptions(profile, table, format, descriptor, policy, maxInflightRequests, ackTimeout, flushTimeout);
    }

    public SessionOptions withMaxInflightRequests(int requests) {
        return new SessionOptions(profile, table, format, descriptor, retry, requests, ackTimeout, flushTimeout);
    }

    public SessionOptions withAckTimeout(Duration timeout) {
        return new SessionOptions(profile, table, format, descriptor, retry, maxInflightRequests, timeout, flushTimeout);
    }

    /** The endpoint as the SDK takes it: http://host:port (loopback, plaintext) or https://host. */
    public String endpointUrl() {
        return profile.sdkEndpointUrl();
    }

    public String workspaceUrl() {
        return profile.sdkWorkspaceUrl();
    }
}
