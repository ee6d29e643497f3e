package dev.zerobus.console.sandbox.grpc;

import ch.qos.logback.classic.Level;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusSdk;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.schema.DescriptorComparison;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/** A running sandbox plus an SDK client pointed at it; closes both. */
final class SandboxFixture implements AutoCloseable {
    static final String SENSORS = "main.default.sensor_readings";
    static final String ALL_TYPES = "main.default.all_types";

    static {
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.grpc")).setLevel(Level.WARN);
    }

    final SandboxWorkspace sandbox;
    final ZerobusSdk sdk;

    SandboxFixture(Path dir) {
        this(SandboxOptions.defaults(dir));
    }

    SandboxFixture(SandboxOptions options) {
        sandbox = SandboxWorkspace.start(options);
        sdk = new ZerobusSdk(sandbox.endpoints().zerobusEndpoint(), sandbox.endpoints().workspaceUrl());
    }

    String clientId() {
        return sandbox.endpoints().clientId();
    }

    String secret() {
        return sandbox.endpoints().clientSecret();
    }

    TableInfo table(String name) {
        return sandbox.context().state().table(name);
    }

    List<Object[]> rows(String name) {
        TableInfo t = table(name);
        return sandbox.context().tables().read(t.tableId(), t.schema(), -1);
    }

    long count(String name) {
        return sandbox.context().tables().count(table(name).tableId());
    }

    Descriptor descriptor(String name) throws Exception {
        return DescriptorComparison.build(ProtoSchemaMapper.map(table(name).schema()).descriptor());
    }

    DynamicMessage.Builder message(String name) throws Exception {
        return DynamicMessage.newBuilder(descriptor(name));
    }

    static StreamConfigurationOptions.StreamConfigurationOptionsBuilder options() {
        return StreamConfigurationOptions.builder().setRecoveryBackoffMs(100).setRecoveryTimeoutMs(5000).setRecoveryRetries(5);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        sdk.close();
        sandbox.close();
    }
}
