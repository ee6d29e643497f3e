package dev.zerobus.console.ui.catalog;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.zerobus.console.schema.CodecOptions;
import dev.zerobus.console.schema.CodecResult;
import dev.zerobus.console.schema.DescriptorComparison;
import dev.zerobus.console.schema.FieldError;
import dev.zerobus.console.schema.RecordCodec;
import dev.zerobus.console.schema.TableSchema;
import java.util.List;

/**
 * Compares what a producer would send with a table. Until the service layer's SchemaDiff lands this adapts the two
 * checks that exist: {@link DescriptorComparison} for compiled descriptors ({@code protoc --descriptor_set_out}) and
 * {@link RecordCodec} for a sample JSON record. Stateless; runs off the FX thread.
 */
final class SchemaCheck {
    enum Input { PROTO, JSON }

    /** One difference: a short kind ("Missing", "Unknown field", "Type"), the column or field, and the sentence. */
    record Finding(String kind, String path, String message) {}

    private SchemaCheck() {}

    static List<Finding> ofJson(TableSchema table, String json) {
        var result = RecordCodec.forTable(table, CodecOptions.defaults()).toRow(json);
        return switch (result) {
            case CodecResult.Encoded<Object[]> ok -> List.of();
            case CodecResult.Invalid<Object[]> invalid -> invalid.errors().stream().map(SchemaCheck::finding).toList();
        };
    }

    /** {@code .proto} text needs a parser the service layer does not have yet; compiled descriptors work today. */
    static List<Finding> ofProtoText(String protoText) {
        return List.of(new Finding("Not checked", "",
                "Checking .proto text is not available in this build. Compile it with "
                        + "protoc --descriptor_set_out=schema.desc and open schema.desc, or check a sample JSON record."));
    }

    static List<Finding> ofDescriptorSet(TableSchema table, byte[] descriptorSet) {
        FileDescriptorSet set;
        try {
            set = FileDescriptorSet.parseFrom(descriptorSet);
        } catch (InvalidProtocolBufferException e) {
            return List.of(new Finding("Invalid", "", "The file is not a descriptor set written by protoc --descriptor_set_out."));
        }
        List<DescriptorProto> messages = set.getFileList().stream().flatMap(f -> f.getMessageTypeList().stream()).toList();
        DescriptorProto message = messages.stream().filter(m -> m.getName().equals(table.tableName())).findFirst()
                .orElse(messages.size() == 1 ? messages.getFirst() : null);
        if (message == null) {
            return List.of(new Finding("Invalid", "", "No message named " + table.tableName()
                    + " in the descriptor set; name the message like the table."));
        }
        return DescriptorComparison.compare(table, message).stream().map(text -> new Finding(kindOf(text), "", text)).toList();
    }

    private static Finding finding(FieldError error) {
        String kind = error.message().startsWith("is missing") ? "Missing"
                : error.message().startsWith("unknown field") ? "Unknown field" : "Value";
        return new Finding(kind, error.path(), error.describe());
    }

    private static String kindOf(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("missing") || lower.contains("no field")) return "Missing";
        if (lower.contains("extra") || lower.contains("no column")) return "Extra";
        if (lower.contains("optional") || lower.contains("required")) return "Optionality";
        return "Type";
    }
}
