package dev.zerobus.console.ingest;

/** Where an ingestion session is in its life. */
public enum SessionState {
    OPENING, OPEN, RECOVERING, FLUSHING, CLOSED, FAILED;

    public boolean isTerminal() {
        return this == CLOSED || this == FAILED;
    }
}
