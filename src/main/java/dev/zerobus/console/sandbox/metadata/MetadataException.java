package dev.zerobus.console.sandbox.metadata;

/** An expected metadata failure, with the Databricks error code the REST layer answers with. */
public final class MetadataException extends RuntimeException {
    public enum Code {
        NOT_FOUND(404), RESOURCE_ALREADY_EXISTS(409), INVALID_PARAMETER_VALUE(400), PERMISSION_DENIED(403);

        private final int httpStatus;
        Code(int httpStatus) { this.httpStatus = httpStatus; }
        public int httpStatus() { return httpStatus; }
    }

    private final Code code;

    public MetadataException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public static MetadataException notFound(String what, String name) {
        return new MetadataException(Code.NOT_FOUND, what + " '" + name + "' does not exist.");
    }

    public static MetadataException exists(String what, String name) {
        return new MetadataException(Code.RESOURCE_ALREADY_EXISTS, what + " '" + name + "' already exists.");
    }

    public static MetadataException invalid(String message) {
        return new MetadataException(Code.INVALID_PARAMETER_VALUE, message);
    }
}
