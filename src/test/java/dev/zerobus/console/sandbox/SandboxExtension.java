package dev.zerobus.console.sandbox;

import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox on 127.0.0.1 for a test, in a temporary data directory that is deleted afterwards.
 *
 * <p>Register it with {@code @RegisterExtension}: on a {@code static} field one sandbox serves the whole test class
 * (JUnit calls the before/after-all callbacks); on an instance field each test gets a fresh one.
 */
public class SandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final UnaryOperator<SandboxOptions> options;
    private boolean perClass;
    private @Nullable Path dir;
    private @Nullable SandboxWorkspace sandbox;

    public SandboxExtension() {
        this(UnaryOperator.identity());
    }

    /** With options other than the defaults, e.g. {@code o -> o.withTokenLifetime(Duration.ofSeconds(2))}. */
    public SandboxExtension(UnaryOperator<SandboxOptions> options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!perClass) start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) stop();
    }

    /** The running sandbox. */
    public SandboxWorkspace workspace() {
        return Objects.requireNonNull(sandbox, "The sandbox runs only while a test of its class runs");
    }

    // The sandbox's own accessors, so that a test reads sandbox.endpoints() whether it holds this or the workspace.

    public SandboxEndpoints endpoints() {
        return workspace().endpoints();
    }

    public SandboxContext context() {
        return workspace().context();
    }

    public FaultPlan faults() {
        return workspace().faults();
    }

    public String secretOf(String clientId) {
        return workspace().secretOf(clientId);
    }

    /** Where the sandbox keeps its state and tables. */
    public Path dataDir() {
        return Objects.requireNonNull(dir, "The sandbox runs only while a test of its class runs").resolve("sandbox");
    }

    /** A fresh directory under this sandbox's temporary one, for a test's own files. */
    public Path newDirectory(String name) throws IOException {
        return Files.createTempDirectory(Objects.requireNonNull(dir), name);
    }

    /** The profile the console builds for the sandbox: its granted service principal. */
    public ConnectionProfile profile() {
        var e = endpoints();
        return new ConnectionProfile("sandbox", ConnectionProfile.Source.SANDBOX, e.workspaceUrl(), e.zerobusEndpoint(),
                e.clientId(), Secret.of(e.clientSecret()));
    }

    /**
     * Stops the sandbox and starts it again on the same data directory and ports, as a restarted
     * {@code zerobus-console sandbox} does: the tables stay, the secrets are new.
     */
    public void restart() {
        var e = endpoints();
        workspace().close();
        sandbox = SandboxWorkspace.startPreferring(options.apply(SandboxOptions.defaults(dataDir()))
                .withPorts(port(e.zerobusEndpoint()), port(e.workspaceUrl())));
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private void start() throws IOException {
        dir = Files.createTempDirectory("sandbox-test");
        sandbox = SandboxWorkspace.start(options.apply(SandboxOptions.defaults(dataDir())));
    }

    private void stop() {
        try {
            if (sandbox != null) sandbox.close();
        } finally {
            sandbox = null;
            if (dir != null) deleteQuietly(dir);
            dir = null;
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // A file still held open (Windows) stays in the temporary directory: nothing a test depends on.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Same: best effort.
        }
    }
}
