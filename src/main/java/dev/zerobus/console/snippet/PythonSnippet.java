package dev.zerobus.console.snippet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Python producer on the synchronous {@code zerobus.sdk.sync} API of databricks-zerobus-ingest-sdk. */
final class PythonSnippet {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private PythonSnippet() {}

    static String write(SnippetContext ctx) {
        String module = ctx.messageName() + "_pb2";
        String protoFile = ctx.messageName() + ".proto";
        List<String> install = ctx.isProto()
                ? List.of("pip install databricks-zerobus-ingest-sdk \"grpcio-tools>=1.60,<2\"",
                          "python3 -m grpc_tools.protoc --python_out=. --proto_path=. " + protoFile + "   # writes " + module + ".py")
                : List.of("pip install databricks-zerobus-ingest-sdk");
        List<String> header = ctx.header("producer.py", install, List.of("python3 producer.py"));
        StringBuilder out = new StringBuilder(SnippetText.comment("#", header));
        if (ctx.isProtoBlocked()) return out.toString();
        if (ctx.isProto()) out.append(SnippetText.comment("#", ctx.protoTextLines(protoFile)));
        out.append("\nimport os\nimport sys\n\n");
        if (ctx.isProto()) out.append("from google.protobuf import json_format\n");
        out.append("from zerobus.sdk.shared import NonRetriableException, TableProperties, ZerobusException\n");
        out.append("from zerobus.sdk.sync import ZerobusSdk\n");
        if (ctx.isProto()) out.append("\nimport ").append(module).append("\n");
        out.append("\nSERVER_ENDPOINT = ").append(SnippetText.quotePython(ctx.endpoint())).append('\n');
        out.append("WORKSPACE_URL = ").append(SnippetText.quotePython(ctx.workspaceUrl())).append('\n');
        out.append("TABLE_NAME = ").append(SnippetText.quotePython(ctx.table())).append('\n');
        out.append("CLIENT_ID = os.environ.get(\"").append(SnippetContext.CLIENT_ID_ENV).append("\", ")
                .append(SnippetText.quotePython(ctx.clientId())).append(")\n");
        out.append("CLIENT_SECRET = os.environ.get(\"").append(SnippetContext.SECRET_ENV).append("\")\n");
        if (ctx.isProto()) {
            String message = KEYWORDS.contains(ctx.messageName()) || !ctx.messageName().matches("[A-Za-z_][A-Za-z0-9_]*")
                    ? "getattr(" + module + ", " + SnippetText.quotePython(ctx.messageName()) + ")"
                    : module + "." + ctx.messageName();
            out.append("MESSAGE = ").append(message).append('\n');
        }
        out.append("\n# One row of the table; keys are the column names.\nRECORD = ").append(dict(ctx.record())).append("\n");
        if (ctx.isProto()) {
            out.append("""


                    def to_message(row):
                        # ParseDict takes the column names as keys, so names like "from" need no keyword workaround.
                        return json_format.ParseDict(row, MESSAGE())
                    """);
        }
        String properties = ctx.isProto() ? "TableProperties(TABLE_NAME, MESSAGE.DESCRIPTOR)" : "TableProperties(TABLE_NAME)";
        String one = ctx.isProto() ? "to_message(RECORD)" : "RECORD";
        out.append("\n\ndef main():\n");
        out.append("    if not CLIENT_SECRET:\n");
        out.append("        print(\"Set ").append(SnippetContext.SECRET_ENV).append(" to the service principal's OAuth secret.\", file=sys.stderr)\n");
        out.append("        return 2\n");
        out.append("    sdk = ZerobusSdk(SERVER_ENDPOINT, WORKSPACE_URL)\n");
        out.append("    stream = None\n");
        out.append("    try:\n");
        out.append("        stream = sdk.create_stream(CLIENT_ID, CLIENT_SECRET, ").append(properties).append(")\n");
        out.append("        offset = stream.ingest_record_offset(").append(one).append(")\n");
        out.append("        stream.wait_for_offset(offset)\n");
        out.append("        print(f\"Record acknowledged at offset {offset}\")\n");
        out.append("        batch = [").append(one).append(" for _ in range(").append(SnippetContext.BATCH_SIZE).append(")]\n");
        out.append("        stream.ingest_records_offset(batch)\n");
        out.append("        stream.flush()  # returns once every queued record is durable\n");
        out.append("        print(f\"Batch of {len(batch)} records acknowledged\")\n");
        out.append("        return 0\n");
        out.append("    except NonRetriableException as e:\n");
        out.append("        print(f\"Ingestion failed; retrying will not help (check credentials, grants, table, schema): {e}\", file=sys.stderr)\n");
        out.append("        return 1\n");
        out.append("    except ZerobusException as e:\n");
        out.append("        print(f\"Ingestion failed (transient, may succeed on retry): {e}\", file=sys.stderr)\n");
        out.append("        return 1\n");
        out.append("    finally:\n");
        out.append("        if stream is not None:\n");
        out.append("            stream.close()\n");
        out.append("\n\nif __name__ == \"__main__\":\n    sys.exit(main())\n");
        return out.toString();
    }

    /** The record as a dict literal, one column per line. */
    private static String dict(Map<String, @Nullable Object> record) {
        if (record.isEmpty()) return "{}";
        StringBuilder out = new StringBuilder("{\n");
        record.forEach((k, v) -> out.append("    ").append(SnippetText.quotePython(k)).append(": ").append(literal(v)).append(",\n"));
        return out.append("}").toString();
    }

    static String literal(@Nullable Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case String s -> SnippetText.quotePython(s);
            case Double d -> d.isNaN() ? "float(\"nan\")" : d.isInfinite() ? (d > 0 ? "float(\"inf\")" : "float(\"-inf\")") : d.toString();
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{");
                String sep = "";
                for (var e : map.entrySet()) {
                    out.append(sep).append(SnippetText.quotePython(String.valueOf(e.getKey()))).append(": ").append(literal(e.getValue()));
                    sep = ", ";
                }
                yield out.append("}").toString();
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
