package dev.zerobus.console.sandbox.grpc;

import com.google.protobuf.ByteString;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.util.List;

/**
 * Turns one wire record into a table row, in the Java value convention of {@link ColumnType}. One per stream;
 * called on the stream's transport thread only.
 */
sealed interface RecordDecoder permits JsonRecordDecoder, ProtoRecordDecoder {
    /** PROTO or JSON: the record_type the stream was created with. */
    String recordType();

    Object[] decode(ByteString protoRecord) throws RecordException;

    Object[] decode(String jsonRecord) throws RecordException;

    /** Top-level columns as struct fields, so that rows and structs are decoded by the same code. */
    static List<ColumnType.Field> fields(TableSchema schema) {
        return schema.columns().stream().map((TableColumn c) -> new ColumnType.Field(c.name(), c.type(), c.nullable())).toList();
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static long checkRange(long value, long min, long max, String typeName, String path) throws RecordException {
        if (value < min || value > max) {
            throw new RecordException(path, value + " is outside " + typeName + " range " + min + ".." + max);
        }
        return value;
    }
}
