package dev.zerobus.console.ui.catalog;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.zerobus.console.codec.SchemaDiff;
import dev.zerobus.console.schema.TableSchema;
import java.util.List;

/**
 * Compares what a producer would send with a table through {@link SchemaDiff}: .proto text, a compiled descriptor set
 * ({@code protoc --descriptor_set_out}) or a sample JSON record. Stateless; runs off the FX thread.
 */
final class SchemaCheck {
    enum Input { PROTO, JSON }

    /**
     * One difference: a short kind ("Missing", "Unknown field", "Type"), the column or field, and the sentence.
     * {@code blocks} is false for a nullable column left out, which Zerobus accepts.
     */
    record Finding(String kind, String path, String message, boolean blocks) {
        Finding(String kind, String path, String message) {
            this(kind, path, message, true);
        }
    }

    private SchemaCheck() {}

    static List<Finding> ofJson(TableSchema table, String json) {
        return findings(SchemaDiff.ofJsonSample(table, json));
    }

    static List<Finding> ofProtoText(TableSchema table, String protoText) {
        return findings(SchemaDiff.ofProtoText(table, protoText));
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
        return findings(SchemaDiff.ofDescriptor(table, message));
    }

    private static List<Finding> findings(SchemaDiff diff) {
        return diff.differences().stream().map(d -> new Finding(label(d.kind()), d.path(), d.message(), d.kind().blocks())).toList();
    }

    private static String label(SchemaDiff.Kind kind) {
        return switch (kind) {
            case MISSING -> "Missing";
            case EXTRA -> "Extra";
            case TYPE -> "Type";
            case OPTIONALITY -> "Optionality";
            case RENAMED -> "Renamed?";
            case INVALID -> "Invalid";
            case OMITTED -> "May omit";
        };
    }
}
