package dev.zerobus.console.catalog;

import java.util.Objects;

/**
 * One privilege a principal holds on a table, and where it was granted: on the table itself, or inherited from its
 * schema or catalog ({@code grantedOnType} is "table", "schema" or "catalog"; {@code grantedOn} its full name).
 */
public record HeldPrivilege(String privilege, String grantedOnType, String grantedOn) {
    public HeldPrivilege {
        Objects.requireNonNull(privilege);
        Objects.requireNonNull(grantedOnType);
        Objects.requireNonNull(grantedOn);
    }

    public boolean isInherited() {
        return !grantedOnType.equals("table");
    }
}
