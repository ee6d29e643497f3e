package dev.zerobus.console.sandbox.grpc;

import io.grpc.Status;
import io.grpc.StatusException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every status the sandbox's Zerobus service returns, worded in one place. Messages name the table, column,
 * field or offset and say what to do; the SDK shows them to the user. The status codes follow
 * what the client does with them: the SDK retries UNAVAILABLE and gives up on the rest ({@code NonRetriableException}).
 *
 * <p>Where the public sources show the service's own error code, the description ends the way the service's does:
 * {@code "... Error Code: 6002, Error State: 0."} (github.com/emqx/emqx pull 18393, its Zerobus bridge and tests quote
 * the service's messages: "Stream timeout reached. Closing the stream (ID: ...). Error Code: 6002, Error State: 0."
 * and "Record decoder/encoder error: unrecognized field name 'ip' ... Error Code: 4044, Error State: 3."). Codes
 * the sources do not show are not invented: those messages carry none.
 */
final class StreamErrors {
    /**
     * A missing table-level grant (github.com/databricks-solutions/ai-dev-kit issue 290: "Explicit table grants ...
     * Error 4024"). The service also uses 4024 for an unsupported table kind.
     */
    static final int MISSING_TABLE_GRANT = 4024;
    /**
     * A record (or, in the sandbox, a descriptor) that does not fit the table: unknown field, wrong type ("invalid
     * type: X, expected Y"), missing NOT NULL column. The public sources show 4044 for record decoder errors; they
     * show no code for a descriptor refused at create_stream, and the sandbox uses the same code there so a client
     * handles a schema mismatch one way (docs silent: the stricter, single reading).
     */
    static final int RECORD_MISMATCH = 4044;
    /** The service closed the stream ("Stream timeout reached"); the client opens a new one. */
    static final int STREAM_TIMEOUT = 6002;

    private StreamErrors() {}

    /** The service's ending of a message that has an error code: {@code " Error Code: 4044, Error State: 3."}. */
    static String coded(String description, int code, int state) {
        String text = description.endsWith(".") ? description : description + ".";
        return text + " Error Code: " + code + ", Error State: " + state + ".";
    }

    static StatusException missingToken() {
        return Status.UNAUTHENTICATED.withDescription(
                "Missing authorization header: send 'authorization: Bearer <token>' with a token from the workspace's "
                        + "/oidc/v1/token endpoint").asException();
    }

    static StatusException unknownToken() {
        return Status.UNAUTHENTICATED.withDescription(
                "Invalid token: this workspace did not issue the bearer token (the sandbox forgets tokens when it restarts). "
                        + "Fetch a new token").asException();
    }

    static StatusException expiredToken(Instant expiredAt, String clientId) {
        return Status.UNAUTHENTICATED.withDescription("Token expired at " + expiredAt + " (client '" + clientId
                + "'). Fetch a new token").asException();
    }

    static StatusException malformedTableName(String name) {
        return Status.INVALID_ARGUMENT.withDescription("Invalid table name '" + name
                + "': expected catalog.schema.table, each part made of ASCII letters, digits and underscores").asException();
    }

    static StatusException tableNameMismatch(String header, String requested) {
        return Status.INVALID_ARGUMENT.withDescription("Table name mismatch: header x-databricks-zerobus-table-name is '"
                + header + "' but create_stream.table_name is '" + requested + "'").asException();
    }

    static StatusException tableNotFound(String name) {
        return Status.NOT_FOUND.withDescription("Table '" + name
                + "' does not exist. Check the catalog, schema and table names, or create the table first").asException();
    }

    static StatusException notManagedDelta(String name, String tableType, String format) {
        return Status.INVALID_ARGUMENT.withDescription("Table '" + name + "' is a " + tableType + " " + format
                + " table; Zerobus ingests only into managed Delta tables").asException();
    }

    static StatusException tokenNotForTable(String name, List<String> missing) {
        return Status.PERMISSION_DENIED.withDescription(coded("The token's authorization_details do not grant "
                + String.join(", ", missing) + " on TABLE " + name
                + ". Request a token for this table (the Zerobus SDK does so itself)", MISSING_TABLE_GRANT, 0)).asException();
    }

    static StatusException missingGrants(String name, String principal, List<String> missing) {
        String privileges = String.join(", ", missing);
        return Status.PERMISSION_DENIED.withDescription(coded("Principal '" + principal
                + "' lacks " + privileges + " on table " + name + " (grants on the catalog or schema do not count). Run: GRANT "
                + privileges + " ON TABLE " + name + " TO `" + principal + "`", MISSING_TABLE_GRANT, 0)).asException();
    }

    static StatusException firstMessageNotCreate(String got) {
        return Status.INVALID_ARGUMENT.withDescription(
                "The first message of a stream must be create_stream, got " + got + "").asException();
    }

    static StatusException createTwice() {
        return Status.INVALID_ARGUMENT.withDescription("create_stream was sent twice on one stream").asException();
    }

    static StatusException emptyMessage() {
        return Status.INVALID_ARGUMENT.withDescription("The request has no payload (create_stream, ingest_record or "
                + "ingest_record_batch)").asException();
    }

    static StatusException noRecord(long offset, boolean beforeCreate) {
        if (beforeCreate) return firstMessageNotCreate("an ingest request");
        return Status.INVALID_ARGUMENT.withDescription("The ingest request at offset " + offset
                + " carries no record (set proto_encoded_record/json_record or a batch)").asException();
    }

    static StatusException recordTypeUnspecified(String table) {
        return Status.INVALID_ARGUMENT.withDescription("create_stream for table " + table
                + " has record_type RECORD_TYPE_UNSPECIFIED; set PROTO or JSON").asException();
    }

    static StatusException missingDescriptor(String table) {
        return Status.INVALID_ARGUMENT.withDescription("create_stream for table " + table
                + " is a PROTO stream without descriptor_proto; send the serialized DescriptorProto of the record message").asException();
    }

    static StatusException badDescriptor(String table, String problem) {
        return Status.INVALID_ARGUMENT.withDescription("The descriptor_proto for table " + table
                + " does not parse: " + problem).asException();
    }

    static StatusException schemaMismatch(String table, List<String> differences) {
        return Status.INVALID_ARGUMENT.withDescription(coded("Record decoder/encoder error: the descriptor does not fit table "
                + table + " (" + differences.size() + (differences.size() == 1 ? " difference" : " differences") + "): "
                + String.join("; ", differences) + ". Nullable columns may be left out; NOT NULL ones may not",
                RECORD_MISMATCH, 3)).asException();
    }

    static StatusException unsupportedColumns(String table, List<String> problems) {
        return Status.INVALID_ARGUMENT.withDescription("Table " + table + " has columns Zerobus cannot ingest: "
                + String.join("; ", problems)).asException();
    }

    static StatusException wrongRecordKind(long offset, String got, String streamType) {
        return Status.INVALID_ARGUMENT.withDescription("Request at offset " + offset + " carries a " + got
                + " record but the stream was created with record_type " + streamType + "").asException();
    }

    static StatusException unexpectedOffset(long expected, long got) {
        return Status.INVALID_ARGUMENT.withDescription("Unexpected offset_id " + got + ": expected " + expected
                + " (offsets start at 0 on each stream and grow by 1 per request)").asException();
    }

    static StatusException messageTooLarge(long offset, int bytes, int limit) {
        return Status.INVALID_ARGUMENT.withDescription("The request at offset " + offset + " is " + bytes
                + " bytes; the limit is " + limit + " bytes (10 MB) per message. Send smaller batches").asException();
    }

    static StatusException badRecord(String table, long offset, int index, int batchSize, String problem) {
        String where = batchSize > 1 || index > 0 ? "Record " + index + " of the batch at offset " + offset : "Record at offset " + offset;
        return Status.INVALID_ARGUMENT.withDescription(coded("Record decoder/encoder error: " + where + " does not fit table "
                + table + ": " + problem, RECORD_MISMATCH, 3)).asException();
    }

    static StatusException closedByFault(String streamId, long records) {
        return Status.UNAVAILABLE.withDescription(coded("Stream timeout reached. Closing the stream (ID: " + streamId
                + ") after " + records + " records (fault injection: closeStreamsAfter). Recover by opening a new stream",
                STREAM_TIMEOUT, 0)).asException();
    }

    /** {@code why}: what made the sandbox announce the close ("fault injection: closeSignalAfter", "stream lifetime 900 s"). */
    static StatusException closedAfterSignal(String streamId, Duration after, String why) {
        return Status.UNAVAILABLE.withDescription(coded("Stream timeout reached. Closing the stream (ID: " + streamId
                + ") " + after.toMillis() + " ms after close_stream_signal (" + why + "). Recover by opening a new stream",
                STREAM_TIMEOUT, 0)).asException();
    }

    static StatusException commitFailed(String table, long offset, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return Status.UNAVAILABLE.withDescription("Commit to table " + table + " failed at offset " + offset + ": " + reason
                + ". Unacknowledged records must be sent again on a new stream").asException();
    }

    static StatusException stopping() {
        return Status.UNAVAILABLE.withDescription("The sandbox is stopping; durable records were acknowledged").asException();
    }
}
