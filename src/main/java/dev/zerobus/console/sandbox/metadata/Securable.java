package dev.zerobus.console.sandbox.metadata;

import java.util.Locale;

/** A securable object: its type ({@code catalog}, {@code schema}, {@code table}) and lower-case full name. */
public record Securable(Type type, String fullName) {
    public enum Type {
        CATALOG, SCHEMA, TABLE;

        public String lower() { return name().toLowerCase(Locale.ROOT); }

        public static Type parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw MetadataException.invalid("Securable type '" + text + "' is not supported by the sandbox; use catalog, schema or table.");
            }
        }
    }

    public Securable {
        fullName = fullName.toLowerCase(Locale.ROOT);
    }

    public static Securable catalog(String name) { return new Securable(Type.CATALOG, name); }
    public static Securable schema(String fullName) { return new Securable(Type.SCHEMA, fullName); }
    public static Securable table(String fullName) { return new Securable(Type.TABLE, fullName); }

    /** The securable this one inherits privileges from, or null for a catalog. */
    public Securable parent() {
        int dot = fullName.lastIndexOf('.');
        return switch (type) {
            case CATALOG -> null;
            case SCHEMA -> catalog(fullName.substring(0, dot));
            case TABLE -> schema(fullName.substring(0, dot));
        };
    }

    String key() {
        return type.lower() + ":" + fullName;
    }
}
