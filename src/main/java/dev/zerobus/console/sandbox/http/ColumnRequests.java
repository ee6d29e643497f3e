package dev.zerobus.console.sandbox.http;

import dev.zerobus.console.schema.ColumnType;

/** Which column types the sandbox's Delta tables can hold (CREATE TABLE and ALTER TABLE ADD COLUMNS check with it). */
final class ColumnRequests {
    private ColumnRequests() {}

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
