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
 * Checks a client's {@code DescriptorProto} against a table the way Zerobus does. Names, optionality, types, nested
 * messages and map entries must match; nested message names and field numbers need not, only the structure. A
 * nullable top-level column may be left out of the descriptor (it lands as NULL); a NOT NULL one may not, and a
 * field that is no column is refused: "Columns that allow null values in the table can be omitted from the record
 * and are written as NULL" (https://docs.databricks.com/aws/en/ingestion/zerobus-schema-management). The page speaks
 * of columns; nested struct fields must still all be declared (the stricter reading). Used by the sandbox at
 * {@code create_stream} and by the console's schema diff. Stateless and thread-safe.
 */
public final class DescriptorComparison {
    private DescriptorComparison() {}

    /** What a finding is about; {@link Kind#blocks()} says whether Zerobus refuses the descriptor for it. */
    public enum Kind {
        /** The descriptor does not build (bad type reference, no name). */
        UNPARSEABLE(true),
        /** The table has a column Zerobus cannot carry (checked before the descriptor). */
        UNSUPPORTED_COLUMN(true),
        /** A NOT NULL column, or a field of a struct, that the descriptor does not declare. */
        MISSING_FIELD(true),
        /** A field that is no column of the table (or no field of the struct). */
        UNKNOWN_FIELD(true),
        /** A field whose proto type does not carry the column's type. */
        TYPE_MISMATCH(true),
        /** required / optional / repeated does not match the column's nullability or shape. */
        LABEL_MISMATCH(true),
        /** A nullable column the descriptor leaves out: accepted, the column lands as NULL. */
        OMITTED_NULLABLE(false),
        /** The field and column counts differ: a summary of the findings above, never a reason of its own. */
        FIELD_COUNT(false);

        private final boolean blocks;

        Kind(boolean blocks) {
            this.blocks = blocks;
        }

        public boolean blocks() {
            return blocks;
        }
    }

    /**
     * One finding.
     *
     * @param path    the column or field ({@code home_address.city}); empty for the whole descriptor
     * @param message what is different, in the user's words
     */
    public record Finding(Kind kind, String path, String message) {}

    /** Every finding, in table order. */
    public record Result(List<Finding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        /** True when Zerobus accepts the descriptor (it may still leave nullable columns out). */
        public boolean accepted() {
            return blocking().isEmpty();
        }

        /** The findings Zerobus refuses the descriptor for. */
        public List<Finding> blocking() {
            return findings.stream().filter(f -> f.kind().blocks()).toList();
        }

        /** Nullable columns the descriptor leaves out (they land as NULL). */
        public List<String> omittedNullable() {
            return findings.stream().filter(f -> f.kind() == Kind.OMITTED_NULLABLE).map(Finding::path).toList();
        }

        /** The findings of one kind. */
        public List<Finding> of(Kind kind) {
            return findings.stream().filter(f -> f.kind() == kind).toList();
        }
    }

    /** Every finding about the descriptor against the table (see {@link Result#accepted()}). */
    public static Result check(TableSchema table, DescriptorProto actual) {
        ProtoSchema expected = ProtoSchemaMapper.map(table);
        if (!expected.isUsable()) {
            return new Result(expected.problems().stream()
                    .map(p -> new Finding(Kind.UNSUPPORTED_COLUMN, p.columnPath(), p.message())).toList());
        }
        Descriptor actualMessage;
        try {
            actualMessage = build(actual);
        } catch (DescriptorValidationException | IllegalArgumentException e) {
            return new Result(List.of(new Finding(Kind.UNPARSEABLE, "", "The descriptor does not parse: " + e.getMessage())));
        }
        Descriptor expectedMessage;
        try {
            expectedMessage = build(expected.descriptor());
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("The mapper produced an invalid descriptor for " + table.fullName(), e);
        }
        List<Finding> findings = new ArrayList<>();
        new Walk(table, findings).message(expectedMessage, actualMessage, "");
        return new Result(findings);
    }

    /**
     * Every difference between the table and the descriptor, in the user's words; empty when they match 1:1. This
     * includes nullable columns the descriptor leaves out, which Zerobus accepts: use {@link #check} to tell.
     */
    public static List<String> compare(TableSchema table, DescriptorProto actual) {
        return check(table, actual).findings().stream().map(Finding::message).toList();
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

    private record Walk(TableSchema table, List<Finding> findings) {
        void message(Descriptor expected, Descriptor actual, String prefix) {
            boolean top = prefix.isEmpty();
            String parent = top ? "" : prefix.substring(0, prefix.length() - 1);
            if (expected.getFields().size() != actual.getFields().size()) {
                findings.add(new Finding(Kind.FIELD_COUNT, parent, top
                        ? "The descriptor has " + actual.getFields().size() + " fields but table " + table.fullName()
                                + " has " + expected.getFields().size() + " columns"
                        : "Field '" + parent + "' has " + actual.getFields().size()
                                + " nested fields, the struct has " + expected.getFields().size()));
            }
            for (FieldDescriptor e : expected.getFields()) {
                FieldDescriptor a = actual.findFieldByName(e.getName());
                String path = prefix + e.getName();
                if (a == null) {
                    boolean nullableColumn = top && table.column(path).map(c -> c.nullable()).orElse(false);
                    String text = (top ? "Column '" + path + "' (" + columnType(path) + ")" : "Struct field '" + path + "'")
                            + " has no field in the descriptor; expected " + declaration(e) + " " + e.getName();
                    findings.add(new Finding(nullableColumn ? Kind.OMITTED_NULLABLE : Kind.MISSING_FIELD, path,
                            nullableColumn ? text + " (accepted: the column is nullable and lands as NULL)" : text));
                } else {
                    field(e, a, path);
                }
            }
            for (FieldDescriptor a : actual.getFields()) {
                if (expected.findFieldByName(a.getName()) == null) {
                    findings.add(new Finding(Kind.UNKNOWN_FIELD, prefix + a.getName(), top
                            ? "Field '" + a.getName() + "' is not a column of table " + table.fullName()
                            : "Field '" + prefix + a.getName() + "' is not a field of struct '" + parent + "'"));
                }
            }
        }

        void field(FieldDescriptor e, FieldDescriptor a, String path) {
            if (e.isMapField() || a.isMapField()) {
                if (e.isMapField() != a.isMapField()) {
                    findings.add(mismatch(path, e, a));
                    return;
                }
                FieldDescriptor ek = e.getMessageType().findFieldByNumber(1), ak = a.getMessageType().findFieldByNumber(1);
                FieldDescriptor ev = e.getMessageType().findFieldByNumber(2), av = a.getMessageType().findFieldByNumber(2);
                if (!sameScalar(ek.getType(), ak.getType())) findings.add(mismatch(path, e, a));
                else if (ev.getJavaType() == FieldDescriptor.JavaType.MESSAGE && av.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    message(ev.getMessageType(), av.getMessageType(), path + ".value.");
                } else if (!sameScalar(ev.getType(), av.getType())) findings.add(mismatch(path, e, a));
                return;
            }
            if (label(e) != label(a)) {
                String why = path.contains(".") ? "" : e.isRequired() ? " (the column is NOT NULL)"
                        : e.isRepeated() ? " (the column is an array)" : " (the column is nullable)";
                findings.add(new Finding(Kind.LABEL_MISMATCH, path, "Field '" + path + "' is " + label(a) + " but must be " + label(e) + why));
            }
            boolean eMessage = e.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
            boolean aMessage = a.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
            if (eMessage && aMessage) {
                message(e.getMessageType(), a.getMessageType(), path + ".");
            } else if (eMessage || aMessage || !sameScalar(e.getType(), a.getType())) {
                findings.add(mismatch(path, e, a));
            }
        }

        private Finding mismatch(String path, FieldDescriptor e, FieldDescriptor a) {
            String column = path.contains(".") ? "" : " for column type " + columnType(path);
            return new Finding(Kind.TYPE_MISMATCH, path, "Field '" + path + "' has type " + declaration(a) + ", expected " + declaration(e) + column);
        }

        private String columnType(String name) {
            return table.column(name).map(c -> c.type().typeText() + (c.nullable() ? "" : " NOT NULL")).orElse("?");
        }

        private static String label(FieldDescriptor f) {
            return f.isRequired() ? "required" : f.isRepeated() ? "repeated" : "optional";
        }
    }
}
