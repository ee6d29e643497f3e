package dev.zerobus.console.catalog;

import com.databricks.sdk.core.DatabricksError;
import dev.zerobus.console.workspace.GrantStatements;
import dev.zerobus.console.workspace.Problem;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Translates what the Databricks SDK throws into a {@link CatalogException} with a {@link CatalogProblems} wording. */
public final class SdkErrors {
    /** Databricks and the sandbox both end the message with the statement when they know it. */
    /**
     * "User 'x' does not have SELECT on table 'a.b.c'" (sandbox) or "User does not have USE SCHEMA on Schema 'a.b'."
     * (Databricks, which leaves the user out).
     */
    private static final Pattern MISSING_PRIVILEGE = Pattern.compile(
            "(?:(?:User|Principal)\\s+(?:'([^']+)'\\s+)?)?does not have\\s+([A-Z_ ]+?)\\s+(?:privilege\\s+)?on\\s+"
                    + "(catalog|schema|table)\\s+'?([\\w`-]+(?:\\.[\\w`-]+)*)", Pattern.CASE_INSENSITIVE);
    /** Stands in for the principal when the server's message doesn't name it. */
    private static final String SOME_PRINCIPAL = "<service principal application id>";

    private SdkErrors() {}

    /** {@code action} completes "Could not ...", e.g. "list the tables of main.default". */
    public static CatalogException translate(RuntimeException e, String action) {
        if (e instanceof CatalogException known) return known;
        // The SDK reports a refused or timed-out connection as a DatabricksError with status 523: the I/O cause decides.
        if (find(e, IOException.class) != null) return new CatalogException(CatalogProblems.unreachable(action, e));
        DatabricksError error = databricksError(e);
        if (error != null) return new CatalogException(fromStatus(error, action, e));
        return new CatalogException(CatalogProblems.unexpected(action, e));
    }

    public static boolean isNotFound(RuntimeException e) {
        DatabricksError error = databricksError(e);
        return error != null && error.getStatusCode() == 404;
    }

    private static Problem fromStatus(DatabricksError error, String action, RuntimeException e) {
        String message = error.getMessage() == null ? "" : error.getMessage().strip();
        return switch (error.getStatusCode()) {
            case 401 -> message.contains("invalid_client") ? CatalogProblems.rejectedClient(e) : CatalogProblems.unauthenticated(message, e);
            case 403 -> CatalogProblems.permissionDenied(action, message, grantFor(message), e);
            case 404 -> CatalogProblems.notFound(action, message, e);
            case 409 -> CatalogProblems.alreadyExists(action, message, e);
            case 400 -> "RESOURCE_ALREADY_EXISTS".equals(error.getErrorCode())
                    ? CatalogProblems.alreadyExists(action, message, e) : CatalogProblems.invalidRequest(action, message, e);
            default -> CatalogProblems.serverError(action, error.getStatusCode(), message, e);
        };
    }

    /** The GRANT that fixes a permission error: quoted from the message, else derived from "does not have X on Y". */
    public static @Nullable String grantFor(String message) {
        return grantFor(message, null);
    }

    /**
     * As {@link #grantFor(String)}; {@code principal} (the caller, when known) is granted to when the message names
     * nobody, as Databricks' INSUFFICIENT_PERMISSIONS does.
     */
    public static @Nullable String grantFor(String message, @Nullable String principal) {
        String quoted = GrantStatements.firstIn(message);
        if (quoted != null) return quoted;
        Matcher missing = MISSING_PRIVILEGE.matcher(message);
        if (!missing.find()) return null;
        String privilege = missing.group(2).strip().replace('_', ' ').toUpperCase(Locale.ROOT);
        String grantee = missing.group(1) != null ? missing.group(1) : principal != null && !principal.isBlank() ? principal : SOME_PRINCIPAL;
        return "GRANT " + privilege + " ON " + missing.group(3).toUpperCase(Locale.ROOT) + " " + missing.group(4)
                + " TO " + TableName.quote(grantee);
    }

    /** The most specific SDK error in the chain: token failures arrive wrapped, with the 401 as the root cause. */
    private static @Nullable DatabricksError databricksError(Throwable e) {
        DatabricksError found = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof DatabricksError d && (found == null || d.getStatusCode() != 0)) found = d;
        }
        return found;
    }

    private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }
}
