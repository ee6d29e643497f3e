package dev.zerobus.console.workspace;

import dev.zerobus.console.workspace.ErrorExplainer.Category;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that went wrong, in the user's words — the one type for a user-facing error. {@code message} says what
 * happened, {@code fix} what to do, {@code copyableFix} (optional) is a line to copy that fixes it (a GRANT statement or
 * a config line). {@code category} and {@code retryable} are the {@link ErrorExplainer}'s verdict ({@code UNKNOWN} and
 * false for a problem the code states itself). {@code detail} is the original text, kept in full for the log and the
 * details view; {@code error} is the exception, for the log, never shown raw.
 */
public record Problem(String message, String fix, @Nullable String copyableFix, Category category, boolean retryable,
        String detail, @Nullable Throwable error) {
    public Problem {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(detail, "detail");
    }

    public Problem(String message, String fix) {
        this(message, fix, null, null);
    }

    /** A problem the code states itself: category UNKNOWN, not retryable, the message as its detail. */
    public Problem(String message, String fix, @Nullable String copyableFix, @Nullable Throwable error) {
        this(message, fix, copyableFix, Category.UNKNOWN, false, message, error);
    }

    /** A classified error, as the {@link ErrorExplainer} or the ingestion session words it. */
    public static Problem classified(Category category, String message, String fix, boolean retryable, String detail,
            @Nullable Throwable error) {
        return new Problem(message, fix, null, category, retryable, detail, error);
    }

    public Problem withCopyableFix(String line) {
        return new Problem(message, fix, line, category, retryable, detail, error);
    }

    /** The same problem with other words (a prefix, redaction); category, retryable, detail and error stay. */
    public Problem withText(String message, String fix, @Nullable String copyableFix) {
        return new Problem(message, fix, copyableFix, category, retryable, detail, error);
    }
}
