package dev.zerobus.console.sandbox;

import dev.zerobus.console.sandbox.auth.IdentityStore;
import dev.zerobus.console.sandbox.auth.Principal;
import dev.zerobus.console.sandbox.auth.TokenService;
import dev.zerobus.console.sandbox.delta.DeltaTableStore;
import dev.zerobus.console.sandbox.grpc.ZerobusGrpcServer;
import dev.zerobus.console.sandbox.http.OidcApi;
import dev.zerobus.console.sandbox.http.SandboxHttpServer;
import dev.zerobus.console.sandbox.http.StatsApi;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import java.io.IOException;
import java.net.BindException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox workspace: a local stand-in for Databricks that the official clients use unmodified over
 * loopback — OAuth, a Unity Catalog and SQL subset over HTTP, the Zerobus gRPC service, and real Delta tables
 * under the data dir. Start it with {@link #start(SandboxOptions)}, stop it with {@link #close()}.
 */
public final class SandboxWorkspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxWorkspace.class);

    private final SandboxOptions options;
    private final SandboxContext context;
    private final SandboxHttpServer http;
    private final ZerobusGrpcServer grpc;
    private final StatsApi stats = new StatsApi();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> userTokens = new ConcurrentHashMap<>();
    private final SandboxEndpoints endpoints;
    private final DataDirLock lock;
    private volatile boolean closed;

    private SandboxWorkspace(SandboxOptions options) throws IOException {
        this.options = options;
        Path dataDir = options.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        this.lock = DataDirLock.acquire(dataDir);
        var state = WorkspaceState.open(dataDir.resolve("workspace.json"), options.clock());
        var tables = new DeltaTableStore(dataDir.resolve("tables"), options.faults());
        if (state.isEmpty()) {
            LOG.info("Seeding a new sandbox workspace in {}", dataDir);
            Seed.apply(state, tables);
        }
        SchemaReconciler.reconcile(state, tables);
        var tokens = new TokenService(options.clock(), options.tokenLifetime(),
                new IdentityStore(dataDir.resolve("principals.json")));
        secrets.put(SandboxPrincipals.GRANTED, tokens.register(
                new Principal(SandboxPrincipals.GRANTED, "Sandbox service principal", 1001), options.clientSecret()));
        secrets.put(SandboxPrincipals.NO_GRANTS, tokens.register(
                new Principal(SandboxPrincipals.NO_GRANTS, "Service principal without table grants", 1002), null));
        userTokens.put(SandboxPrincipals.ADMIN, tokens.registerUser(
                Principal.user(SandboxPrincipals.ADMIN, "Sandbox admin", 1000, true)));
        userTokens.put(SandboxPrincipals.ANALYST, tokens.registerUser(
                Principal.user(SandboxPrincipals.ANALYST, "Analyst (no admin rights)", 1003, false)));
        this.context = new SandboxContext(state, tokens, tables, options.faults(), options.durability(), options.clock());

        try {
            this.http = new SandboxHttpServer(options.httpPort()); // binds: a taken port fails here
        } catch (IOException | RuntimeException e) {
            stats.close();
            tables.close();
            lock.close(); // so that a retry on other ports (startPreferring) can take the data dir
            throw e;
        }
        this.grpc = new ZerobusGrpcServer(options.grpcPort(), context);
        String workspaceUrl = "http://127.0.0.1:" + http.port();
        http.addRoutes(new OidcApi(tokens, options.faults(), () -> workspaceUrl).routes());
        http.addRoutes(SandboxRoutes.all(context, dataDir, () -> workspaceUrl));
        http.addRoutes(stats.routes(tokens));
        try {
            http.start();
            grpc.start();
        } catch (IOException | RuntimeException e) {
            stats.close();
            http.close();
            grpc.close();
            tables.close();
            lock.close();
            throw e;
        }
        this.endpoints = new SandboxEndpoints("http://127.0.0.1:" + grpc.port(), workspaceUrl, SandboxPrincipals.GRANTED,
                secrets.get(SandboxPrincipals.GRANTED), userTokens.get(SandboxPrincipals.ADMIN),
                userTokens.get(SandboxPrincipals.ANALYST), dataDir);
        LOG.info("Sandbox ready: Zerobus {} , workspace {} ({} durability)", endpoints.zerobusEndpoint(), workspaceUrl,
                options.durability());
    }

    /** Starts a sandbox; its servers are listening when this returns. */
    public static SandboxWorkspace start(SandboxOptions options) {
        try {
            return new SandboxWorkspace(options);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the sandbox: " + e.getMessage(), e);
        }
    }

    /**
     * Starts on the options' ports when they are free, else on free ones: the console asks for the ports of its last
     * launch, so that URLs kept elsewhere (a duplicated profile) stay right, yet a taken port never stops it.
     */
    public static SandboxWorkspace startPreferring(SandboxOptions options) {
        if (options.grpcPort() == 0 && options.httpPort() == 0) return start(options);
        try {
            return start(options);
        } catch (RuntimeException e) {
            if (!isPortTaken(e)) throw e;
            LOG.info("The sandbox's last ports ({} and {}) are taken; starting on free ones", options.grpcPort(), options.httpPort());
            return start(options.withPorts(0, 0));
        }
    }

    /**
     * A port in use: the JDK's HTTP server throws {@link BindException}; gRPC's Netty on Linux (epoll) throws its own
     * IOException saying "bind(..) failed: Address already in use" under "Failed to bind to address".
     */
    private static boolean isPortTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || t.getMessage() != null && t.getMessage().contains("Address already in use")) return true;
        }
        return false;
    }

    public SandboxEndpoints endpoints() {
        return endpoints;
    }

    /** The client secret of a sandbox principal ({@link SandboxPrincipals}), minted at this start. */
    public String secretOf(String clientId) {
        String secret = secrets.get(clientId);
        if (secret == null) throw new IllegalArgumentException("The sandbox has no principal '" + clientId + "'");
        return secret;
    }

    /** The personal access token of a sandbox user ({@link SandboxPrincipals#ADMIN}, {@link SandboxPrincipals#ANALYST}). */
    public String tokenOf(String userName) {
        String token = userTokens.get(userName);
        if (token == null) throw new IllegalArgumentException("The sandbox has no user '" + userName + "'");
        return token;
    }

    public FaultPlan faults() {
        return options.faults();
    }

    public SandboxContext context() {
        return context;
    }

    /** What the Zerobus service measured: ACK delays, paced stream rates, stream counts (tests and benchmarks). */
    public dev.zerobus.console.sandbox.grpc.StreamStats streamStats() {
        return grpc.stats();
    }

    public boolean isRunning() {
        return !closed;
    }

    /** Stops taking requests, lets in-flight commits finish and ACK, then closes the tables. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        grpc.close();
        http.close();
        context.tables().close();
        stats.close();
        lock.close();
        LOG.info("Sandbox stopped");
    }
}
