package dev.zerobus.console.snippet;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import java.util.ArrayList;
import java.util.List;

/**
 * Java producer on com.databricks:zerobus-ingest-sdk 1.0.1. PROTO snippets build the DescriptorProto in code
 * (no protoc step) and fill a DynamicMessage from the record's JSON with protobuf-java-util's JsonFormat.
 */
final class JavaSnippet {
    private JavaSnippet() {}

    /** The public class of the snippet, which is also its file name. */
    static String className(SnippetContext ctx) {
        String base = SnippetText.pascal(ctx.request().table().tableName());
        if (base.isEmpty() || !Character.isJavaIdentifierStart(base.charAt(0))) base = "Table" + base;
        return base + "Producer";
    }

    static String write(SnippetContext ctx) {
        String cls = className(ctx);
        List<String> install = new ArrayList<>(List.of("Maven dependencies:",
                "  com.databricks:zerobus-ingest-sdk:1.0.1",
                "  com.google.protobuf:protobuf-java:4.33.0",
                "  org.slf4j:slf4j-api:2.0.17 (plus a binding such as slf4j-simple to see the SDK's logs)"));
        if (ctx.isProto()) install.add("  com.google.protobuf:protobuf-java-util:4.33.0 (JsonFormat)");
        List<String> header = ctx.header(cls + ".java", install,
                List.of("java -cp \"<the jars above, : separated>\" " + cls + ".java   # Java 21+ runs a single source file"));
        StringBuilder out = new StringBuilder(comment(header));
        if (ctx.isProtoBlocked()) return out.toString();
        if (ctx.isProto()) out.append(comment(ctx.protoTextLines(ctx.messageName() + ".proto")));
        out.append('\n');
        out.append("import com.databricks.zerobus.NonRetriableException;\n");
        out.append("import com.databricks.zerobus.ZerobusException;\n");
        out.append(ctx.isProto() ? "import com.databricks.zerobus.ZerobusProtoStream;\n" : "import com.databricks.zerobus.ZerobusJsonStream;\n");
        out.append("import com.databricks.zerobus.ZerobusSdk;\n");
        if (ctx.isProto()) {
            out.append("""
                    import com.google.protobuf.DescriptorProtos.DescriptorProto;
                    import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
                    import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
                    import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
                    import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
                    import com.google.protobuf.DescriptorProtos.MessageOptions;
                    import com.google.protobuf.Descriptors;
                    import com.google.protobuf.DynamicMessage;
                    import com.google.protobuf.InvalidProtocolBufferException;
                    import com.google.protobuf.util.JsonFormat;
                    """);
        }
        out.append("import java.util.ArrayList;\nimport java.util.List;\nimport java.util.Optional;\n");
        out.append("import java.util.concurrent.CompletionException;\n\n");
        out.append("public class ").append(cls).append(" {\n");
        out.append("    static final String SERVER_ENDPOINT = ").append(SnippetText.quoteJava(ctx.endpoint())).append(";\n");
        out.append("    static final String WORKSPACE_URL = ").append(SnippetText.quoteJava(ctx.workspaceUrl())).append(";\n");
        out.append("    static final String TABLE_NAME = ").append(SnippetText.quoteJava(ctx.table())).append(";\n");
        out.append("    static final String DEFAULT_CLIENT_ID = ").append(SnippetText.quoteJava(ctx.clientId())).append(";\n");
        out.append("    /** One row of the table as JSON; keys are the column names. */\n");
        out.append("    static final String RECORD = ").append(SnippetText.quoteJava(ctx.recordJson())).append(";\n\n");
        out.append("    public static void main(String[] args) {\n");
        out.append("        String clientId = System.getenv().getOrDefault(\"").append(SnippetContext.CLIENT_ID_ENV).append("\", DEFAULT_CLIENT_ID);\n");
        out.append("        String clientSecret = System.getenv(\"").append(SnippetContext.SECRET_ENV).append("\");\n");
        out.append("        if (clientSecret == null || clientSecret.isBlank()) {\n");
        out.append("            System.err.println(\"Set ").append(SnippetContext.SECRET_ENV).append(" to the service principal's OAuth secret.\");\n");
        out.append("            System.exit(2);\n        }\n");
        out.append("        try (ZerobusSdk sdk = new ZerobusSdk(SERVER_ENDPOINT, WORKSPACE_URL)) {\n");
        if (ctx.isProto()) {
            out.append("            Descriptors.Descriptor messageType = messageType(descriptorProto());\n");
            out.append("            ZerobusProtoStream stream = sdk.createProtoStream(TABLE_NAME, messageType.toProto(), clientId, clientSecret).join();\n");
        } else {
            out.append("            ZerobusJsonStream stream = sdk.createJsonStream(TABLE_NAME, clientId, clientSecret).join();\n");
        }
        String one = ctx.isProto() ? "toMessage(messageType, RECORD)" : "RECORD";
        String elem = ctx.isProto() ? "DynamicMessage" : "String";
        out.append("            try {\n");
        out.append("                long offset = stream.ingestRecordOffset(").append(one).append(");\n");
        out.append("                stream.waitForOffset(offset);\n");
        out.append("                System.out.println(\"Record acknowledged at offset \" + offset);\n");
        out.append("                List<").append(elem).append("> batch = new ArrayList<>();\n");
        out.append("                for (int i = 0; i < ").append(SnippetContext.BATCH_SIZE).append("; i++) {\n");
        out.append("                    batch.add(").append(one).append(");\n                }\n");
        out.append("                Optional<Long> last = stream.ingestRecordsOffset(batch); // one offset for the whole batch\n");
        out.append("                stream.flush(); // returns once every queued record is durable\n");
        out.append("                System.out.println(\"Batch of \" + batch.size() + \" records acknowledged at offset \" + last.orElse(-1L));\n");
        out.append("            } finally {\n");
        out.append("                // SDK 1.0.1: close() drops records not yet acknowledged; flush() above waited for them.\n");
        out.append("                stream.close();\n            }\n");
        out.append("        } catch (NonRetriableException e) {\n");
        out.append("            System.err.println(\"Ingestion failed; retrying will not help (check credentials, grants, table, schema): \" + e.getMessage());\n");
        out.append("            System.exit(1);\n");
        out.append("        } catch (ZerobusException e) {\n");
        out.append("            System.err.println(\"Ingestion failed (transient, may succeed on retry): \" + e.getMessage());\n");
        out.append("            System.exit(1);\n");
        out.append("        } catch (CompletionException e) {\n");
        out.append("            System.err.println(\"Could not open the stream: \" + e.getCause());\n");
        out.append("            System.exit(1);\n");
        if (ctx.isProto()) {
            out.append("        } catch (Descriptors.DescriptorValidationException | InvalidProtocolBufferException e) {\n");
            out.append("            System.err.println(\"The record does not fit the table's protobuf schema: \" + e.getMessage());\n");
            out.append("            System.exit(1);\n");
        }
        out.append("        }\n    }\n");
        if (ctx.isProto()) out.append(protoHelpers(ctx));
        out.append("}\n");
        return out.toString();
    }

    private static String protoHelpers(SnippetContext ctx) {
        StringBuilder out = new StringBuilder("\n    /** The table's message, as in ").append(javaComment(ctx.messageName())).append(".proto above. */\n");
        out.append("    static DescriptorProto descriptorProto() {\n        return ");
        message(out, ctx.proto().descriptor(), 8);
        out.append(";\n    }\n");
        out.append("""

                    static Descriptors.Descriptor messageType(DescriptorProto message) throws Descriptors.DescriptorValidationException {
                        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                                .setName(message.getName() + ".proto").setSyntax("proto2").addMessageType(message).build();
                        return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                                .findMessageTypeByName(message.getName());
                    }

                    /** JSON -> protobuf: keys are field names, int64 as numbers, bytes as base64. */
                    static DynamicMessage toMessage(Descriptors.Descriptor type, String json) throws InvalidProtocolBufferException {
                        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
                        JsonFormat.parser().merge(json, builder);
                        return builder.build();
                    }

                    static FieldDescriptorProto field(String name, int number, Label label, Type type) {
                        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(label).setType(type).build();
                    }

                    static FieldDescriptorProto field(String name, int number, Label label, String messageTypeName) {
                        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setLabel(label)
                                .setType(Type.TYPE_MESSAGE).setTypeName(messageTypeName).build();
                    }
                """);
        return out.toString();
    }

    /** A DescriptorProto builder expression that rebuilds {@code message}, nested types first. */
    private static void message(StringBuilder out, DescriptorProto message, int indent) {
        String pad = SnippetText.indent(indent + 8);
        out.append("DescriptorProto.newBuilder()\n").append(pad).append(".setName(").append(SnippetText.quoteJava(message.getName())).append(')');
        if (message.getOptions().getMapEntry()) {
            out.append("\n").append(pad).append(".setOptions(MessageOptions.newBuilder().setMapEntry(true))");
        }
        for (DescriptorProto nested : message.getNestedTypeList()) {
            out.append("\n").append(pad).append(".addNestedType(");
            message(out, nested, indent + 8);
            out.append(')');
        }
        for (FieldDescriptorProto f : message.getFieldList()) {
            out.append("\n").append(pad).append(".addField(field(").append(SnippetText.quoteJava(f.getName())).append(", ")
                    .append(f.getNumber()).append(", Label.").append(f.getLabel().name()).append(", ");
            out.append(f.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE
                    ? SnippetText.quoteJava(f.getTypeName()) : "Type." + f.getType().name());
            out.append("))");
        }
        out.append("\n").append(pad).append(".build()");
    }

    /** javac reads backslash-u escapes even inside comments, so a name must not carry one into the source. */
    private static String javaComment(String s) {
        return s.replace("\\u", "\\ u").replace("*/", "* /");
    }

    private static String comment(List<String> lines) {
        return SnippetText.comment("//", lines.stream().map(JavaSnippet::javaComment).toList());
    }
}
