package dev.zerobus.console.sandbox.grpc;

import ch.qos.logback.classic.Level;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusSdk;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.zerobus.console.Await;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.schema.DescriptorComparison;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** A running sandbox plus an SDK client pointed at it; closes both (per test as an extension, or at {@link #close()}). */
final class SandboxFixture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    static final String SENSORS = "main.default.sensor_readings";
    static final String ALL_TYPES = "main.default.all_types";

    static {
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.grpc")).setLevel(Level.WARN);
    }

    private final @Nullable SandboxExtension perTest;
    SandboxWorkspace sandbox;
    ZerobusSdk sdk;

    /** For {@code @RegisterExtension}: a fresh sandbox and client for each test, in a temporary directory. */
    SandboxFixture() {
        perTest = new SandboxExtension();
    }

    /** For try-with-resources: a sandbox with these options until {@link #close()}. */
    SandboxFixture(SandboxOptions options) {
        perTest = null;
        open(SandboxWorkspace.start(options));
    }

    private void open(SandboxWorkspace started) {
        sandbox = started;
        sdk = new ZerobusSdk(sandbox.endpoints().zerobusEndpoint(), sandbox.endpoints().workspaceUrl());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Objects.requireNonNull(perTest).beforeEach(context);
        open(perTest.workspace());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        sdk.close();
        Objects.requireNonNull(perTest).afterEach(context);
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
        Await.until(what, timeout, condition);
    }

    @Override
    public void close() {
        sdk.close();
        if (perTest == null) sandbox.close();
    }
}
