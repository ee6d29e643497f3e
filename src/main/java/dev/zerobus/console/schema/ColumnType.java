package dev.zerobus.console.schema;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Unity Catalog / Delta column type, parsed from {@code type_json} or {@code type_text}
 * (the types Zerobus takes: https://docs.databricks.com/aws/en/ingestion/zerobus-concepts, "Supported data types"). Immutable and thread-safe.
 *
 * <p>Java values that go with each type (the "row value" convention shared by the codecs and the sandbox):
 * BOOLEAN Boolean, BYTE Byte, SHORT Short, INT Integer, LONG Long, FLOAT Float, DOUBLE Double, STRING String,
 * BINARY byte[], DATE Integer (days since 1970-01-01), TIMESTAMP and TIMESTAMP_NTZ Long (microseconds since the
 * epoch), DECIMAL BigDecimal, ARRAY java.util.List, MAP java.util.Map (insertion ordered), STRUCT Object[] in
 * field order. A null Java value is SQL NULL.
 */
public sealed interface ColumnType {

    /** Spark SQL text as UC prints it in {@code type_text}: {@code int}, {@code array<string>}, ... */
    String typeText();

    /** UC {@code type_name} (databricks-sdk-java {@code ColumnTypeName}). */
    String typeName();

    enum Kind {
        BOOLEAN("boolean", "boolean", "BOOLEAN"),
        BYTE("tinyint", "byte", "BYTE"),
        SHORT("smallint", "short", "SHORT"),
        INT("int", "integer", "INT"),
        LONG("bigint", "long", "LONG"),
        FLOAT("float", "float", "FLOAT"),
        DOUBLE("double", "double", "DOUBLE"),
        STRING("string", "string", "STRING"),
        BINARY("binary", "binary", "BINARY"),
        DATE("date", "date", "DATE"),
        TIMESTAMP("timestamp", "timestamp", "TIMESTAMP"),
        TIMESTAMP_NTZ("timestamp_ntz", "timestamp_ntz", "TIMESTAMP_NTZ");

        private final String text;
        private final String json;
        private final String ucName;

        Kind(String text, String json, String ucName) {
            this.text = text;
            this.json = json;
            this.ucName = ucName;
        }

        public String text() { return text; }
        public String json() { return json; }
        public String ucName() { return ucName; }
    }

    record Primitive(Kind kind) implements ColumnType {
        public Primitive { Objects.requireNonNull(kind); }
        @Override public String typeText() { return kind.text(); }
        @Override public String typeName() { return kind.ucName(); }
    }

    /** {@code varchar(n)}: a STRING with a length limit (UC reports type_name STRING). */
    record VarChar(int maxLength) implements ColumnType {
        @Override public String typeText() { return "varchar(" + maxLength + ")"; }
        @Override public String typeName() { return "STRING"; }
    }

    record Decimal(int precision, int scale) implements ColumnType {
        public Decimal {
            if (precision < 1 || precision > 38) throw new IllegalArgumentException("DECIMAL precision must be 1..38, got " + precision);
            if (scale < 0 || scale > precision) throw new IllegalArgumentException("DECIMAL scale must be 0.." + precision + ", got " + scale);
        }
        @Override public String typeText() { return "decimal(" + precision + "," + scale + ")"; }
        @Override public String typeName() { return "DECIMAL"; }
    }

    record Array(ColumnType element, boolean containsNull) implements ColumnType {
        public Array { Objects.requireNonNull(element); }
        @Override public String typeText() { return "array<" + element.typeText() + ">"; }
        @Override public String typeName() { return "ARRAY"; }
    }

    record MapOf(ColumnType key, ColumnType value, boolean valueContainsNull) implements ColumnType {
        public MapOf { Objects.requireNonNull(key); Objects.requireNonNull(value); }
        @Override public String typeText() { return "map<" + key.typeText() + "," + value.typeText() + ">"; }
        @Override public String typeName() { return "MAP"; }
    }

    record Struct(List<Field> fields) implements ColumnType {
        public Struct { fields = List.copyOf(fields); }
        @Override public String typeText() {
            return fields.stream().map(f -> f.name() + ":" + f.type().typeText() + (f.nullable() ? "" : " not null"))
                    .collect(Collectors.joining(",", "struct<", ">"));
        }
        @Override public String typeName() { return "STRUCT"; }

        public Field field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** A nested field of a STRUCT. */
    record Field(String name, ColumnType type, boolean nullable) {
        public Field { Objects.requireNonNull(name); Objects.requireNonNull(type); }
    }

    /**
     * A type the console knows by name but cannot ingest (VARIANT, INTERVAL, VOID, CHAR, GEOGRAPHY, ...):
     * kept so that the table still loads and the column can be called out with its reason.
     */
    record Unsupported(String typeText, String typeName, String reason) implements ColumnType {
        public Unsupported { Objects.requireNonNull(typeText); Objects.requireNonNull(typeName); Objects.requireNonNull(reason); }
    }

    static Primitive of(Kind kind) { return new Primitive(kind); }
}
