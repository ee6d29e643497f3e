package dev.zerobus.console.schema;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors;
import dev.zerobus.console.schema.ProtoSchema.ColumnProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Unity Catalog table -> protobuf, following the official generators and the Delta-to-Protobuf
 * mapping of https://docs.databricks.com/aws/en/ingestion/zerobus-concepts ("Supported data types"): proto2,
 * no package, the bare table name as message name, fields numbered in column order, NOT NULL -> required,
 * nullable -> optional, arrays repeated, maps as map entries, structs as nested messages named in PascalCase
 * after their field. Equal input gives equal output. Stateless and thread-safe.
 */
public final class ProtoSchemaMapper {
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("syntax", "import", "option", "package", "message", "enum",
            "service", "rpc", "returns", "reserved", "to", "max", "double", "float", "int32", "int64", "uint32", "uint64",
            "sint32", "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes");
    private static final int MAX_DEPTH = 100;

    private ProtoSchemaMapper() {}

    public static ProtoSchema map(TableSchema table) {
        return new Builder(table.tableName()).build(table);
    }

    /** The protobuf scalar a UC scalar maps to, or null when the type is not a scalar Zerobus can carry. */
    public static Type scalarType(ColumnType type) {
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> Type.TYPE_BOOL;
                case BYTE, SHORT, INT, DATE -> Type.TYPE_INT32;
                case LONG, TIMESTAMP, TIMESTAMP_NTZ -> Type.TYPE_INT64;
                case FLOAT -> Type.TYPE_FLOAT;
                case DOUBLE -> Type.TYPE_DOUBLE;
                case STRING -> Type.TYPE_STRING;
                case BINARY -> Type.TYPE_BYTES;
            };
            case ColumnType.VarChar v -> Type.TYPE_STRING;
            default -> null;
        };
    }

    /** Why a field name cannot be a protobuf field, or null when it can. Wording of the official generators. */
    public static String invalidFieldName(String name) {
        if (!FIELD_NAME.matcher(name).matches()) {
            return Character.isDigit(name.isEmpty() ? 'x' : name.charAt(0))
                    ? "Invalid Protobuf field name '" + name + "'. Cannot start with a digit."
                    : "Invalid Protobuf field name '" + name + "'. Contains non-alphanumeric characters (besides underscore).";
        }
        return RESERVED.contains(name) ? "Invalid Protobuf field name '" + name + "'. It is a reserved keyword." : null;
    }

    /** {@code home_address} -> {@code HomeAddress}. */
    public static String pascalCase(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("_")) {
            if (part.isEmpty()) continue;
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** protoc's map entry name: {@code c_map} -> {@code CMapEntry}. */
    public static String mapEntryName(String fieldName) {
        return pascalCase(fieldName) + "Entry";
    }

    /** Field numbers 1, 2, ...; protobuf reserves 19000-19999. */
    public static int fieldNumber(int index) {
        int n = index + 1;
        return n >= 19000 ? n + 1000 : n;
    }

    private static final class Builder {
        private final String messageName;
        private final List<ColumnProblem> problems = new ArrayList<>();

        Builder(String messageName) {
            this.messageName = messageName;
        }

        ProtoSchema build(TableSchema table) {
            var message = DescriptorProto.newBuilder().setName(messageName);
            var text = new StringBuilder("syntax = \"proto2\";\n\n");
            text.append("// Table ").append(table.fullName()).append(": ").append(table.columns().size()).append(" columns.\n");
            text.append("message ").append(messageName).append(" {\n");
            Set<String> nestedNames = new HashSet<>();
            for (int i = 0; i < table.columns().size(); i++) {
                TableColumn column = table.columns().get(i);
                String nameProblem = invalidFieldName(column.name());
                if (nameProblem != null) {
                    problems.add(new ColumnProblem(column.name(), column.type().typeText(), nameProblem));
                    text.append("    // Column '").append(column.name()).append("' skipped: ").append(nameProblem).append('\n');
                    continue;
                }
                int before = problems.size();
                var field = new StringBuilder();
                boolean ok = addField(message, field, "." + messageName, column.name(), column.name(), column.type(),
                        column.nullable(), fieldNumber(i), 1, nestedNames, true);
                if (ok) {
                    text.append(field);
                } else {
                    for (ColumnProblem p : problems.subList(before, problems.size())) {
                        text.append("    // Column '").append(column.name()).append("' (").append(column.type().typeText())
                                .append(") skipped: ").append(p.reason()).append('\n');
                    }
                }
            }
            text.append("}\n");
            DescriptorProto descriptor = validate(message.build());
            return new ProtoSchema(messageName, descriptor, text.toString(), problems);
        }

        /**
         * Adds one field (and any nested message it needs) to {@code parent}, and its text to {@code text}.
         * Returns false, with a problem recorded, when the type cannot be carried.
         */
        private boolean addField(DescriptorProto.Builder parent, StringBuilder text, String parentPath, String path,
                                 String name, ColumnType type, boolean nullable, int number, int depth,
                                 Set<String> nestedNames, boolean topLevel) {
            String indent = "    ".repeat(depth);
            if (depth > MAX_DEPTH) return problem(path, type, "Nesting level exceeds maximum depth of " + MAX_DEPTH);
            Label scalarLabel = topLevel && !nullable ? Label.LABEL_REQUIRED : Label.LABEL_OPTIONAL;
            switch (type) {
                case ColumnType.Array array -> {
                    ColumnType element = array.element();
                    if (element instanceof ColumnType.Array) return problem(path, type, "Nested arrays are not supported: " + type.typeText());
                    if (element instanceof ColumnType.MapOf) return problem(path, type, "Arrays of maps are not supported: " + type.typeText()
                            + " (wrap the map in a struct: array<struct<m: map<...>>>)");
                    if (element instanceof ColumnType.Struct struct) {
                        String nested = nestedName(name, nestedNames);
                        var nestedText = new StringBuilder();
                        var msg = nestedMessage(nested, struct, parentPath + "." + nested, path, depth, nestedText);
                        if (msg == null) return false;
                        parent.addNestedType(msg);
                        parent.addField(field(name, number, Label.LABEL_REPEATED, Type.TYPE_MESSAGE, parentPath + "." + nested));
                        text.append(nestedText).append(indent).append("repeated ").append(nested).append(' ').append(name)
                                .append(" = ").append(number).append(";\n");
                        return true;
                    }
                    Type scalar = scalarType(element);
                    if (scalar == null) return unsupported(path, type, element, "Unsupported array element type: ");
                    parent.addField(field(name, number, Label.LABEL_REPEATED, scalar, null));
                    text.append(indent).append("repeated ").append(protoName(scalar)).append(' ').append(name).append(" = ")
                            .append(number).append(";\n");
                    return true;
                }
                case ColumnType.MapOf map -> {
                    Type keyType = scalarType(map.key());
                    if (keyType == null || keyType == Type.TYPE_FLOAT || keyType == Type.TYPE_DOUBLE || keyType == Type.TYPE_BYTES) {
                        return problem(path, type, "Unsupported map key type for Protobuf: " + map.key().typeText().toUpperCase(Locale.ROOT));
                    }
                    if (map.value() instanceof ColumnType.MapOf) return problem(path, type, "Maps with map values are not supported: " + type.typeText());
                    if (map.value() instanceof ColumnType.Array) return problem(path, type, "Maps with array values are not supported: " + type.typeText());
                    String entryName = mapEntryName(name);
                    var entry = DescriptorProto.newBuilder().setName(entryName)
                            .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                            .addField(field("key", 1, Label.LABEL_OPTIONAL, keyType, null));
                    String valueText;
                    var nestedText = new StringBuilder();
                    if (map.value() instanceof ColumnType.Struct struct) {
                        String nested = nestedName(name, nestedNames);
                        var msg = nestedMessage(nested, struct, parentPath + "." + nested, path, depth, nestedText);
                        if (msg == null) return false;
                        parent.addNestedType(msg);
                        entry.addField(field("value", 2, Label.LABEL_OPTIONAL, Type.TYPE_MESSAGE, parentPath + "." + nested));
                        valueText = nested;
                    } else {
                        Type valueType = scalarType(map.value());
                        if (valueType == null) return unsupported(path, type, map.value(), "Unsupported map value type: ");
                        entry.addField(field("value", 2, Label.LABEL_OPTIONAL, valueType, null));
                        valueText = protoName(valueType);
                    }
                    parent.addNestedType(entry);
                    parent.addField(field(name, number, Label.LABEL_REPEATED, Type.TYPE_MESSAGE, parentPath + "." + entryName));
                    text.append(nestedText).append(indent).append("map<").append(protoName(keyType)).append(", ").append(valueText)
                            .append("> ").append(name).append(" = ").append(number).append(";\n");
                    return true;
                }
                case ColumnType.Struct struct -> {
                    String nested = nestedName(name, nestedNames);
                    var nestedText = new StringBuilder();
                    var msg = nestedMessage(nested, struct, parentPath + "." + nested, path, depth, nestedText);
                    if (msg == null) return false;
                    parent.addNestedType(msg);
                    parent.addField(field(name, number, scalarLabel, Type.TYPE_MESSAGE, parentPath + "." + nested));
                    text.append(nestedText).append(indent).append(label(scalarLabel)).append(' ').append(nested).append(' ')
                            .append(name).append(" = ").append(number).append(";\n");
                    return true;
                }
                default -> {
                    Type scalar = scalarType(type);
                    if (scalar == null) return unsupported(path, type, type, "");
                    parent.addField(field(name, number, scalarLabel, scalar, null));
                    text.append(indent).append(label(scalarLabel)).append(' ').append(protoName(scalar)).append(' ').append(name)
                            .append(" = ").append(number).append(";\n");
                    return true;
                }
            }
        }

        /** A nested message for a struct; its fields are always optional, as in the official generators. */
        private DescriptorProto nestedMessage(String name, ColumnType.Struct struct, String fullName, String path, int depth,
                                              StringBuilder text) {
            var msg = DescriptorProto.newBuilder().setName(name);
            var body = new StringBuilder();
            Set<String> nestedNames = new HashSet<>();
            boolean ok = true;
            for (int i = 0; i < struct.fields().size(); i++) {
                ColumnType.Field f = struct.fields().get(i);
                String nameProblem = invalidFieldName(f.name());
                if (nameProblem != null) {
                    problem(path + "." + f.name(), f.type(), nameProblem);
                    ok = false;
                    continue;
                }
                ok &= addField(msg, body, fullName, path + "." + f.name(), f.name(), f.type(), true, fieldNumber(i), depth + 1,
                        nestedNames, false);
            }
            if (!ok) return null;
            String indent = "    ".repeat(depth);
            text.append(indent).append("message ").append(name).append(" {\n").append(body).append(indent).append("}\n");
            return msg.build();
        }

        private boolean unsupported(String path, ColumnType whole, ColumnType part, String prefix) {
            String reason = part instanceof ColumnType.Unsupported u ? u.reason()
                    : part instanceof ColumnType.Decimal
                    ? "DECIMAL has no protobuf mapping in any official generator yet (databricks/zerobus-sdk issue #49); use DOUBLE or STRING, or a JSON stream once supported"
                    : "no protobuf mapping";
            return problem(path, whole, prefix.isEmpty() ? reason : prefix + part.typeText().toUpperCase(Locale.ROOT) + " (" + reason + ")");
        }

        private boolean problem(String path, ColumnType type, String reason) {
            problems.add(new ColumnProblem(path, type.typeText(), reason));
            return false;
        }

        private static String nestedName(String fieldName, Set<String> taken) {
            String base = pascalCase(fieldName);
            if (base.isEmpty()) base = "Struct" + (taken.size() + 1);
            String name = base;
            for (int n = 2; !taken.add(name); n++) name = base + n;
            return name;
        }

        private static FieldDescriptorProto field(String name, int number, Label label, Type type, String typeName) {
            var b = FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(label).setType(type);
            if (typeName != null) b.setTypeName(typeName);
            return b.build();
        }

        private static String label(Label label) {
            return switch (label) {
                case LABEL_REQUIRED -> "required";
                case LABEL_REPEATED -> "repeated";
                default -> "optional";
            };
        }

        /** Builds the descriptor in a proto2 file to prove it is valid, and returns it as the SDK examples send it. */
        private static DescriptorProto validate(DescriptorProto message) {
            var file = FileDescriptorProto.newBuilder().setName(message.getName() + ".proto").setSyntax("proto2")
                    .addMessageType(message).build();
            try {
                return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                        .findMessageTypeByName(message.getName()).toProto();
            } catch (Descriptors.DescriptorValidationException e) {
                throw new IllegalStateException("Generated an invalid descriptor for " + message.getName() + ": " + e.getMessage(), e);
            }
        }
    }

    static String protoName(Type type) {
        return switch (type) {
            case TYPE_BOOL -> "bool";
            case TYPE_INT32 -> "int32";
            case TYPE_INT64 -> "int64";
            case TYPE_FLOAT -> "float";
            case TYPE_DOUBLE -> "double";
            case TYPE_STRING -> "string";
            case TYPE_BYTES -> "bytes";
            default -> type.name();
        };
    }

}
