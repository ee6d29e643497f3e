package dev.zerobus.console.schema;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code .proto} text -> the one {@code DescriptorProto} a producer would send for a table, built the way
 * {@link ProtoSchemaMapper} builds its own (no package, nested type names fully qualified from the message,
 * {@code map<k, v>} as a repeated nested {@code XxxEntry} with {@code map_entry}). Parsing is Square Wire's
 * {@link ProtoParser}; this class only resolves names. Stateless.
 */
public final class ProtoText {
    private static final Pattern SYNTAX_ERROR = Pattern.compile(":(\\d+):(\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern MAP = Pattern.compile("map\\s*<\\s*([^,\\s]+)\\s*,\\s*([^>\\s]+)\\s*>");
    private static final Map<String, Type> SCALARS = Map.ofEntries(
            Map.entry("double", Type.TYPE_DOUBLE), Map.entry("float", Type.TYPE_FLOAT), Map.entry("int32", Type.TYPE_INT32),
            Map.entry("int64", Type.TYPE_INT64), Map.entry("uint32", Type.TYPE_UINT32), Map.entry("uint64", Type.TYPE_UINT64),
            Map.entry("sint32", Type.TYPE_SINT32), Map.entry("sint64", Type.TYPE_SINT64), Map.entry("fixed32", Type.TYPE_FIXED32),
            Map.entry("fixed64", Type.TYPE_FIXED64), Map.entry("sfixed32", Type.TYPE_SFIXED32),
            Map.entry("sfixed64", Type.TYPE_SFIXED64), Map.entry("bool", Type.TYPE_BOOL), Map.entry("string", Type.TYPE_STRING),
            Map.entry("bytes", Type.TYPE_BYTES));

    /** Why the text gives no descriptor; {@code path} is a field path or empty. */
    public static final class Invalid extends Exception {
        private final String path;

        Invalid(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }

        public String path() { return path; }
    }

    private ProtoText() {}

    /**
     * Parses {@code text} and builds the descriptor of the message to compare with table {@code tableName}: the
     * message named like the table (case-insensitive, or {@code table_<name>} as the Rust generator names it),
     * else the only top-level message.
     */
    public static DescriptorProto toDescriptor(String text, String tableName) throws Invalid {
        ProtoFileElement file;
        try {
            file = ProtoParser.Companion.parse(Location.get("input.proto"), text);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            Matcher m = SYNTAX_ERROR.matcher(message);
            throw new Invalid("", m.find()
                    ? "Syntax error at line " + m.group(1) + ", column " + m.group(2) + ": " + m.group(3)
                    : "The .proto does not parse: " + message);
        }
        List<MessageElement> top = file.getTypes().stream()
                .filter(MessageElement.class::isInstance).map(MessageElement.class::cast).toList();
        MessageElement chosen = choose(top, tableName);
        Map<String, TypeElement> declared = new HashMap<>();
        for (TypeElement type : file.getTypes()) declare(type, "", declared);
        String prefix = file.getPackageName() == null ? "" : file.getPackageName() + ".";
        return new Builder(declared, chosen.getName(), prefix).message(chosen, chosen.getName());
    }

    private static MessageElement choose(List<MessageElement> top, String tableName) throws Invalid {
        for (MessageElement m : top) if (m.getName().equals(tableName)) return m;
        for (MessageElement m : top) {
            if (m.getName().equalsIgnoreCase(tableName) || m.getName().equalsIgnoreCase("table_" + tableName)) return m;
        }
        if (top.size() == 1) return top.getFirst();
        if (top.isEmpty()) throw new Invalid("", "The .proto declares no message");
        throw new Invalid("", "The .proto declares " + top.size() + " messages ("
                + String.join(", ", top.stream().map(MessageElement::getName).toList())
                + ") and none is named like table '" + tableName + "'; name the message '" + tableName + "'");
    }

    private static void declare(TypeElement type, String scope, Map<String, TypeElement> declared) {
        String name = scope + type.getName();
        declared.put(name, type);
        for (TypeElement nested : type.getNestedTypes()) declare(nested, name + ".", declared);
    }

    private record Builder(Map<String, TypeElement> declared, String root, String packagePrefix) {
        DescriptorProto message(MessageElement element, String qualified) throws Invalid {
            var message = DescriptorProto.newBuilder().setName(element.getName());
            for (TypeElement nested : element.getNestedTypes()) {
                if (nested instanceof MessageElement m) message.addNestedType(message(m, qualified + "." + m.getName()));
                else if (nested instanceof EnumElement e) message.addEnumType(enumType(e));
            }
            for (FieldElement field : element.getFields()) field(message, field, qualified, -1);
            List<OneOfElement> oneOfs = element.getOneOfs();
            for (int i = 0; i < oneOfs.size(); i++) {
                message.addOneofDecl(OneofDescriptorProto.newBuilder().setName(oneOfs.get(i).getName()));
                for (FieldElement field : oneOfs.get(i).getFields()) field(message, field, qualified, i);
            }
            if (!element.getGroups().isEmpty()) {
                throw new Invalid(path(qualified, element.getGroups().getFirst().getName()),
                        "Groups are not supported; use a nested message instead");
            }
            return message.build();
        }

        private void field(DescriptorProto.Builder message, FieldElement element, String scope, int oneOf) throws Invalid {
            String path = path(scope, element.getName());
            var field = FieldDescriptorProto.newBuilder().setName(element.getName()).setNumber(element.getTag());
            if (oneOf >= 0) field.setOneofIndex(oneOf);
            Matcher map = MAP.matcher(element.getType());
            if (map.matches()) {
                String entryName = ProtoSchemaMapper.mapEntryName(element.getName());
                var entry = DescriptorProto.newBuilder().setName(entryName)
                        .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                        .addField(typed(FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
                                .setLabel(Label.LABEL_OPTIONAL), map.group(1), scope, path))
                        .addField(typed(FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
                                .setLabel(Label.LABEL_OPTIONAL), map.group(2), scope, path));
                message.addNestedType(entry);
                message.addField(field.setLabel(Label.LABEL_REPEATED).setType(Type.TYPE_MESSAGE)
                        .setTypeName("." + scope + "." + entryName));
                return;
            }
            field.setLabel(label(element.getLabel()));
            message.addField(typed(field, element.getType(), scope, path));
        }

        private FieldDescriptorProto typed(FieldDescriptorProto.Builder field, String typeName, String scope, String path)
                throws Invalid {
            Type scalar = SCALARS.get(typeName);
            if (scalar != null) return field.setType(scalar).build();
            String resolved = resolve(typeName, scope);
            if (resolved == null) {
                throw new Invalid(path, "Field '" + path + "' has type '" + typeName + "', which this .proto does not declare"
                        + " (imports are not followed; Zerobus takes one self-contained message)");
            }
            if (!resolved.equals(root) && !resolved.startsWith(root + ".")) {
                throw new Invalid(path, "Field '" + path + "' uses message '" + resolved + "', declared outside message '" + root
                        + "'; Zerobus receives one DescriptorProto, so declare '" + resolved + "' inside '" + root + "'");
            }
            Type type = declared.get(resolved) instanceof EnumElement ? Type.TYPE_ENUM : Type.TYPE_MESSAGE;
            return field.setType(type).setTypeName("." + resolved).build();
        }

        /** protobuf scoping: innermost scope first, then outwards; a leading dot or the package means absolute. */
        private @Nullable String resolve(String name, String scope) {
            if (name.startsWith(".")) {
                String absolute = name.substring(1);
                if (!packagePrefix.isEmpty() && absolute.startsWith(packagePrefix)) absolute = absolute.substring(packagePrefix.length());
                return declared.containsKey(absolute) ? absolute : null;
            }
            for (String s = scope; ; s = s.substring(0, s.lastIndexOf('.'))) {
                if (declared.containsKey(s + "." + name)) return s + "." + name;
                if (!s.contains(".")) break;
            }
            if (declared.containsKey(name)) return name;
            if (!packagePrefix.isEmpty() && name.startsWith(packagePrefix)) {
                String bare = name.substring(packagePrefix.length());
                if (declared.containsKey(bare)) return bare;
            }
            return null;
        }

        private static EnumDescriptorProto enumType(EnumElement element) {
            var e = EnumDescriptorProto.newBuilder().setName(element.getName());
            for (EnumConstantElement c : element.getConstants()) {
                e.addValue(EnumValueDescriptorProto.newBuilder().setName(c.getName()).setNumber(c.getTag()));
            }
            return e.build();
        }

        /** proto3 fields without a label are singular: optional in a proto2 descriptor. */
        private static Label label(Field.@Nullable Label label) {
            if (label == null) return Label.LABEL_OPTIONAL;
            return switch (label) {
                case REQUIRED -> Label.LABEL_REQUIRED;
                case REPEATED -> Label.LABEL_REPEATED;
                default -> Label.LABEL_OPTIONAL;
            };
        }

        /** The field as the user wrote it, qualified by its message when nested ({@code all_types.CStruct.zip}). */
        private static String path(String scope, String field) {
            return scope.contains(".") ? scope + "." + field : field;
        }
    }
}
