package dev.zerobus.console.ui.records.shared;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.util.function.Function;

/** The "rows before" an ingestion starts, for the Stream pane's Verify. */
public final class RowCounts {
    private RowCounts() {}

    /**
     * Counts the table's rows when that is cheap (the local sandbox); on a workspace a COUNT may have to start a
     * SQL warehouse, so it is skipped (-1). {@code readers} gives the profile's SQL reader. Call off the FX thread.
     */
    public static long before(Function<ConnectionProfile, TableReader> readers, ConnectionProfile profile, TableDetails table) {
        if (profile.source() != ConnectionProfile.Source.SANDBOX) return -1;
        try {
            return readers.apply(profile).count(table.fullName());
        } catch (RuntimeException e) {
            return -1; // the count is a convenience for Verify; the ingestion goes on without it
        }
    }
}
