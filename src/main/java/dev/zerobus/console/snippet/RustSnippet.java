package dev.zerobus.console.snippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rust producer on the databricks-zerobus-ingest-sdk crate (tokio). Rows are serde_json values, so column names
 * are string keys and never clash with Rust keywords. PROTO rows are prost-reflect dynamic messages built from
 * the embedded DescriptorProto bytes.
 */
final class RustSnippet {
    private RustSnippet() {}

    static String write(SnippetContext ctx) {
        List<String> install = new ArrayList<>(List.of("cargo new producer && cd producer   # then replace src/main.rs with this file",
                "cargo add databricks-zerobus-ingest-sdk serde_json",
                "cargo add tokio --features full"));
        if (ctx.isProto()) {
            install.add("cargo add prost-reflect --features serde");
            install.add("(use the prost-reflect/prost-types version the SDK uses: cargo tree -i prost-types)");
        }
        List<String> header = ctx.header("src/main.rs", install, List.of("cargo run"));
        StringBuilder out = new StringBuilder(SnippetText.comment("//", header));
        if (ctx.isProtoBlocked()) return out.toString();
        if (ctx.isProto()) out.append(SnippetText.comment("//", ctx.protoTextLines(ctx.messageName() + ".proto")));
        out.append("#![recursion_limit = \"512\"] // json! on wide tables\n\n");
        out.append("use std::error::Error;\n\n");
        out.append("use databricks_zerobus_ingest_sdk::{\n    databricks::zerobus::RecordType, ")
                .append(ctx.isProto() ? "ProtoBytes" : "JsonString")
                .append(", StreamConfigurationOptions, TableProperties,\n    ZerobusSdk, ZerobusStream,\n};\n");
        if (ctx.isProto()) {
            out.append("use prost_reflect::prost::Message;\n");
            out.append("use prost_reflect::prost_types;\n");
            out.append("use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor};\n");
        }
        out.append("use serde_json::json;\n\n");
        out.append("const SERVER_ENDPOINT: &str = ").append(SnippetText.quoteRust(ctx.endpoint())).append(";\n");
        out.append("const WORKSPACE_URL: &str = ").append(SnippetText.quoteRust(ctx.workspaceUrl())).append(";\n");
        out.append("const TABLE_NAME: &str = ").append(SnippetText.quoteRust(ctx.table())).append(";\n");
        out.append("const DEFAULT_CLIENT_ID: &str = ").append(SnippetText.quoteRust(ctx.clientId())).append(";\n");
        if (ctx.isProto()) {
            out.append("const MESSAGE_NAME: &str = ").append(SnippetText.quoteRust(ctx.messageName())).append(";\n");
            out.append("// The table's message as a serialized DescriptorProto.\n");
            out.append("const DESCRIPTOR_PROTO: &[u8] = &[\n");
            byte[] bytes = ctx.proto().descriptor().toByteArray();
            for (int i = 0; i < bytes.length; i += 16) {
                out.append("   ");
                for (int j = i; j < Math.min(bytes.length, i + 16); j++) out.append(' ').append(bytes[j] & 0xff).append(',');
                out.append('\n');
            }
            out.append("];\n");
        }
        out.append("\n/// One row of the table; keys are the column names.\nfn record() -> serde_json::Value {\n    json!(")
                .append(object(ctx.record())).append(")\n}\n\n");
        out.append("#[tokio::main]\nasync fn main() {\n    if let Err(error) = run().await {\n");
        out.append("        eprintln!(\"Ingestion failed: {error}\");\n        std::process::exit(1);\n    }\n}\n\n");
        out.append("async fn run() -> Result<(), Box<dyn Error>> {\n");
        out.append("    let client_id =\n        std::env::var(\"").append(SnippetContext.CLIENT_ID_ENV)
                .append("\").unwrap_or_else(|_| DEFAULT_CLIENT_ID.to_string());\n");
        out.append("    let client_secret = std::env::var(\"").append(SnippetContext.SECRET_ENV)
                .append("\")\n        .map_err(|_| \"set ").append(SnippetContext.SECRET_ENV).append(" to the service principal's OAuth secret\")?;\n");
        if (ctx.isProto()) {
            out.append("    let (descriptor_proto, message_type) = message_descriptor()?;\n");
            out.append("    let row = encode(&message_type, record())?;\n");
        } else {
            out.append("    let row = record().to_string();\n");
        }
        out.append("    let sdk = ZerobusSdk::builder()\n        .endpoint(SERVER_ENDPOINT)\n        .unity_catalog_url(WORKSPACE_URL)\n        .build()?;\n");
        out.append("    let table_properties = TableProperties {\n        table_name: TABLE_NAME.to_string(),\n");
        out.append("        descriptor_proto: ").append(ctx.isProto() ? "Some(descriptor_proto)" : "None").append(",\n    };\n");
        out.append("    let options = StreamConfigurationOptions {\n        record_type: RecordType::")
                .append(ctx.isProto() ? "Proto" : "Json").append(",\n        ..Default::default()\n    };\n");
        out.append("    let mut stream = sdk\n        .create_stream(table_properties, client_id, client_secret, Some(options))\n        .await?;\n");
        out.append("    let result = ingest(&mut stream, row).await;\n");
        out.append("    stream.close().await?;\n    result\n}\n\n");
        String wrap = ctx.isProto() ? "ProtoBytes" : "JsonString";
        String rowType = ctx.isProto() ? "Vec<u8>" : "String";
        out.append("async fn ingest(stream: &mut ZerobusStream, row: ").append(rowType).append(") -> Result<(), Box<dyn Error>> {\n");
        out.append("    let offset = stream.ingest_record_offset(").append(wrap).append("(row.clone())).await?;\n");
        out.append("    stream.wait_for_offset(offset).await?;\n");
        out.append("    println!(\"Record acknowledged at offset {offset}\");\n");
        out.append("    let batch: Vec<").append(wrap).append("> = (0..").append(SnippetContext.BATCH_SIZE).append(")\n");
        out.append("        .map(|_| ").append(wrap).append("(row.clone()))\n        .collect();\n");
        out.append("    let size = batch.len();\n");
        out.append("    if let Some(last) = stream.ingest_records_offset(batch).await? {\n");
        out.append("        // ACKs are in order: the batch's last offset covers all of it.\n");
        out.append("        stream.wait_for_offset(last).await?;\n    }\n");
        out.append("    println!(\"Batch of {size} records acknowledged\");\n    Ok(())\n}\n");
        if (ctx.isProto()) out.append(PROTO_HELPERS);
        return out.toString();
    }

    private static final String PROTO_HELPERS = """

            /// The table's DescriptorProto, and the message type it describes (in a proto2 file without package).
            fn message_descriptor() -> Result<(prost_types::DescriptorProto, MessageDescriptor), Box<dyn Error>> {
                let descriptor = prost_types::DescriptorProto::decode(DESCRIPTOR_PROTO)?;
                let file = prost_types::FileDescriptorProto {
                    name: Some(format!("{MESSAGE_NAME}.proto")),
                    syntax: Some("proto2".to_string()),
                    message_type: vec![descriptor.clone()],
                    ..Default::default()
                };
                let pool =
                    DescriptorPool::from_file_descriptor_set(prost_types::FileDescriptorSet { file: vec![file] })?;
                let message_type = pool
                    .get_message_by_name(MESSAGE_NAME)
                    .ok_or("message not found in the descriptor")?;
                Ok((descriptor, message_type))
            }

            /// JSON row (int64 as numbers, bytes as base64) -> protobuf bytes.
            fn encode(message_type: &MessageDescriptor, row: serde_json::Value) -> Result<Vec<u8>, Box<dyn Error>> {
                let message = DynamicMessage::deserialize(message_type.clone(), row)?;
                Ok(message.encode_to_vec())
            }
            """;

    private static String object(Map<String, @Nullable Object> record) {
        if (record.isEmpty()) return "{}";
        StringBuilder out = new StringBuilder("{\n");
        record.forEach((k, v) -> out.append("        ").append(SnippetText.quoteRust(k)).append(": ").append(literal(v)).append(",\n"));
        return out.append("    }").toString();
    }

    /** A value inside {@code json!}: JSON syntax with Rust string literals. */
    static String literal(@Nullable Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> SnippetText.quoteRust(s);
            case Double d -> d.isNaN() || d.isInfinite() ? "null" : d.toString();
            // An unsuffixed literal is an i32 to rustc, and a bigger one does not compile.
            case Long l when l > Integer.MAX_VALUE || l < Integer.MIN_VALUE -> l + "_i64";
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{");
                String sep = "";
                for (var e : map.entrySet()) {
                    out.append(sep).append(SnippetText.quoteRust(String.valueOf(e.getKey()))).append(": ").append(literal(e.getValue()));
                    sep = ", ";
                }
                yield out.append('}').toString();
            }
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) out.append(i > 0 ? ", " : "").append(literal(list.get(i)));
                yield out.append(']').toString();
            }
            default -> value.toString();
        };
    }
}
