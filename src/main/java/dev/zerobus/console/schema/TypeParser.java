package dev.zerobus.console.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.schema.ColumnType.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads UC column types from {@code type_json} (a Spark/Delta StructField or type JSON) or {@code type_text}
 * (Spark SQL type text), and writes them back as {@code type_json}. Parse {@code type_json} first: it carries
 * nested nullability that {@code type_text} may not. Stateless and thread-safe.
 */
public final class TypeParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("(?:decimal|dec|numeric)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");
    private static final Pattern VARCHAR = Pattern.compile("varchar\\s*\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern CHAR = Pattern.compile("char(?:acter)?\\s*\\(\\s*(\\d+)\\s*\\)");

    private TypeParser() {}

    /** Parses a column from its UC fields; {@code typeJson} wins when present and valid. */
    public static ColumnType parse(String typeJson, String typeText) {
        if (typeJson != null && !typeJson.isBlank()) {
            try {
                JsonNode node = JSON.readTree(typeJson);
                return fromJson(node.has("name") && node.has("type") ? node.get("type") : node);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                if (typeText == null || typeText.isBlank()) {
                    throw new IllegalArgumentException("Cannot read type_json " + typeJson + ": " + e.getMessage(), e);
                }
            }
        }
        if (typeText == null || typeText.isBlank()) throw new IllegalArgumentException("Column has neither type_json nor type_text");
        return parseText(typeText);
    }

    /** Parses Spark SQL type text such as {@code map<string,array<int>>}. */
    public static ColumnType parseText(String typeText) {
        var reader = new TextReader(typeText);
        ColumnType type = reader.type();
        reader.skipSpaces();
        if (!reader.atEnd()) throw reader.error("unexpected text after the type");
        return type;
    }

    /** Reads a Spark JSON data type node ({@code "integer"} or {@code {"type":"array",...}}). */
    public static ColumnType fromJson(JsonNode node) {
        if (node.isTextual()) return primitiveOrNamed(node.asText(), node.asText());
        if (!node.isObject() || !node.has("type")) throw new IllegalArgumentException("not a data type: " + node);
        return switch (node.get("type").asText()) {
            case "array" -> new ColumnType.Array(fromJson(node.get("elementType")), node.path("containsNull").asBoolean(true));
            case "map" -> new ColumnType.MapOf(fromJson(node.get("keyType")), fromJson(node.get("valueType")),
                    node.path("valueContainsNull").asBoolean(true));
            case "struct" -> {
                List<ColumnType.Field> fields = new ArrayList<>();
                for (JsonNode f : node.path("fields")) {
                    fields.add(new ColumnType.Field(f.get("name").asText(), fieldType(f), f.path("nullable").asBoolean(true)));
                }
                yield new ColumnType.Struct(fields);
            }
            case "udt" -> new ColumnType.Unsupported(node.path("sqlType").asText("udt"), "USER_DEFINED_TYPE", "user-defined types have no Zerobus mapping");
            default -> throw new IllegalArgumentException("unknown complex type " + node.get("type"));
        };
    }

    /** A struct field's type, honouring the char/varchar metadata Spark keeps on string fields. */
    private static ColumnType fieldType(JsonNode field) {
        String charVarchar = field.path("metadata").path("__CHAR_VARCHAR_TYPE_STRING").asText("");
        return charVarchar.isEmpty() ? fromJson(field.get("type")) : parseText(charVarchar);
    }

    /** Serialises a type as Spark JSON (the value of a StructField's {@code type}). */
    public static JsonNode toJson(ColumnType type) {
        var f = JsonNodeFactory.instance;
        return switch (type) {
            case ColumnType.Primitive p -> f.textNode(p.kind().json());
            case ColumnType.VarChar v -> f.textNode("string");
            case ColumnType.Decimal d -> f.textNode(d.typeText());
            case ColumnType.Array a -> f.objectNode().put("type", "array").<ObjectNode>set("elementType", toJson(a.element()))
                    .put("containsNull", a.containsNull());
            case ColumnType.MapOf m -> f.objectNode().put("type", "map").<ObjectNode>set("keyType", toJson(m.key()))
                    .<ObjectNode>set("valueType", toJson(m.value())).put("valueContainsNull", m.valueContainsNull());
            case ColumnType.Struct s -> {
                ArrayNode fields = f.arrayNode();
                s.fields().forEach(field -> fields.add(fieldJson(field.name(), field.type(), field.nullable())));
                yield f.objectNode().put("type", "struct").set("fields", fields);
            }
            case ColumnType.Unsupported u -> f.textNode(u.typeText());
        };
    }

    /** A StructField JSON, as UC serves it in a column's {@code type_json}. */
    public static ObjectNode fieldJson(String name, ColumnType type, boolean nullable) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        if (type instanceof ColumnType.VarChar v) metadata.put("__CHAR_VARCHAR_TYPE_STRING", v.typeText());
        return JsonNodeFactory.instance.objectNode().put("name", name).<ObjectNode>set("type", toJson(type))
                .put("nullable", nullable).set("metadata", metadata);
    }

    /** The {@code type_json} string of a top-level column. */
    public static String typeJson(TableColumn column) {
        return fieldJson(column.name(), column.type(), column.nullable()).toString();
    }

    private static ColumnType primitiveOrNamed(String raw, String original) {
        String name = raw.strip().toLowerCase(Locale.ROOT);
        Matcher m;
        switch (name) {
            case "boolean", "bool": return ColumnType.of(Kind.BOOLEAN);
            case "tinyint", "byte": return ColumnType.of(Kind.BYTE);
            case "smallint", "short": return ColumnType.of(Kind.SHORT);
            case "int", "integer": return ColumnType.of(Kind.INT);
            case "bigint", "long": return ColumnType.of(Kind.LONG);
            case "float", "real": return ColumnType.of(Kind.FLOAT);
            case "double": return ColumnType.of(Kind.DOUBLE);
            case "string": return ColumnType.of(Kind.STRING);
            case "binary": return ColumnType.of(Kind.BINARY);
            case "date": return ColumnType.of(Kind.DATE);
            case "timestamp", "timestamp_ltz": return ColumnType.of(Kind.TIMESTAMP);
            case "timestamp_ntz": return ColumnType.of(Kind.TIMESTAMP_NTZ);
            case "variant": return new ColumnType.Unsupported("variant", "VARIANT",
                    "VARIANT cannot be written to the local Delta table (Delta Kernel 4.4 has no VARIANT writer)");
            case "void", "null": return new ColumnType.Unsupported("void", "NULL", "a VOID column holds no data and has no protobuf mapping");
            default: break;
        }
        if ((m = DECIMAL.matcher(name)).matches()) {
            int precision = m.group(1) == null ? 10 : Integer.parseInt(m.group(1));
            int scale = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            return new ColumnType.Decimal(precision, scale);
        }
        if ((m = VARCHAR.matcher(name)).matches()) return new ColumnType.VarChar(Integer.parseInt(m.group(1)));
        if ((m = CHAR.matcher(name)).matches()) {
            return new ColumnType.Unsupported(name, "CHAR", "CHAR(n) has no protobuf mapping in any official generator; use STRING or VARCHAR(n)");
        }
        if (name.startsWith("interval")) {
            return new ColumnType.Unsupported(name, "INTERVAL", "INTERVAL has no Delta or protobuf mapping");
        }
        if (name.startsWith("geography")) return new ColumnType.Unsupported(name, "GEOGRAPHY", "GEOGRAPHY has no Zerobus mapping");
        if (name.startsWith("geometry")) return new ColumnType.Unsupported(name, "GEOMETRY", "GEOMETRY has no Zerobus mapping");
        throw new IllegalArgumentException("unknown type '" + original + "'");
    }

    /** A small recursive-descent reader for Spark SQL type text. */
    private static final class TextReader {
        private final String text;
        private int pos;

        TextReader(String text) { this.text = text; }

        ColumnType type() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) pos++;
            String word = text.substring(start, pos).toLowerCase(Locale.ROOT);
            if (word.isEmpty()) throw error("expected a type name");
            skipSpaces();
            switch (word) {
                case "array" -> {
                    expect('<');
                    ColumnType element = type();
                    expect('>');
                    return new ColumnType.Array(element, true);
                }
                case "map" -> {
                    expect('<');
                    ColumnType key = type();
                    expect(',');
                    ColumnType value = type();
                    expect('>');
                    return new ColumnType.MapOf(key, value, true);
                }
                case "struct" -> {
                    expect('<');
                    List<ColumnType.Field> fields = new ArrayList<>();
                    skipSpaces();
                    if (peek() != '>') {
                        do {
                            String name = fieldName();
                            skipSpaces();
                            if (peek() == ':') pos++;
                            ColumnType fieldType = type();
                            boolean nullable = !consumeWords("not", "null");
                            skipComment();
                            fields.add(new ColumnType.Field(name, fieldType, nullable));
                            skipSpaces();
                        } while (consume(','));
                    }
                    expect('>');
                    return new ColumnType.Struct(fields);
                }
                default -> {
                    // Words and a parenthesised argument list: decimal(10,2), interval day to second, geography(4326).
                    int end = pos;
                    while (end < text.length() && ",<>:".indexOf(text.charAt(end)) < 0) {
                        if (text.charAt(end) == '(') {
                            end = text.indexOf(')', end);
                            if (end < 0) throw error("missing ')'");
                        }
                        end++;
                    }
                    String rest = text.substring(pos, end);
                    String candidate = (word + " " + rest).strip();
                    // Stop before a struct field's "not null" or "comment" suffix.
                    String lower = candidate.toLowerCase(Locale.ROOT);
                    int cut = indexOfWord(lower, "not");
                    if (cut < 0) cut = indexOfWord(lower, "comment");
                    if (cut >= 0) {
                        end = pos + (cut - word.length() - 1);
                        candidate = candidate.substring(0, cut).strip();
                    }
                    pos = Math.max(pos, end);
                    try {
                        return primitiveOrNamed(candidate.replaceAll("\\s+", " "), candidate);
                    } catch (IllegalArgumentException e) {
                        throw error(e.getMessage());
                    }
                }
            }
        }

        private static int indexOfWord(String s, String word) {
            Matcher m = Pattern.compile("\\b" + word + "\\b").matcher(s);
            return m.find() && m.start() > 0 ? m.start() : -1;
        }

        private String fieldName() {
            skipSpaces();
            if (peek() == '`') {
                int end = text.indexOf('`', pos + 1);
                if (end < 0) throw error("unclosed `");
                String name = text.substring(pos + 1, end);
                pos = end + 1;
                return name;
            }
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ':' && !Character.isWhitespace(text.charAt(pos))) pos++;
            if (start == pos) throw error("expected a field name");
            return text.substring(start, pos);
        }

        private boolean consumeWords(String... words) {
            int save = pos;
            for (String w : words) {
                skipSpaces();
                if (text.regionMatches(true, pos, w, 0, w.length())) {
                    pos += w.length();
                } else {
                    pos = save;
                    return false;
                }
            }
            return true;
        }

        private void skipComment() {
            skipSpaces();
            if (text.regionMatches(true, pos, "comment", 0, 7)) {
                pos += 7;
                skipSpaces();
                char quote = peek();
                int end = text.indexOf(quote, pos + 1);
                pos = end < 0 ? text.length() : end + 1;
            }
        }

        void skipSpaces() { while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++; }
        boolean atEnd() { return pos >= text.length(); }
        char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

        boolean consume(char c) {
            skipSpaces();
            if (peek() == c) { pos++; return true; }
            return false;
        }

        void expect(char c) {
            if (!consume(c)) throw error("expected '" + c + "'");
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Cannot read type '" + text + "' at position " + pos + ": " + what);
        }
    }
}
