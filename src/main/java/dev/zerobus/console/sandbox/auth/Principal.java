package dev.zerobus.console.sandbox.auth;

/**
 * A principal of the sandbox: a user or a service principal. {@link #clientId()} is the name Unity Catalog grants
 * name it by: a service principal's application (client) id, a user's userName (e-mail). {@link #id()} is the SCIM
 * id. {@code admin} marks a workspace admin, who is also the metastore admin in the sandbox.
 */
public record Principal(String clientId, String displayName, long id, Kind kind, boolean admin) {
    public enum Kind { USER, SERVICE_PRINCIPAL }

    /** A service principal that is not an admin. */
    public Principal(String clientId, String displayName, long id) {
        this(clientId, displayName, id, Kind.SERVICE_PRINCIPAL, false);
    }

    public static Principal user(String userName, String displayName, long id, boolean admin) {
        return new Principal(userName, displayName, id, Kind.USER, admin);
    }

    public boolean isUser() {
        return kind == Kind.USER;
    }
}
