package dev.zerobus.console.sandbox.auth;

import java.util.List;
import java.util.Locale;

/**
 * One entry of the OAuth {@code authorization_details} list the Zerobus SDK sends with its token request:
 * {@code {"type":"unity_catalog_privileges","object_type":"TABLE","object_full_path":"main.default.t",
 * "privileges":["SELECT","MODIFY"]}}. Privileges are kept as sent ({@code USE CATALOG} with a space).
 */
public record AuthorizationDetail(String type, String objectType, String objectFullPath, List<String> privileges) {
    public AuthorizationDetail {
        privileges = List.copyOf(privileges);
    }

    /** True if this detail grants {@code privilege} (either spelling) on the object. */
    public boolean allows(String objectType, String fullPath, String privilege) {
        String wanted = normalise(privilege);
        return this.objectType.equalsIgnoreCase(objectType) && this.objectFullPath.equalsIgnoreCase(fullPath)
                && privileges.stream().map(AuthorizationDetail::normalise)
                        .anyMatch(p -> p.equals(wanted) || p.equals("ALL_PRIVILEGES"));
    }

    /** {@code "USE CATALOG"} and {@code "use_catalog"} both become {@code USE_CATALOG}. */
    public static String normalise(String privilege) {
        return privilege.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    }
}
