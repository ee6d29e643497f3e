package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TypeParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Reads the {@code columns} of a create-table request (UC ColumnInfo JSON) into table columns. */
final class ColumnRequests {
    private ColumnRequests() {}

    /**
     * Parses each column's type from {@code type_json}, then {@code type_text}, then {@code type_name} (with
     * precision and scale for DECIMAL); columns are ordered by {@code position} when every column has one.
     * For a Delta table, a type the sandbox's Delta writer cannot hold is a 400 naming the column and why.
     */
    static List<TableColumn> parse(JsonNode columns, boolean delta) {
        if (!columns.isArray()) throw ApiException.invalid("Field 'columns' must be a list of column definitions.");
        List<JsonNode> nodes = new ArrayList<>();
        columns.forEach(nodes::add);
        if (nodes.stream().allMatch(n -> n.hasNonNull("position"))) {
            nodes.sort(Comparator.comparingInt(n -> n.get("position").asInt()));
        }
        List<TableColumn> result = new ArrayList<>();
        for (JsonNode node : nodes) result.add(column(node, delta));
        return result;
    }

    private static TableColumn column(JsonNode node, boolean delta) {
        String name = UnityCatalogApi.text(node, "name");
        if (name == null || name.isBlank()) throw ApiException.invalid("Every column needs a 'name'.");
        String typeJson = UnityCatalogApi.text(node, "type_json");
        ColumnType type;
        try {
            type = TypeParser.parse(typeJson, typeText(node));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Column '" + name + "' has an unreadable type: " + e.getMessage());
        }
        if (delta) {
            String reason = unsupportedReason(type);
            if (reason != null) {
                throw ApiException.invalid("Column '" + name + "' has type " + type.typeText()
                        + ", which the sandbox's Delta tables cannot hold: " + reason + ".");
            }
        }
        return new TableColumn(name, type, nullable(node, typeJson), UnityCatalogApi.text(node, "comment"));
    }

    private static String typeText(JsonNode node) {
        String text = UnityCatalogApi.text(node, "type_text");
        if (text != null && !text.isBlank()) return text;
        String typeName = UnityCatalogApi.text(node, "type_name");
        if (typeName == null || typeName.isBlank()) return null;
        if (typeName.equalsIgnoreCase("DECIMAL")) {
            return "decimal(" + node.path("type_precision").asInt(10) + "," + node.path("type_scale").asInt(0) + ")";
        }
        return typeName.toLowerCase(Locale.ROOT);
    }

    /** The explicit {@code nullable} field wins; else the StructField's; else nullable, as in UC. */
    private static boolean nullable(JsonNode node, String typeJson) {
        if (node.hasNonNull("nullable")) return node.get("nullable").asBoolean();
        if (typeJson != null) {
            try {
                JsonNode field = HttpExchangeContext.JSON.readTree(typeJson);
                if (field.hasNonNull("nullable")) return field.get("nullable").asBoolean();
            } catch (IOException ignored) {
                // type_json was already read by TypeParser; an unreadable one fell back to type_text.
            }
        }
        return true;
    }

    /** Why a type (or a type nested in it) cannot be written, or null. */
    static String unsupportedReason(ColumnType type) {
        return switch (type) {
            case ColumnType.Unsupported u -> u.reason();
            case ColumnType.Array a -> unsupportedReason(a.element());
            case ColumnType.MapOf m -> {
                String key = unsupportedReason(m.key());
                yield key != null ? key : unsupportedReason(m.value());
            }
            case ColumnType.Struct s -> s.fields().stream().map(f -> unsupportedReason(f.type()))
                    .filter(r -> r != null).findFirst().orElse(null);
            case ColumnType.Primitive p -> null;
            case ColumnType.VarChar v -> null;
            case ColumnType.Decimal d -> null;
        };
    }
}
