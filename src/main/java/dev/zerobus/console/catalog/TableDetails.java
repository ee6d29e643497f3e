package dev.zerobus.console.catalog;

import dev.zerobus.console.schema.TableSchema;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A table as {@code GET /tables/{full_name}} describes it, with its columns parsed. Immutable. */
public record TableDetails(TableSchema schema, @Nullable String tableId, @Nullable String tableType,
                           @Nullable String dataSourceFormat, @Nullable String storageLocation, @Nullable String owner,
                           @Nullable String comment, @Nullable Instant createdAt, @Nullable Instant updatedAt,
                           Map<String, String> properties, ZerobusSupport zerobus) {
    public TableDetails {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(zerobus, "zerobus");
        properties = Map.copyOf(properties);
    }

    public String fullName() {
        return schema.fullName();
    }

    public boolean isZerobusWritable() {
        return zerobus.writable();
    }

    /** Why Zerobus cannot write to this table; null when it can. */
    public @Nullable String notWritableReason() {
        return zerobus.reason();
    }
}
