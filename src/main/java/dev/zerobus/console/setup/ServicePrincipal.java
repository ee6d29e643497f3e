package dev.zerobus.console.setup;

import java.util.Objects;

/**
 * A workspace service principal as SCIM describes it: {@code id} (the SCIM id, used by the secrets API),
 * {@code applicationId} (its OAuth client id: what Zerobus and GRANT use), {@code displayName}, {@code active}.
 */
public record ServicePrincipal(String id, String applicationId, String displayName, boolean active) {
    public ServicePrincipal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationId, "applicationId");
        displayName = displayName == null ? "" : displayName;
    }

    /** "orders-ingest (1b2c3d4e-...)". */
    public String label() {
        return displayName.isEmpty() ? applicationId : displayName + " (" + applicationId + ")";
    }
}
