package dev.zerobus.console.ingest;

import dev.zerobus.console.workspace.Problem;

/**
 * Hears what happens to a session's rows. {@code onDurable} runs on the SDK's native ACK thread: keep it short
 * (bump a counter, mark a range). Source indexes are whatever the caller passed with each record.
 */
public interface SessionListener {
    default void onEvent(IngestEvent event) {}

    default void onDurable(long sourceIndex, int count) {}

    default void onFailed(long sourceIndex, int count, Problem why) {}

    SessionListener NONE = new SessionListener() {};
}
