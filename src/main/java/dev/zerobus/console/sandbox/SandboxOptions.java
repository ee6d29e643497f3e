package dev.zerobus.console.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to start a sandbox. Ports 0 pick free ports. {@code clientSecret} fixes the secret of {@code sandbox-sp}
 * (tests); null mints a random one at every start, so no secret is ever stored in the data dir.
 */
public record SandboxOptions(Path dataDir, int grpcPort, int httpPort, Duration tokenLifetime, Durability durability,
                             @Nullable String clientSecret, FaultPlan faults, Clock clock) {
    public SandboxOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
    }

    public static SandboxOptions defaults(Path dataDir) {
        return new SandboxOptions(dataDir, 0, 0, Duration.ofHours(1), Durability.DURABLE, null, new FaultPlan(), Clock.systemUTC());
    }

    public SandboxOptions withPorts(int grpc, int http) {
        return new SandboxOptions(dataDir, grpc, http, tokenLifetime, durability, clientSecret, faults, clock);
    }

    public SandboxOptions withTokenLifetime(Duration lifetime) {
        return new SandboxOptions(dataDir, grpcPort, httpPort, lifetime, durability, clientSecret, faults, clock);
    }

    public SandboxOptions withDurability(Durability value) {
        return new SandboxOptions(dataDir, grpcPort, httpPort, tokenLifetime, value, clientSecret, faults, clock);
    }

    public SandboxOptions withClientSecret(@Nullable String secret) {
        return new SandboxOptions(dataDir, grpcPort, httpPort, tokenLifetime, durability, secret, faults, clock);
    }

    public SandboxOptions withFaults(FaultPlan plan) {
        return new SandboxOptions(dataDir, grpcPort, httpPort, tokenLifetime, durability, clientSecret, plan, clock);
    }

    /** The clock of tokens, codes and metadata times: tests move it to expire OAuth codes without waiting. */
    public SandboxOptions withClock(Clock value) {
        return new SandboxOptions(dataDir, grpcPort, httpPort, tokenLifetime, durability, clientSecret, faults, value);
    }

    /** The per-user default data dir: $XDG_DATA_HOME, %APPDATA% or ~/Library/Application Support. */
    public static Path defaultDataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("ZerobusConsole/sandbox");
        }
        if (os.contains("mac")) return home.resolve("Library/Application Support/ZerobusConsole/sandbox");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("zerobus-console/sandbox");
    }
}
