package dev.zerobus.console.snippet;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import dev.zerobus.console.schema.ProtoSchema;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Everything one snippet is written from: the request, the table's proto mapping and the record to ingest. */
record SnippetContext(SnippetRequest request, ProtoSchema proto, Map<String, @Nullable Object> record) {
    static final String SECRET_ENV = "DATABRICKS_CLIENT_SECRET";
    static final String CLIENT_ID_ENV = "DATABRICKS_CLIENT_ID";
    static final int BATCH_SIZE = 3;

    static SnippetContext of(SnippetRequest request) {
        return new SnippetContext(request, protoSchema(request.table()),
                SnippetValues.record(request.table(), request.sampleRecord()));
    }

    /** The mapper throws when the table name itself cannot be a message name; that blocks PROTO like a column would. */
    private static ProtoSchema protoSchema(TableSchema table) {
        try {
            return ProtoSchemaMapper.map(table);
        } catch (IllegalStateException e) {
            var problem = new ProtoSchema.ColumnProblem(table.tableName(), "table name",
                    "the table name is not a valid protobuf message name (" + e.getMessage() + ")");
            return new ProtoSchema(table.tableName(), DescriptorProto.getDefaultInstance(), "", List.of(problem));
        }
    }

    String table() { return request.table().fullName(); }
    String endpoint() { return request.zerobusEndpoint(); }
    String workspaceUrl() { return request.workspaceUrl(); }
    String clientId() { return request.clientId(); }
    boolean isProto() { return request.recordType() == SnippetRecordType.PROTO; }
    String messageName() { return proto.messageName(); }
    String recordJson() { return SnippetValues.json(record); }

    /** A PROTO snippet for a table the mapping cannot carry is only this explanation, no code. */
    boolean isProtoBlocked() {
        return isProto() && !proto.isUsable();
    }

    /** The header every snippet starts with: what it is, what to install, how to run, and any warnings. */
    List<String> header(String fileName, List<String> install, List<String> run) {
        List<String> lines = new ArrayList<>();
        lines.add("Zerobus Ingest producer for " + table() + " (" + request.recordType() + " records), written by Zerobus Ingest Console.");
        if (isProtoBlocked()) {
            lines.add("");
            lines.add("No PROTO producer: Zerobus PROTO streams cannot carry these columns of " + table() + ":");
            proto.problems().forEach(p -> lines.add("  - " + p.message()));
            lines.add("Change the column types, or generate the JSON snippet instead.");
            return lines;
        }
        List<String> unsupported = unsupportedColumns();
        if (!unsupported.isEmpty()) {
            lines.add("");
            lines.add("WARNING: Zerobus may reject records for these columns (no known wire format):");
            unsupported.forEach(u -> lines.add("  - " + u));
        }
        lines.add("");
        lines.add("Save as " + fileName + ". Install:");
        install.forEach(i -> lines.add("  " + i));
        lines.add("Run:");
        lines.add("  export " + CLIENT_ID_ENV + "=" + clientId() + "   # optional, this id is the default");
        lines.add("  export " + SECRET_ENV + "=<the service principal's OAuth secret>");
        run.forEach(r -> lines.add("  " + r));
        lines.add("");
        lines.add("Values on the wire: TIMESTAMP as int64 microseconds since the epoch, DATE as int32 days since");
        lines.add("1970-01-01, BINARY as base64 in JSON (bytes in protobuf), STRUCT/ARRAY/MAP as JSON objects/arrays.");
        return lines;
    }

    /** The .proto for the table, to compile with protoc; shown inside a comment. */
    List<String> protoTextLines(String protoFileName) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Save the lines below as " + protoFileName + " (without the comment markers) for protoc:");
        for (String line : proto.protoText().split("\n")) lines.add("  " + line);
        return lines;
    }

    private List<String> unsupportedColumns() {
        List<String> out = new ArrayList<>();
        if (isProto()) return out;
        proto.problems().forEach(p -> out.add(p.message()));
        return out;
    }
}
