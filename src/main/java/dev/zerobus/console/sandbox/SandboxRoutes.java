package dev.zerobus.console.sandbox;

import dev.zerobus.console.sandbox.http.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** PLACEHOLDER: the Unity Catalog, SQL statement and admin routes, built by the HTTP side. */
final class SandboxRoutes {
    private SandboxRoutes() {}

    static List<Route> all(SandboxContext context, Path dataDir, Supplier<String> baseUrl) {
        return List.of();
    }
}
