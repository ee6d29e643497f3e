package dev.zerobus.console.catalog;

import dev.zerobus.console.workspace.Problem;
import org.jspecify.annotations.Nullable;

/**
 * A statement the warehouse ran and FAILED (HTTP 200, state FAILED), with the warehouse's own error code (e.g.
 * {@code PERMISSION_DENIED}, {@code RESOURCE_ALREADY_EXISTS}) and message, so that callers can explain it better.
 */
public final class StatementFailedException extends CatalogException {
    private final String statement;
    private final @Nullable String errorCode;
    private final String serverMessage;

    public StatementFailedException(Problem problem, String statement, @Nullable String errorCode, String serverMessage) {
        super(problem);
        this.statement = statement;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    public String statement() { return statement; }

    public @Nullable String errorCode() { return errorCode; }

    public String serverMessage() { return serverMessage; }

    /**
     * True for a privilege the caller lacks. SDK 0.141's ServiceErrorCode has no PERMISSION_DENIED, so Databricks puts it in
     * the message: "[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have CREATE TABLE on Schema 'main.default'."
     */
    public boolean isPermissionDenied() {
        return "PERMISSION_DENIED".equals(errorCode) || serverMessage.contains("PERMISSION_DENIED")
                || serverMessage.contains("INSUFFICIENT_PERMISSIONS")
                || serverMessage.toLowerCase(java.util.Locale.ROOT).contains("does not have");
    }

    /** True when the object exists already (TABLE_OR_VIEW_ALREADY_EXISTS, RESOURCE_ALREADY_EXISTS). */
    public boolean isAlreadyExists() {
        return "ALREADY_EXISTS".equals(errorCode) || "RESOURCE_ALREADY_EXISTS".equals(errorCode) || serverMessage.contains("ALREADY_EXISTS");
    }
}
