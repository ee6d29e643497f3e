package dev.zerobus.console.codec;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.zerobus.console.schema.ProtoSchema;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns one input record (JSON text, or a map of CSV cells / form fields / JSON values) into what a Zerobus
 * stream takes: a normalised JSON record, protobuf bytes matching {@link ProtoSchemaMapper#map}, or the row
 * values of the {@link ColumnType} convention. Friendly input is read by {@link ValueConverter} and
 * every bad field of a record is reported, not just the first. Immutable and thread-safe after construction.
 */
public final class RecordCodec {
    private final TableSchema schema;
    private final CodecOptions options;
    private final ProtoSchema protoSchema;
    private final Descriptor descriptor;
    private final ValueConverter converter;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final List<String> columnNames;

    private RecordCodec(TableSchema schema, CodecOptions options) {
        this.schema = schema;
        this.options = options;
        this.protoSchema = ProtoSchemaMapper.map(schema);
        this.descriptor = buildDescriptor(protoSchema);
        this.converter = new ValueConverter(options);
        this.columnNames = schema.columns().stream().map(TableColumn::name).toList();
        for (int i = 0; i < columnNames.size(); i++) columnIndex.put(columnNames.get(i), i);
    }

    public static RecordCodec forTable(TableSchema schema, CodecOptions options) {
        return new RecordCodec(Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(options, "options"));
    }

    public TableSchema schema() { return schema; }
    public CodecOptions options() { return options; }
    public ProtoSchema protoSchema() { return protoSchema; }

    /** The message descriptor PROTO bytes follow (built from {@code protoSchema().descriptor()}, proto2, no package). */
    public Descriptor descriptor() { return descriptor; }

    /** Row values in column order (ColumnType convention); NULL is null. */
    public CodecResult<Object[]> toRow(String jsonRecord) {
        List<FieldError> errors = new ArrayList<>();
        Object[] row = rowOf(jsonRecord, errors);
        return errors.isEmpty() ? new CodecResult.Encoded<>(row) : new CodecResult.Invalid<>(errors);
    }

    public CodecResult<Object[]> toRow(Map<String, ?> record) {
        List<FieldError> errors = new ArrayList<>();
        Object[] row = rowOf(record, errors);
        return errors.isEmpty() ? new CodecResult.Encoded<>(row) : new CodecResult.Invalid<>(errors);
    }

    /** The record for a JSON stream; see {@link #rowToJson} for the form. */
    public CodecResult<String> toJson(String jsonRecord) {
        List<FieldError> errors = new ArrayList<>();
        return json(rowOf(jsonRecord, errors), errors);
    }

    public CodecResult<String> toJson(Map<String, ?> record) {
        List<FieldError> errors = new ArrayList<>();
        return json(rowOf(record, errors), errors);
    }

    /** The record for a PROTO stream; Invalid for every record when the table has columns protobuf cannot carry. */
    public CodecResult<byte[]> toProto(String jsonRecord) {
        List<FieldError> errors = new ArrayList<>();
        return proto(rowOf(jsonRecord, errors), errors);
    }

    public CodecResult<byte[]> toProto(Map<String, ?> record) {
        List<FieldError> errors = new ArrayList<>();
        return proto(rowOf(record, errors), errors);
    }

    /**
     * A row from {@link #toRow} as a JSON stream record: integers and floats as JSON numbers (BIGINT exact),
     * TIMESTAMP/TIMESTAMP_NTZ integer micros, DATE integer days, BINARY standard base64 with padding, DECIMAL an
     * exact plain number literal (unverified against the service), nested types as arrays/objects. NULL columns
     * and struct fields are left out. NaN and Infinity are errors (JSON cannot carry them; PROTO can).
     */
    public CodecResult<String> rowToJson(Object[] row) {
        return json(row, new ArrayList<>());
    }

    /** A row from {@link #toRow} as protobuf bytes. */
    public CodecResult<byte[]> rowToProto(Object[] row) {
        return proto(row, new ArrayList<>());
    }

    /** PROTO bytes back to row values; an empty array reads back as NULL (the wire cannot tell them apart). */
    public Object[] decodeProto(byte[] bytes) throws InvalidProtocolBufferException {
        if (!protoSchema.isUsable()) throw new IllegalStateException("table " + schema.fullName() + " cannot go on a PROTO stream");
        return ProtoRowReader.read(descriptor, schema.columns(), bytes);
    }

    private CodecResult<String> json(Object[] row, List<FieldError> errors) {
        if (!errors.isEmpty()) return new CodecResult.Invalid<>(errors);
        String json = JsonRowWriter.write(schema.columns(), row, errors);
        return errors.isEmpty() ? new CodecResult.Encoded<>(json) : new CodecResult.Invalid<>(errors);
    }

    private CodecResult<byte[]> proto(Object[] row, List<FieldError> errors) {
        if (!protoSchema.isUsable()) {
            protoSchema.problems().forEach(p -> errors.add(FieldErrors.notOnProto(p)));
        }
        if (!errors.isEmpty()) return new CodecResult.Invalid<>(errors);
        byte[] bytes = ProtoRowWriter.write(schema.columns(), row, errors);
        return errors.isEmpty() ? new CodecResult.Encoded<>(bytes) : new CodecResult.Invalid<>(errors);
    }

    private Object[] rowOf(String jsonRecord, List<FieldError> errors) {
        Object parsed;
        try {
            parsed = JsonInput.parse(jsonRecord);
        } catch (JsonInput.NotJson e) {
            errors.add(new FieldError("", FieldErrors.show(jsonRecord), "a JSON object",
                    "the record is not valid JSON (" + e.location() + ")", "{\"column\": value, ...}"));
            return null;
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            errors.add(FieldErrors.notRecord(parsed));
            return null;
        }
        @SuppressWarnings("unchecked") Map<String, ?> record = (Map<String, ?>) map;
        return rowOf(record, errors);
    }

    private Object[] rowOf(Map<String, ?> record, List<FieldError> errors) {
        List<TableColumn> columns = schema.columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            TableColumn column = columns.get(i);
            Object value = record.get(column.name());
            if (value instanceof String s && options.emptyText() == CodecOptions.EmptyText.IS_NULL && s.isBlank()) value = null;
            if (value == null) {
                if (!column.nullable()) errors.add(FieldErrors.missing(column.name(), column.type(), record.containsKey(column.name()), options));
                continue;
            }
            row[i] = converter.convert(column.type(), value, column.name(), errors);
        }
        unknownFields(record, errors);
        return row;
    }

    private void unknownFields(Map<String, ?> record, List<FieldError> errors) {
        for (String key : record.keySet()) {
            if (!columnIndex.containsKey(key)) errors.add(FieldErrors.unknownField(key, key, columnNames, "table"));
        }
    }

    private static Descriptor buildDescriptor(ProtoSchema proto) {
        var file = FileDescriptorProto.newBuilder().setName(proto.messageName() + ".proto").setSyntax("proto2")
                .addMessageType(proto.descriptor()).build();
        try {
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                    .findMessageTypeByName(proto.messageName());
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException("invalid descriptor for " + proto.messageName(), e);
        }
    }
}
