package dev.zerobus.console.catalog;

import java.util.List;

/** Privileges granted directly on a securable to one principal (privilege names as UC spells them: SELECT, USE_SCHEMA). */
public record TableGrant(String principal, List<String> privileges) {
    public TableGrant {
        privileges = List.copyOf(privileges);
    }
}
