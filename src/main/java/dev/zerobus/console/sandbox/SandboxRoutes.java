package dev.zerobus.console.sandbox;

import dev.zerobus.console.sandbox.http.Route;
import dev.zerobus.console.sandbox.http.WorkspaceApi;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The Unity Catalog, SCIM, SQL statement and admin routes of the sandbox's HTTP side (OAuth is {@code OidcApi}). */
final class SandboxRoutes {
    private SandboxRoutes() {}

    static List<Route> all(SandboxContext context, Path dataDir, Supplier<String> baseUrl) {
        return WorkspaceApi.routes(context, dataDir);
    }
}
