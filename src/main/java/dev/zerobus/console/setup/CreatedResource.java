package dev.zerobus.console.setup;

import java.util.Objects;

/**
 * Something a set-up run created, with the command that removes it again.
 *
 * @param kind        what it is
 * @param id          its identity: the table's full name, the principal's SCIM id, "{principal id}/{secret id}", or
 *                    the GRANT statement
 * @param description for people, e.g. "service principal 'orders-ingest' (application id 1b2c...)"
 * @param undoCommand the SQL / Databricks CLI command that removes it
 */
public record CreatedResource(Kind kind, String id, String description, String undoCommand) {
    public enum Kind { TABLE, SERVICE_PRINCIPAL, SECRET, GRANT }

    public CreatedResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(undoCommand, "undoCommand");
    }
}
