package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.LoadProgress;
import dev.zerobus.console.ingest.SessionState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The state badge of an ingestion: its text and the console.css badge class that colours it. */
public enum StreamBadge {
    NONE("No stream", "neutral"), OPENING("Opening", "accent"), OPEN("Streaming", "success"),
    RECOVERING("Recovering", "warning"), FLUSHING("Flushing", "accent"), PAUSED("Paused", "neutral"),
    CLOSED("Closed", "neutral"), DONE("Load finished", "success"), STOPPED("Load stopped", "neutral"),
    FAILED("Failed", "danger");

    private final String text;
    private final String styleClass;

    StreamBadge(String text, String styleClass) {
        this.text = text;
        this.styleClass = styleClass;
    }

    public String text() { return text; }
    /** Every stream closed or failed: nothing moves any more. */
    public boolean isEnded() { return this == CLOSED || this == DONE || this == STOPPED || this == FAILED; }
    public String styleClass() { return styleClass; }

    /** A load that ended: stopped early (cancelled or quit) is not a success. */
    private static StreamBadge ended(LoadProgress load) {
        return load.stopped() ? STOPPED : DONE;
    }

    /** The worst state wins: failed, then recovering, then paused, flushing, open; all closed is closed (or done). */
    static StreamBadge of(List<SessionState> states, @Nullable LoadProgress load) {
        if (states.contains(SessionState.FAILED)) return FAILED;
        if (states.contains(SessionState.RECOVERING)) return RECOVERING;
        if (load != null && load.paused() && !load.done()) return PAUSED;
        if (states.contains(SessionState.FLUSHING)) return FLUSHING;
        if (states.contains(SessionState.OPEN)) return OPEN;
        if (states.isEmpty() || states.contains(SessionState.OPENING)) return load != null && load.done() ? ended(load) : OPENING;
        return load != null ? ended(load) : CLOSED;
    }
}
