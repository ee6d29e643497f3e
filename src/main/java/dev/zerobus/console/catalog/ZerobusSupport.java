package dev.zerobus.console.catalog;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Whether a table can take Zerobus streams and, when not, why. Zerobus writes only to managed Delta tables. */
public record ZerobusSupport(boolean writable, @Nullable String reason) {
    public static ZerobusSupport of(@Nullable String tableType, @Nullable String dataSourceFormat) {
        String type = tableType == null ? "unknown" : tableType.toUpperCase(Locale.ROOT);
        String format = dataSourceFormat == null ? "unknown" : dataSourceFormat.toUpperCase(Locale.ROOT);
        if (!type.equals("MANAGED")) {
            return new ZerobusSupport(false, "Zerobus writes only to managed tables; this one is " + type + ".");
        }
        if (!format.equals("DELTA")) {
            return new ZerobusSupport(false, "Zerobus writes only to Delta tables; this one is " + format + ".");
        }
        return new ZerobusSupport(true, null);
    }
}
