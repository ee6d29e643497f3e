package dev.zerobus.console.snippet;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Go producer on github.com/databricks/zerobus-sdk/go. JSON rows are a struct with json tags (exported field
 * names, so a column called {@code type} becomes {@code Type `json:"type"`}); PROTO rows are dynamic messages
 * built from the embedded DescriptorProto and filled from JSON with protojson, so no protoc step is needed.
 */
final class GoSnippet {
    private static final String MODULE = "github.com/databricks/zerobus-sdk/go";

    private GoSnippet() {}

    static String write(SnippetContext ctx) {
        List<String> install = new ArrayList<>(List.of("go mod init producer",
                "go get " + MODULE + (ctx.isProto() ? " google.golang.org/protobuf" : ""),
                "(the SDK links its Rust core through cgo: see the Go SDK README for the native library step)"));
        List<String> header = ctx.header("main.go", install, List.of("go run ."));
        StringBuilder out = new StringBuilder(SnippetText.comment("//", header));
        if (ctx.isProtoBlocked()) return out.toString();
        if (ctx.isProto()) {
            List<String> proto = new ArrayList<>(ctx.protoTextLines(ctx.messageName() + ".proto"));
            proto.add("To use generated Go types instead: protoc --go_out=. " + ctx.messageName() + ".proto");
            out.append(SnippetText.comment("//", proto));
        }
        out.append("package main\n\nimport (\n");
        List<String> std = ctx.isProto() ? List.of("encoding/base64", "fmt", "log", "os") : List.of("encoding/json", "fmt", "log", "os");
        std.forEach(i -> out.append("\t\"").append(i).append("\"\n"));
        out.append("\n\tzerobus \"").append(MODULE).append("\"\n");
        if (ctx.isProto()) {
            for (String i : List.of("google.golang.org/protobuf/encoding/protojson", "google.golang.org/protobuf/proto",
                    "google.golang.org/protobuf/reflect/protodesc", "google.golang.org/protobuf/reflect/protoreflect",
                    "google.golang.org/protobuf/types/descriptorpb", "google.golang.org/protobuf/types/dynamicpb")) {
                out.append("\t\"").append(i).append("\"\n");
            }
        }
        out.append(")\n\nconst (\n");
        List<String[]> consts = new ArrayList<>(List.of(
                new String[] {"serverEndpoint", SnippetText.quoteGo(ctx.endpoint())},
                new String[] {"workspaceURL", SnippetText.quoteGo(ctx.workspaceUrl())},
                new String[] {"tableName", SnippetText.quoteGo(ctx.table())},
                new String[] {"defaultClientID", SnippetText.quoteGo(ctx.clientId())}));
        if (ctx.isProto()) {
            consts.add(new String[] {"descriptorProtoBase64", "\"" + Base64.getEncoder().encodeToString(ctx.proto().descriptor().toByteArray()) + "\""});
            consts.add(new String[] {"recordJSON", SnippetText.quoteGo(ctx.recordJson())});
        }
        int width = consts.stream().mapToInt(c -> c[0].length()).max().orElse(0);
        consts.forEach(c -> out.append('\t').append(pad(c[0], width)).append(" = ").append(c[1]).append('\n'));
        out.append(")\n\n");
        if (!ctx.isProto()) out.append(GoRecord.declaration(ctx));
        out.append("func main() {\n\tif err := run(); err != nil {\n\t\tlog.Fatalf(\"Ingestion failed: %v\", err)\n\t}\n}\n\n");
        out.append("func run() error {\n");
        out.append("\tclientID := os.Getenv(\"").append(SnippetContext.CLIENT_ID_ENV).append("\")\n");
        out.append("\tif clientID == \"\" {\n\t\tclientID = defaultClientID\n\t}\n");
        out.append("\tclientSecret := os.Getenv(\"").append(SnippetContext.SECRET_ENV).append("\")\n");
        out.append("\tif clientSecret == \"\" {\n\t\treturn fmt.Errorf(\"set ").append(SnippetContext.SECRET_ENV)
                .append(" to the service principal's OAuth secret\")\n\t}\n\n");
        if (ctx.isProto()) {
            out.append("\tdescriptorBytes, err := base64.StdEncoding.DecodeString(descriptorProtoBase64)\n");
            out.append("\tif err != nil {\n\t\treturn err\n\t}\n");
            out.append("\tmessageType, err := messageDescriptor(descriptorBytes)\n");
            out.append("\tif err != nil {\n\t\treturn fmt.Errorf(\"invalid descriptor: %w\", err)\n\t}\n");
            out.append("\trecord, err := encode(messageType, recordJSON)\n");
            out.append("\tif err != nil {\n\t\treturn fmt.Errorf(\"the record does not fit the table's protobuf schema: %w\", err)\n\t}\n\n");
        } else {
            out.append("\tencoded, err := json.Marshal(sampleRow())\n");
            out.append("\tif err != nil {\n\t\treturn err\n\t}\n");
            out.append("\trecord := string(encoded)\n\n");
        }
        out.append("\tsdk, err := zerobus.NewZerobusSdk(serverEndpoint, workspaceURL)\n");
        out.append("\tif err != nil {\n\t\treturn fmt.Errorf(\"create SDK: %w\", err)\n\t}\n");
        out.append("\tdefer sdk.Free()\n\n");
        out.append("\toptions := zerobus.DefaultStreamConfigurationOptions()\n");
        out.append("\toptions.RecordType = zerobus.RecordType").append(ctx.isProto() ? "Proto" : "Json").append('\n');
        out.append("\tstream, err := sdk.CreateStream(zerobus.TableProperties{\n");
        out.append("\t\tTableName:       tableName,\n");
        out.append("\t\tDescriptorProto: ").append(ctx.isProto() ? "descriptorBytes" : "nil").append(",\n");
        out.append("\t}, clientID, clientSecret, options)\n");
        out.append("\tif err != nil {\n\t\treturn fmt.Errorf(\"create stream: %w\", err)\n\t}\n");
        out.append("\tdefer stream.Close()\n\n");
        out.append("\toffset, err := stream.IngestRecordOffset(record)\n");
        out.append("\tif err != nil {\n\t\treturn fmt.Errorf(\"ingest record: %w\", err)\n\t}\n");
        out.append("\tif err := stream.WaitForOffset(offset); err != nil {\n\t\treturn fmt.Errorf(\"wait for ACK: %w\", err)\n\t}\n");
        out.append("\tlog.Printf(\"Record acknowledged at offset %d\", offset)\n\n");
        out.append("\tbatch := []interface{}{}\n");
        out.append("\tfor i := 0; i < ").append(SnippetContext.BATCH_SIZE).append("; i++ {\n\t\tbatch = append(batch, record)\n\t}\n");
        out.append("\tlast, err := stream.IngestRecordsOffset(batch)\n");
        out.append("\tif err != nil {\n\t\treturn fmt.Errorf(\"ingest batch: %w\", err)\n\t}\n");
        out.append("\t// ACKs are in order: the batch's last offset covers all of it.\n");
        out.append("\tif err := stream.WaitForOffset(last); err != nil {\n\t\treturn fmt.Errorf(\"wait for batch ACK: %w\", err)\n\t}\n");
        out.append("\tlog.Printf(\"Batch of %d records acknowledged\", len(batch))\n");
        out.append("\treturn nil\n}\n");
        if (ctx.isProto()) out.append(PROTO_HELPERS);
        return out.toString();
    }

    private static final String PROTO_HELPERS = """

            // messageDescriptor wraps the table's DescriptorProto in a proto2 file without package, as the SDK expects.
            func messageDescriptor(descriptorBytes []byte) (protoreflect.MessageDescriptor, error) {
            \tvar message descriptorpb.DescriptorProto
            \tif err := proto.Unmarshal(descriptorBytes, &message); err != nil {
            \t\treturn nil, err
            \t}
            \tfile, err := protodesc.NewFile(&descriptorpb.FileDescriptorProto{
            \t\tName:        proto.String(message.GetName() + ".proto"),
            \t\tSyntax:      proto.String("proto2"),
            \t\tMessageType: []*descriptorpb.DescriptorProto{&message},
            \t}, nil)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \treturn file.Messages().Get(0), nil
            }

            // encode turns a JSON row (column names as keys, int64 as numbers, bytes as base64) into protobuf bytes.
            func encode(messageType protoreflect.MessageDescriptor, row string) ([]byte, error) {
            \tmessage := dynamicpb.NewMessage(messageType)
            \tif err := protojson.Unmarshal([]byte(row), message); err != nil {
            \t\treturn nil, err
            \t}
            \treturn proto.Marshal(message)
            }
            """;

    static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** The JSON row: a struct when every column name fits a json tag, else a map. */
    static final class GoRecord {
        private GoRecord() {}

        static String declaration(SnippetContext ctx) {
            Map<String, @Nullable Object> record = ctx.record();
            boolean taggable = record.keySet().stream().allMatch(k -> k.matches("[A-Za-z0-9_]+"));
            StringBuilder out = new StringBuilder();
            if (!taggable || record.isEmpty()) {
                out.append("// sampleRow is one row of the table; keys are the column names.\n");
                out.append("func sampleRow() map[string]any {\n\treturn ").append(literal(record)).append("\n}\n\n");
                return out.toString();
            }
            List<String[]> fields = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            for (var e : record.entrySet()) {
                TableColumn column = ctx.request().table().column(e.getKey()).orElseThrow();
                String name = fieldName(e.getKey(), taken);
                String type = e.getValue() == null ? "any" : goType(column.type());
                fields.add(new String[] {name, type, "`json:\"" + e.getKey() + "\"`", value(type, e.getValue())});
            }
            int nameWidth = fields.stream().mapToInt(f -> f[0].length()).max().orElse(0);
            int typeWidth = fields.stream().mapToInt(f -> f[1].length()).max().orElse(0);
            out.append("// Row is one row of ").append(SnippetText.commentSafe(ctx.table())).append(".\ntype Row struct {\n");
            fields.forEach(f -> out.append('\t').append(pad(f[0], nameWidth)).append(' ').append(pad(f[1], typeWidth))
                    .append(' ').append(f[2]).append('\n'));
            out.append("}\n\n// sampleRow is the record to ingest.\nfunc sampleRow() Row {\n\treturn Row{\n");
            fields.forEach(f -> out.append("\t\t").append(pad(f[0] + ":", nameWidth + 1)).append(' ').append(f[3]).append(",\n"));
            out.append("\t}\n}\n\n");
            return out.toString();
        }

        /** Exported, unique Go identifier; Go keywords are all lower case, so capitalizing avoids them. */
        static String fieldName(String column, Set<String> taken) {
            String base = SnippetText.pascal(column);
            if (base.isEmpty() || !Character.isLetter(base.charAt(0))) base = "F" + base;
            String name = base;
            for (int n = 2; !taken.add(name); n++) name = base + n;
            return name;
        }

        static String goType(ColumnType type) {
            return switch (type) {
                case ColumnType.Primitive p -> switch (p.kind()) {
                    case BOOLEAN -> "bool";
                    case BYTE -> "int8";
                    case SHORT -> "int16";
                    case INT, DATE -> "int32";
                    case LONG, TIMESTAMP, TIMESTAMP_NTZ -> "int64";
                    case FLOAT -> "float32";
                    case DOUBLE -> "float64";
                    case STRING -> "string";
                    case BINARY -> "[]byte";
                };
                case ColumnType.VarChar v -> "string";
                case ColumnType.Decimal d -> "string";
                default -> "any";
            };
        }

        private static String value(String goType, @Nullable Object value) {
            if ("[]byte".equals(goType) && value instanceof String base64) {
                try {
                    return "[]byte(" + bytesLiteral(Base64.getDecoder().decode(base64)) + ")";
                } catch (IllegalArgumentException notBase64) {
                    return "[]byte(" + SnippetText.quoteGo(base64) + ")";
                }
            }
            return literal(value);
        }

        private static String bytesLiteral(byte[] bytes) {
            StringBuilder out = new StringBuilder("\"");
            for (byte b : bytes) {
                int c = b & 0xff;
                if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') out.append((char) c);
                else out.append(String.format("\\x%02x", c));
            }
            return out.append('"').toString();
        }

        static String literal(@Nullable Object value) {
            return switch (value) {
                case null -> "nil";
                case String s -> SnippetText.quoteGo(s);
                case Double d -> d.isNaN() || d.isInfinite() ? "nil" : d.toString();
                case Map<?, ?> map -> {
                    StringBuilder out = new StringBuilder("map[string]any{");
                    String sep = "";
                    for (var e : map.entrySet()) {
                        out.append(sep).append(SnippetText.quoteGo(String.valueOf(e.getKey()))).append(": ").append(literal(e.getValue()));
                        sep = ", ";
                    }
                    yield out.append('}').toString();
                }
                case List<?> list -> {
                    StringBuilder out = new StringBuilder("[]any{");
                    for (int i = 0; i < list.size(); i++) out.append(i > 0 ? ", " : "").append(literal(list.get(i)));
                    yield out.append('}').toString();
                }
                default -> value.toString();
            };
        }
    }
}
