package dev.zerobus.console.workspace;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that went wrong, in the user's words: what happened, what to do, and (optionally) a line to copy
 * that fixes it — a GRANT statement or a config line. The cause is for the log, never shown raw.
 */
public record Problem(String message, String fix, @Nullable String copyableFix, @Nullable Throwable cause) {
    public Problem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    public Problem(String message, String fix) {
        this(message, fix, null, null);
    }

    public Problem withCopyableFix(String line) {
        return new Problem(message, fix, line, cause);
    }
}
