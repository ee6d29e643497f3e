package dev.zerobus.console.sandbox.grpc;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.zerobus.console.sandbox.grpc.StreamAuthInterceptor.StreamAuthorization;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.sandbox.wire.CreateIngestStreamRequest;
import dev.zerobus.console.sandbox.wire.RecordType;
import dev.zerobus.console.schema.DescriptorComparison;
import dev.zerobus.console.schema.DescriptorComparison.Finding;
import dev.zerobus.console.schema.DescriptorComparison.Kind;
import dev.zerobus.console.schema.ProtoSchema;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableSchema;
import io.grpc.StatusException;
import java.util.List;

/**
 * The checks of {@code create_stream}: table name, access, record type, supported columns, descriptor. A descriptor
 * may leave nullable columns out (see {@link DescriptorComparison}); the decoder then writes NULL for them.
 */
final class StreamOpening {
    /** A stream that may start: its table and the decoder for its records. */
    record Opened(TableInfo table, RecordDecoder decoder) {}

    private StreamOpening() {}

    static Opened check(CreateIngestStreamRequest create, StreamAuthorization authorization, TableAccess access) throws StatusException {
        String name = create.getTableName();
        String header = authorization.headerTableName();
        if (header != null && !header.equalsIgnoreCase(name)) throw StreamErrors.tableNameMismatch(header, name);
        TableInfo table = authorization.headerTable() != null ? authorization.headerTable() : access.check(authorization.grant(), name);
        TableSchema schema = table.schema();
        if (!create.hasRecordType() || create.getRecordType() == RecordType.RECORD_TYPE_UNSPECIFIED) {
            throw StreamErrors.recordTypeUnspecified(table.fullName());
        }
        ProtoSchema mapped = ProtoSchemaMapper.map(schema);
        if (!mapped.isUsable()) {
            throw StreamErrors.unsupportedColumns(table.fullName(), mapped.problems().stream().map(ProtoSchema.ColumnProblem::message).toList());
        }
        RecordDecoder decoder = create.getRecordType() == RecordType.PROTO ? protoDecoder(create, schema) : new JsonRecordDecoder(schema);
        return new Opened(table, decoder);
    }

    private static RecordDecoder protoDecoder(CreateIngestStreamRequest create, TableSchema tableSchema) throws StatusException {
        if (!create.hasDescriptorProto() || create.getDescriptorProto().isEmpty()) throw StreamErrors.missingDescriptor(tableSchema.fullName());
        DescriptorProto descriptor;
        try {
            descriptor = DescriptorProto.parseFrom(create.getDescriptorProto());
        } catch (InvalidProtocolBufferException e) {
            throw StreamErrors.badDescriptor(tableSchema.fullName(), "not a serialized DescriptorProto (" + e.getMessage() + ")");
        }
        DescriptorComparison.Result result = DescriptorComparison.check(tableSchema, descriptor);
        List<Finding> unparseable = result.of(Kind.UNPARSEABLE);
        if (!unparseable.isEmpty()) throw StreamErrors.badDescriptor(tableSchema.fullName(), unparseable.getFirst().message());
        if (!result.accepted()) {
            throw StreamErrors.schemaMismatch(tableSchema.fullName(), result.blocking().stream().map(Finding::message).toList());
        }
        try {
            return new ProtoRecordDecoder(tableSchema, DescriptorComparison.build(descriptor));
        } catch (DescriptorValidationException e) {
            throw StreamErrors.badDescriptor(tableSchema.fullName(), e.getMessage());
        }
    }

}
