package dev.zerobus.console.setup;

import com.databricks.sdk.WorkspaceClient;
import dev.zerobus.console.catalog.TableName;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads "does not have X on Y" out of a Databricks permission error and says who can grant it: in Unity Catalog the
 * object's owner, a principal with MANAGE on it, or a metastore admin
 * (https://docs.databricks.com/aws/en/data-governance/unity-catalog/manage-privileges/). Stateless.
 */
final class PrivilegeAdvice {
    /** "User does not have CREATE TABLE on Schema 'main.default'" (Databricks) or "User 'x' does not have ..." (sandbox). */
    private static final Pattern MISSING = Pattern.compile(
            "does not have\\s+(?:the\\s+)?([A-Z_ ]+?)\\s+(?:privilege\\s+)?on\\s+(catalog|schema|table)\\s+"
                    + "(?:'([^']+)'|(`[^\\s]+`)|([\\w.-]*[\\w-]))",
            Pattern.CASE_INSENSITIVE);

    /** What a permission error says is missing. */
    record Missing(String privilege, String securableType, String securable) {
        String grantTo(String principal) {
            return "GRANT " + privilege + " ON " + securableType + " " + quoted() + " TO " + TableName.quote(principal);
        }

        private String quoted() {
            String[] parts = securable.replace("`", "").split("\\.");
            StringBuilder sb = new StringBuilder();
            for (String p : parts) sb.append(sb.isEmpty() ? "" : ".").append(TableName.quote(p));
            return sb.toString();
        }
    }

    private PrivilegeAdvice() {}

    static Optional<Missing> parse(@Nullable String message) {
        if (message == null) return Optional.empty();
        Matcher m = MISSING.matcher(message);
        if (!m.find()) return Optional.empty();
        String securable = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
        return Optional.of(new Missing(m.group(1).strip().replace('_', ' ').toUpperCase(Locale.ROOT),
                m.group(2).toUpperCase(Locale.ROOT), securable.replace("`", "")));
    }

    /** "the owner of schema main.default (alice@example.com), a user with MANAGE on it, or a metastore admin". */
    static String whoCanGrant(@Nullable WorkspaceClient client, String securableType, String securable) {
        String owner = client == null ? null : owner(client, securableType, securable);
        return "the owner of " + securableType.toLowerCase(Locale.ROOT) + " " + securable + (owner == null ? "" : " (" + owner + ")")
                + ", someone with MANAGE on it, or a metastore admin";
    }

    /** Best effort: the owner when "You" may read the object, else null. */
    static @Nullable String owner(WorkspaceClient client, String securableType, String securable) {
        try {
            return switch (securableType.toUpperCase(Locale.ROOT)) {
                case "CATALOG" -> client.catalogs().get(securable).getOwner();
                case "SCHEMA" -> client.schemas().get(securable).getOwner();
                case "TABLE" -> client.tables().get(securable).getOwner();
                default -> null;
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The user name of "You" (SCIM Me), or a placeholder when it cannot be read. */
    static String me(WorkspaceClient client) {
        try {
            String name = client.currentUser().me(new com.databricks.sdk.service.iam.MeRequest()).getUserName();
            return name == null ? "<your user name>" : name;
        } catch (RuntimeException e) {
            return "<your user name>";
        }
    }
}
