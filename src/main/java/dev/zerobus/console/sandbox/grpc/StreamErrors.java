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
 */
final class StreamErrors {
    /** Databricks' error code for a missing table-level grant. */
    static final int MISSING_TABLE_GRANT = 4024;

    private StreamErrors() {}

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
        return Status.PERMISSION_DENIED.withDescription("Error code " + MISSING_TABLE_GRANT
                + ": the token's authorization_details do not grant " + String.join(", ", missing) + " on TABLE " + name
                + ". Request a token for this table (the Zerobus SDK does so itself)").asException();
    }

    static StatusException missingGrants(String name, String principal, List<String> missing) {
        String privileges = String.join(", ", missing);
        return Status.PERMISSION_DENIED.withDescription("Error code " + MISSING_TABLE_GRANT + ": principal '" + principal
                + "' lacks " + privileges + " on table " + name + " (grants on the catalog or schema do not count). Run: GRANT "
                + privileges + " ON TABLE " + name + " TO `" + principal + "`").asException();
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
        return Status.INVALID_ARGUMENT.withDescription("The record schema does not match table " + table + " ("
                + differences.size() + (differences.size() == 1 ? " difference" : " differences") + "): "
                + String.join("; ", differences)).asException();
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
        return Status.INVALID_ARGUMENT.withDescription(where + " does not fit table " + table + ": " + problem).asException();
    }

    static StatusException closedByFault(long records) {
        return Status.UNAVAILABLE.withDescription("Stream timeout reached: the sandbox closed the stream after " + records
                + " records (fault injection: closeStreamsAfter). Recover by opening a new stream").asException();
    }

    static StatusException closedAfterSignal(Duration after) {
        return Status.UNAVAILABLE.withDescription("Stream timeout reached: the stream was closed " + after.toMillis()
                + " ms after close_stream_signal (fault injection: closeSignalAfter). Recover by opening a new stream").asException();
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
