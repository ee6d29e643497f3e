package dev.zerobus.console.sandbox.auth;

/**
 * A service principal of the sandbox. In Unity Catalog grants a service principal is named by its
 * application (client) id, so {@link #clientId()} is also the grantee name.
 */
public record Principal(String clientId, String displayName, long id) {
}
