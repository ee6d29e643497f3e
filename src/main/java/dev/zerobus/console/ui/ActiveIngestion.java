package dev.zerobus.console.ui;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.LoadJob;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ingestion the Stream pane shows: a file import or generated load ({@link LoadJob}) or a composer session
 * (one {@link IngestionSession}). Created by the Records pane, listed in {@link AppContext#ingestions()}.
 * {@code rowsBefore} is the table's row count when it began (for "Verify"), or -1 if unknown.
 */
public record ActiveIngestion(String name, TableDetails table, Instant started, @Nullable LoadJob job,
                              @Nullable IngestionSession session, long rowsBefore) {
    /** The sessions to sample: the load's streams, or the composer's one. */
    public List<IngestionSession> sessions() {
        if (job != null) return job.sessions();
        return session == null ? List.of() : List.of(session);
    }
}
