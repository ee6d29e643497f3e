package dev.zerobus.console.catalog;

import dev.zerobus.console.workspace.Problem;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every user-facing wording of the catalog package, in one place. Each method names the object, what the server
 * said (quoted, never paraphrased into something else) and what to do next. Stateless and thread-safe.
 */
public final class CatalogProblems {
    private static final int MAX_LISTED = 20;

    private CatalogProblems() {}

    public static Problem missingWorkspaceUrl(String profile) {
        return new Problem("Profile '" + profile + "' has no workspace URL.",
                "Enter the workspace URL, e.g. https://<workspace>.cloud.databricks.com.");
    }

    public static Problem missingCredentials(String profile) {
        return new Problem("Profile '" + profile + "' has no OAuth client id or secret.",
                "Enter the service principal's client id and an OAuth secret (Settings > Identity and access > "
                        + "Service principals > Secrets).");
    }

    public static Problem invalidTableName(String name) {
        return new Problem("'" + name + "' is not a full table name.",
                "Use the three-part name catalog.schema.table, e.g. main.default.sensor_readings.");
    }

    public static Problem tableNotFound(String fullName, @Nullable List<String> available, @Nullable Throwable cause) {
        String schema = fullName.substring(0, fullName.lastIndexOf('.'));
        String message = "Table " + fullName + " does not exist";
        if (available == null) {
            message += ", and the tables of " + schema + " could not be listed.";
        } else if (available.isEmpty()) {
            message += ". Schema " + schema + " has no tables you can see.";
        } else {
            List<String> shown = available.subList(0, Math.min(MAX_LISTED, available.size()));
            message += ". Tables in " + schema + ": " + String.join(", ", shown)
                    + (available.size() > shown.size() ? " and " + (available.size() - shown.size()) + " more." : ".");
        }
        return new Problem(message, "Check the spelling, or create the table first (Catalog > Create table).", null, cause);
    }

    public static Problem notFound(String action, String serverMessage, @Nullable Throwable cause) {
        return new Problem("Could not " + action + ": the workspace says \"" + serverMessage + "\"",
                "Check the catalog, schema and table names, and that you are connected to the right workspace.", null, cause);
    }

    public static Problem permissionDenied(String action, String serverMessage, @Nullable String grant, @Nullable Throwable cause) {
        String fix = grant == null
                ? "Ask the owner of the object (or a metastore admin) to grant the missing privilege to this service principal."
                : "Ask the owner of the object (or a metastore admin) to run the GRANT below.";
        return new Problem("Could not " + action + ": permission denied. The workspace says \"" + serverMessage + "\"",
                fix, grant, cause);
    }

    public static Problem rejectedClient(@Nullable Throwable cause) {
        return new Problem("The workspace rejected the client id or secret (invalid_client).",
                "Check the service principal's client id (its application id) and create a new OAuth secret if the "
                        + "secret was mistyped, revoked or has expired; then update the connection profile.", null, cause);
    }

    public static Problem unauthenticated(String serverMessage, @Nullable Throwable cause) {
        return new Problem("The workspace did not accept the credentials: \"" + serverMessage + "\"",
                "Check the workspace URL, the client id and the OAuth secret of the connection profile.", null, cause);
    }

    public static Problem alreadyExists(String action, String serverMessage, @Nullable Throwable cause) {
        return new Problem("Could not " + action + ": it already exists. The workspace says \"" + serverMessage + "\"",
                "Choose another name, or delete the existing object first.", null, cause);
    }

    public static Problem invalidRequest(String action, String serverMessage, @Nullable Throwable cause) {
        return new Problem("Could not " + action + ": the workspace refused the request: \"" + serverMessage + "\"",
                "Correct the value it names and try again.", null, cause);
    }

    public static Problem unreachable(String action, @Nullable Throwable cause) {
        return new Problem("Could not " + action + ": the workspace did not answer.",
                "Check the workspace URL, your network, VPN or proxy (HTTPS_PROXY / NO_PROXY), then try again.", null, cause);
    }

    public static Problem serverError(String action, int status, String serverMessage, @Nullable Throwable cause) {
        return new Problem("Could not " + action + ": the workspace answered HTTP " + status + " \"" + serverMessage + "\"",
                "Try again in a moment; if it repeats, check the workspace's status page.", null, cause);
    }

    public static Problem unexpected(String action, @Nullable Throwable cause) {
        return new Problem("Could not " + action + " because of an unexpected error.",
                "Try again; if it repeats, attach the log file to a bug report.", null, cause);
    }

    public static Problem unreadableColumn(String table, String column, String typeText, @Nullable Throwable cause) {
        return new Problem("Column '" + column + "' of " + table + " has a type the console cannot read: " + typeText + ".",
                "Report the type in a bug report; the console cannot ingest into this table until it can read it.", null, cause);
    }

    public static Problem noWarehouse() {
        return new Problem("The workspace has no SQL warehouse you can use, so the table cannot be read back.",
                "Create a SQL warehouse (SQL > SQL warehouses) or ask for CAN USE on an existing one.");
    }

    public static Problem unknownColumn(String table, String column) {
        return new Problem("Table " + table + " has no column '" + column + "' to order by.",
                "Pick one of the table's columns, or read the rows without an order.");
    }

    public static Problem statementFailed(String statement, @Nullable String errorCode, String serverMessage) {
        return new Problem("The SQL warehouse could not run " + statement + ": " + serverMessage
                + (errorCode == null ? "" : " (" + errorCode + ")"),
                "Check that the table exists and that you hold SELECT on it; the message above is the warehouse's own.");
    }

    /** A statement the warehouse FAILED for a missing privilege; {@code grant} (nullable) is the GRANT that fixes it. */
    public static Problem statementDenied(String statement, String serverMessage, @Nullable String grant) {
        return new Problem("The SQL warehouse refused to run " + statement + ": permission denied. The warehouse says \""
                + serverMessage + "\"", grant == null
                ? "Ask the owner of the object (or a metastore admin) to grant the privilege named above, then run it again."
                : "Ask the owner of the object (or a metastore admin) to run the GRANT below, then run it again.", grant, null);
    }

    public static Problem statementEnded(String statement, String state) {
        return new Problem("The SQL statement " + statement + " ended as " + state + " before it returned rows.",
                "Run it again; if the warehouse is stopping or was restarted, wait until it is RUNNING.");
    }

    public static Problem statementTimedOut(String statement, Duration waited) {
        return new Problem("The SQL warehouse did not finish " + statement + " within " + waited.toSeconds() + " s.",
                "The warehouse may be starting (that can take minutes); try again when it shows RUNNING, or pick a running warehouse.");
    }
}
