package dev.zerobus.console.sandbox.http;

/** Thrown by a route handler to answer with a Databricks-shaped error. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String errorCode;

    public ApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() { return status; }
    public String errorCode() { return errorCode; }

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, "UNAUTHENTICATED", message);
    }

    public static ApiException permissionDenied(String message) {
        return new ApiException(403, "PERMISSION_DENIED", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "INVALID_PARAMETER_VALUE", message);
    }
}
