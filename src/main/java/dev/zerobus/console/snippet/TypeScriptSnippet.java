package dev.zerobus.console.snippet;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * TypeScript producer on @databricks/zerobus-ingest-sdk. Written without type annotations, so the same text is
 * also a valid JavaScript ES module. PROTO records are encoded with protobufjs from the embedded .proto text;
 * the stream gets the DescriptorProto as base64, as the SDK expects.
 */
final class TypeScriptSnippet {
    private TypeScriptSnippet() {}

    static String write(SnippetContext ctx) {
        List<String> install = ctx.isProto()
                ? List.of("npm install @databricks/zerobus-ingest-sdk protobufjs", "npm install --save-dev tsx")
                : List.of("npm install @databricks/zerobus-ingest-sdk", "npm install --save-dev tsx");
        List<String> header = ctx.header("producer.ts", install,
                List.of("npx tsx producer.ts   # or save as producer.mjs and run: node producer.mjs"));
        StringBuilder out = new StringBuilder(SnippetText.comment("//", header));
        if (ctx.isProtoBlocked()) return out.toString();
        out.append('\n');
        if (ctx.isProto()) out.append("import protobuf from \"protobufjs\";\n");
        out.append("import { RecordType, ZerobusSdk } from \"@databricks/zerobus-ingest-sdk\";\n\n");
        out.append("const SERVER_ENDPOINT = ").append(SnippetText.quoteJs(ctx.endpoint())).append(";\n");
        out.append("const WORKSPACE_URL = ").append(SnippetText.quoteJs(ctx.workspaceUrl())).append(";\n");
        out.append("const TABLE_NAME = ").append(SnippetText.quoteJs(ctx.table())).append(";\n");
        out.append("const CLIENT_ID = process.env.").append(SnippetContext.CLIENT_ID_ENV).append(" || ")
                .append(SnippetText.quoteJs(ctx.clientId())).append(";\n");
        out.append("const CLIENT_SECRET = process.env.").append(SnippetContext.SECRET_ENV).append(";\n\n");
        out.append("// One row of the table; keys are the column names. int64 values fit a JS number up to 2^53.\n");
        out.append("const RECORD = ").append(object(ctx.record())).append(";\n");
        if (ctx.isProto()) {
            out.append("\n// The table's .proto, written from its schema (parsed at run time, no protoc step).\n");
            out.append("const PROTO_TEXT = [\n");
            for (String line : ctx.proto().protoText().split("\n")) {
                out.append("  ").append(SnippetText.quoteJs(line)).append(",\n");
            }
            out.append("].join(\"\\n\");\n");
            out.append("// The same message as a serialized DescriptorProto, base64: what createStream needs for PROTO.\n");
            out.append("const DESCRIPTOR_PROTO = \"")
                    .append(Base64.getEncoder().encodeToString(ctx.proto().descriptor().toByteArray())).append("\";\n");
            out.append("const MessageType = protobuf.parse(PROTO_TEXT, { keepCase: true }).root.lookupType(")
                    .append(SnippetText.quoteJs(ctx.messageName())).append(");\n\n");
            out.append("function encode(row) {\n");
            out.append("  return Buffer.from(MessageType.encode(MessageType.fromObject(row)).finish());\n}\n");
        }
        String properties = ctx.isProto() ? "{ tableName: TABLE_NAME, descriptorProto: DESCRIPTOR_PROTO }" : "{ tableName: TABLE_NAME }";
        String recordType = ctx.isProto() ? "RecordType.Proto" : "RecordType.Json";
        String one = ctx.isProto() ? "encode(RECORD)" : "RECORD";
        out.append("\nasync function main() {\n");
        out.append("  if (!CLIENT_SECRET) {\n");
        out.append("    console.error(\"Set ").append(SnippetContext.SECRET_ENV).append(" to the service principal's OAuth secret.\");\n");
        out.append("    process.exitCode = 2;\n    return;\n  }\n");
        out.append("  const sdk = new ZerobusSdk(SERVER_ENDPOINT, WORKSPACE_URL);\n");
        out.append("  const stream = await sdk.createStream(").append(properties).append(", CLIENT_ID, CLIENT_SECRET, {\n");
        out.append("    recordType: ").append(recordType).append(",\n  });\n");
        out.append("  try {\n");
        out.append("    const offset = await stream.ingestRecordOffset(").append(one).append(");\n");
        out.append("    await stream.waitForOffset(offset);\n");
        out.append("    console.log(`Record acknowledged at offset ${offset}`);\n");
        out.append("    const batch = Array.from({ length: ").append(SnippetContext.BATCH_SIZE).append(" }, () => ").append(one).append(");\n");
        out.append("    const last = await stream.ingestRecordsOffset(batch);\n");
        out.append("    if (last !== null) {\n");
        out.append("      await stream.waitForOffset(last); // acks are in order: the last offset covers the batch\n");
        out.append("    }\n");
        out.append("    console.log(`Batch of ${batch.length} records acknowledged`);\n");
        out.append("  } finally {\n    await stream.close();\n  }\n}\n\n");
        out.append("main().catch((error) => {\n");
        out.append("  console.error(\"Ingestion failed:\", error instanceof Error ? error.message : error);\n");
        out.append("  process.exitCode = 1;\n});\n");
        return out.toString();
    }

    private static String object(Map<String, @Nullable Object> record) {
        if (record.isEmpty()) return "{}";
        StringBuilder out = new StringBuilder("{\n");
        record.forEach((k, v) -> out.append("  ").append(SnippetText.quoteJs(k)).append(": ").append(literal(v)).append(",\n"));
        return out.append("}").toString();
    }

    static String literal(@Nullable Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> SnippetText.quoteJs(s);
            case Double d -> d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString();
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{ ");
                String sep = "";
                for (var e : map.entrySet()) {
                    out.append(sep).append(SnippetText.quoteJs(String.valueOf(e.getKey()))).append(": ").append(literal(e.getValue()));
                    sep = ", ";
                }
                yield map.isEmpty() ? "{}" : out.append(" }").toString();
            }
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) out.append(i > 0 ? ", " : "").append(literal(list.get(i)));
                yield out.append("]").toString();
            }
            default -> value.toString();
        };
    }
}
