package dev.zerobus.console.schema;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a table needs on a PROTO stream: the {@code DescriptorProto} to pass to {@code createProtoStream}, the
 * {@code .proto} text to show or save, and every column that cannot be carried (with its reason). When
 * {@link #problems()} is not empty the table cannot take a PROTO stream: the descriptor then covers only the
 * supported columns, for the preview.
 */
public record ProtoSchema(String messageName, DescriptorProto descriptor, String protoText, List<ColumnProblem> problems) {
    public ProtoSchema {
        problems = List.copyOf(problems);
    }

    public boolean isUsable() {
        return problems.isEmpty();
    }

    /** A column (or nested field path) the mapping cannot carry, and why, in the user's words. */
    public record ColumnProblem(String columnPath, String typeText, String reason) {
        public String message() {
            return "Column '" + columnPath + "' has type '" + typeText + "', which Zerobus PROTO streams cannot carry: " + reason;
        }
    }

    /** Null-safe lookup of a problem by top-level column. */
    public @Nullable ColumnProblem problemFor(String column) {
        return problems.stream().filter(p -> p.columnPath().equals(column) || p.columnPath().startsWith(column + "."))
                .findFirst().orElse(null);
    }
}
