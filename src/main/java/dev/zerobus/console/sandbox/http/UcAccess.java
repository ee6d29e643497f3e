package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.sandbox.FaultPlan;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.metadata.Securable;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import java.util.Locale;

/**
 * Authentication and Unity Catalog-style authorisation for the REST routes. Every 403 names the missing
 * privilege, the object and the GRANT statement that fixes it. Thread-safe (stateless over thread-safe parts).
 */
final class UcAccess {
    private final BearerAuth auth;
    private final WorkspaceState state;
    private final FaultPlan faults;

    UcAccess(BearerAuth auth, WorkspaceState state, FaultPlan faults) {
        this.auth = auth;
        this.state = state;
        this.faults = faults;
    }

    WorkspaceState state() {
        return state;
    }

    /** Starts a Unity Catalog call: the injected catalog delay, then the bearer token. Returns the principal's name. */
    String begin(HttpExchangeContext request) {
        try {
            faults.delayCatalogCall();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "TEMPORARILY_UNAVAILABLE", "The sandbox is shutting down.");
        }
        return authenticate(request);
    }

    /** The principal behind the request's bearer token (no delay): for the non-catalog routes. */
    String authenticate(HttpExchangeContext request) {
        return auth.require(request).principal().clientId();
    }

    /** True for the sandbox's metastore admin (its workspace admin user). */
    boolean isMetastoreAdmin(String principal) {
        return auth.isAdmin(principal);
    }

    /** Requires {@code privilege} on the securable or one of its parents. */
    void require(String principal, Securable on, String privilege) {
        if (!state.holds(principal, on, privilege)) throw denied(principal, privilege, on);
    }

    /** USE CATALOG on the table's or schema's catalog, and USE SCHEMA on its schema when {@code on} is a table. */
    void requireParents(String principal, Securable on) {
        Securable parent = on.parent();
        if (parent == null) return;
        if (parent.type() == Securable.Type.SCHEMA) {
            require(principal, parent.parent(), "USE_CATALOG");
            require(principal, parent, "USE_SCHEMA");
        } else {
            require(principal, parent, "USE_CATALOG");
        }
    }

    /** Table reads: USE CATALOG, USE SCHEMA, then {@code privilege} on the table (when not null). */
    void requireTable(String principal, TableInfo table, String privilege) {
        Securable securable = Securable.table(table.fullName());
        requireParents(principal, securable);
        if (privilege != null) require(principal, securable, privilege);
    }

    /** Ownership of the object or of one of its parents (catalog, schema): needed to delete it or change its grants. */
    void requireOwnership(String principal, Securable on) {
        for (Securable s = on; s != null; s = s.parent()) {
            if (principal.equals(owner(s))) return;
        }
        throw ApiException.permissionDenied("User '" + principal + "' is not the owner of " + on.type().lower() + " '"
                + on.fullName() + "' (owner: '" + owner(on) + "'). Fix: ALTER " + on.type().name() + " " + on.fullName()
                + " OWNER TO `" + principal + "` (run it as the current owner).");
    }

    /**
     * True if the principal owns the object (or a parent), holds a direct grant on it, or holds ALL PRIVILEGES on a
     * parent. USE CATALOG / USE SCHEMA on the parents alone do not count: they let one in, not see the object.
     */
    boolean holdsAny(String principal, Securable on) {
        if (state.grants(on).containsKey(principal)) return true;
        for (Securable s = on; s != null; s = s.parent()) {
            if (principal.equals(owner(s))) return true;
            if (s != on && state.holdsDirectly(principal, s, "ALL_PRIVILEGES")) return true;
        }
        return false;
    }

    String owner(Securable s) {
        return switch (s.type()) {
            case CATALOG -> state.catalog(s.fullName()).owner();
            case SCHEMA -> state.schema(s.fullName()).owner();
            case TABLE -> state.table(s.fullName()).owner();
        };
    }

    static ApiException denied(String principal, String privilege, Securable on) {
        String spoken = privilege.replace('_', ' ').toUpperCase(Locale.ROOT);
        return ApiException.permissionDenied("User '" + principal + "' does not have " + spoken + " on "
                + on.type().lower() + " '" + on.fullName() + "'. Fix: GRANT " + spoken + " ON " + on.type().name() + " "
                + on.fullName() + " TO `" + principal + "`");
    }
}
