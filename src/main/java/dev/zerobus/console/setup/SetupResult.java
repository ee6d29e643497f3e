package dev.zerobus.console.setup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.doctor.CheckReport;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A finished set-up run: the table (and whether this run created it), the principal (and whether it was created),
 * its new secret (shown once; null when the profile's secret was reused), the GRANTs run, every step with its
 * equivalent command, what was created, and the doctor's report as the principal. {@link #toString()} masks the secret.
 */
public record SetupResult(String table, boolean tableCreated, @Nullable String createTableSql, Warehouse warehouse,
                          ServicePrincipal principal, boolean principalCreated, @Nullable CreatedSecret secret,
                          List<String> grants, List<SetupStep> steps, List<CreatedResource> created,
                          @Nullable CheckReport doctor, @Nullable SchemaDrift drift) {
    public SetupResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(principal, "principal");
        grants = List.copyOf(grants);
        steps = List.copyOf(steps);
        created = List.copyOf(created);
    }

    /** The OAuth client id to ingest with (the principal's application id). */
    public String clientId() {
        return principal.applicationId();
    }

    /** True when the doctor ran and every step passed. */
    public boolean doctorPassed() {
        return doctor != null && doctor.passed();
    }

    /**
     * The CLI's one JSON line: {@code table, tableCreated, clientId, principalCreated, grants}, plus
     * {@code clientSecret} only when {@code withSecret} (and a secret was created), and {@code doctor} when it ran.
     */
    public String toJson(boolean withSecret) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("table", table)
                .put("tableCreated", tableCreated)
                .put("clientId", clientId())
                .put("principal", principal.displayName())
                .put("principalCreated", principalCreated);
        var array = node.putArray("grants");
        grants.forEach(array::add);
        node.put("secretCreated", secret != null);
        if (withSecret && secret != null) node.put("clientSecret", secret.secret().reveal());
        node.put("warehouseId", warehouse.id());
        if (doctor != null) node.put("doctor", doctor.passed() ? "passed" : "failed");
        return node.toString();
    }

    @Override
    public String toString() {
        return "SetupResult[" + table + (tableCreated ? " (created)" : "") + ", " + principal.label()
                + (principalCreated ? " (created)" : "") + ", secret " + (secret == null ? "reused" : "****") + ", grants " + grants.size() + "]";
    }
}
