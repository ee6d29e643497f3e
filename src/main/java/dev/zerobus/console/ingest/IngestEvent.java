package dev.zerobus.console.ingest;

import dev.zerobus.console.workspace.Problem;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something that happened to a session, for the event log and listeners. Never carries record contents. */
public record IngestEvent(Instant at, Kind kind, String message, @Nullable Problem problem) {
    /** ROTATED: the service ended a stream on schedule and the session moved to a new one (planned, not an error). */
    public enum Kind { OPENED, STATE, ERROR, RETRY, RECOVERED, ROTATED, FLUSHED, CLOSED, INFO }

    @Override
    public String toString() {
        return at + " " + kind + " " + message;
    }
}
