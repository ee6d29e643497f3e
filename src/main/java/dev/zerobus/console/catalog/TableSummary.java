package dev.zerobus.console.catalog;

import org.jspecify.annotations.Nullable;

/** One table as listed (without columns); {@code tableType} and {@code dataSourceFormat} are UC's enum names. */
public record TableSummary(String name, String fullName, @Nullable String comment, @Nullable String owner,
                           @Nullable String tableType, @Nullable String dataSourceFormat, ZerobusSupport zerobus) {
    public boolean isZerobusWritable() {
        return zerobus.writable();
    }
}
