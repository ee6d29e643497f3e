package dev.zerobus.console.source;

import dev.zerobus.console.workspace.Problem;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** A file that cannot be read in the format asked for: what is wrong with it and what to do, before any row is sent. */
public final class SourceFormatException extends IOException {
    private final transient Problem problem;

    public SourceFormatException(String message, String fix) {
        this(message, fix, null);
    }

    public SourceFormatException(String message, String fix, @Nullable Throwable cause) {
        super(message, cause);
        this.problem = new Problem(message, fix, null, cause);
    }

    public Problem problem() {
        return problem;
    }
}
