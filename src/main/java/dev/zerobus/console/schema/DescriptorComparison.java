package dev.zerobus.console.schema;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a client's {@code DescriptorProto} against a table the way Zerobus does: the proto must match the table
 * 1:1 (field count, names, optionality, types, nested messages and map entries). Nested message names and field
 * numbers need not match, only the structure. Used by the sandbox at {@code create_stream} and by the console's
 * schema diff. Stateless and thread-safe.
 */
public final class DescriptorComparison {
    private DescriptorComparison() {}

    /**
     * Every difference between the table and the descriptor, in the user's words; empty when they match. A table
     * with columns Zerobus cannot carry yields one entry per such column.
     */
    public static List<String> compare(TableSchema table, DescriptorProto actual) {
        ProtoSchema expected = ProtoSchemaMapper.map(table);
        if (!expected.isUsable()) {
            return expected.problems().stream().map(ProtoSchema.ColumnProblem::message).toList();
        }
        Descriptor actualMessage;
        try {
            actualMessage = build(actual);
        } catch (DescriptorValidationException | IllegalArgumentException e) {
            return List.of("The descriptor does not parse: " + e.getMessage());
        }
        Descriptor expectedMessage;
        try {
            expectedMessage = build(expected.descriptor());
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("The mapper produced an invalid descriptor for " + table.fullName(), e);
        }
        List<String> differences = new ArrayList<>();
        new Walk(table, differences).message(expectedMessage, actualMessage, "");
        return differences;
    }

    /**
     * Builds a message descriptor the way the service reads it: alone in a proto2 file with no package, so that
     * fully-qualified nested names such as {@code .sensor_readings.Nested} resolve.
     */
    public static Descriptor build(DescriptorProto message) throws DescriptorValidationException {
        if (message.getName().isEmpty()) throw new IllegalArgumentException("the message has no name");
        var file = FileDescriptorProto.newBuilder().setName(message.getName() + ".proto").setSyntax("proto2")
                .addMessageType(message).build();
        return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName(message.getName());
    }

    /** A proto declaration for messages: {@code optional int32}, {@code repeated Nested}, {@code map<string, int32>}. */
    public static String declaration(FieldDescriptor field) {
        if (field.isMapField()) {
            Descriptor entry = field.getMessageType();
            return "map<" + typeName(entry.findFieldByNumber(1)) + ", " + typeName(entry.findFieldByNumber(2)) + ">";
        }
        String label = field.isRequired() ? "required" : field.isRepeated() ? "repeated" : "optional";
        return label + " " + typeName(field);
    }

    private static String typeName(FieldDescriptor field) {
        if (field == null) return "?";
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                ? "message " + field.getMessageType().getName()
                : field.getType().name().toLowerCase(Locale.ROOT);
    }

    /** int32, sint32 and sfixed32 (and the 64-bit ones) decode to the same values; anything else must be equal. */
    private static boolean sameScalar(FieldDescriptor.Type expected, FieldDescriptor.Type actual) {
        return family(expected).equals(family(actual));
    }

    private static String family(FieldDescriptor.Type type) {
        return switch (type) {
            case INT32, SINT32, SFIXED32 -> "int32";
            case INT64, SINT64, SFIXED64 -> "int64";
            default -> type.name();
        };
    }

    private record Walk(TableSchema table, List<String> differences) {
        void message(Descriptor expected, Descriptor actual, String prefix) {
            boolean top = prefix.isEmpty();
            if (expected.getFields().size() != actual.getFields().size()) {
                differences.add(top
                        ? "The descriptor has " + actual.getFields().size() + " fields but table " + table.fullName()
                                + " has " + expected.getFields().size() + " columns"
                        : "Field '" + prefix.substring(0, prefix.length() - 1) + "' has " + actual.getFields().size()
                                + " nested fields, the struct has " + expected.getFields().size());
            }
            for (FieldDescriptor e : expected.getFields()) {
                FieldDescriptor a = actual.findFieldByName(e.getName());
                String path = prefix + e.getName();
                if (a == null) {
                    differences.add((top ? "Column '" + path + "' (" + columnType(path) + ")" : "Struct field '" + path + "'")
                            + " has no field in the descriptor; expected " + declaration(e) + " " + e.getName());
                } else {
                    field(e, a, path);
                }
            }
            for (FieldDescriptor a : actual.getFields()) {
                if (expected.findFieldByName(a.getName()) == null) {
                    differences.add(top
                            ? "Field '" + a.getName() + "' is not a column of table " + table.fullName()
                            : "Field '" + prefix + a.getName() + "' is not a field of struct '" + prefix.substring(0, prefix.length() - 1) + "'");
                }
            }
        }

        void field(FieldDescriptor e, FieldDescriptor a, String path) {
            if (e.isMapField() || a.isMapField()) {
                if (e.isMapField() != a.isMapField()) {
                    differences.add(mismatch(path, e, a));
                    return;
                }
                FieldDescriptor ek = e.getMessageType().findFieldByNumber(1), ak = a.getMessageType().findFieldByNumber(1);
                FieldDescriptor ev = e.getMessageType().findFieldByNumber(2), av = a.getMessageType().findFieldByNumber(2);
                if (!sameScalar(ek.getType(), ak.getType())) differences.add(mismatch(path, e, a));
                else if (ev.getJavaType() == FieldDescriptor.JavaType.MESSAGE && av.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    message(ev.getMessageType(), av.getMessageType(), path + ".value.");
                } else if (!sameScalar(ev.getType(), av.getType())) differences.add(mismatch(path, e, a));
                return;
            }
            if (label(e) != label(a)) {
                String why = path.contains(".") ? "" : e.isRequired() ? " (the column is NOT NULL)"
                        : e.isRepeated() ? " (the column is an array)" : " (the column is nullable)";
                differences.add("Field '" + path + "' is " + label(a) + " but must be " + label(e) + why);
            }
            boolean eMessage = e.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
            boolean aMessage = a.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
            if (eMessage && aMessage) {
                message(e.getMessageType(), a.getMessageType(), path + ".");
            } else if (eMessage || aMessage || !sameScalar(e.getType(), a.getType())) {
                differences.add(mismatch(path, e, a));
            }
        }

        private String mismatch(String path, FieldDescriptor e, FieldDescriptor a) {
            String column = path.contains(".") ? "" : " for column type " + columnType(path);
            return "Field '" + path + "' has type " + declaration(a) + ", expected " + declaration(e) + column;
        }

        private String columnType(String name) {
            return table.column(name).map(c -> c.type().typeText() + (c.nullable() ? "" : " NOT NULL")).orElse("?");
        }

        private static String label(FieldDescriptor f) {
            return f.isRequired() ? "required" : f.isRepeated() ? "repeated" : "optional";
        }
    }
}
