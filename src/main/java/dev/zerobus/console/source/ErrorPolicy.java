package dev.zerobus.console.source;

/**
 * What a load does when a record fails (unreadable row, mapping or encoding error): stop at once, skip and go
 * on, or stop once a number of failures is reached. Immutable and thread-safe.
 */
public sealed interface ErrorPolicy {
    record StopAtFirst() implements ErrorPolicy {}

    record Skip() implements ErrorPolicy {}

    record StopAfter(long maxFailures) implements ErrorPolicy {
        public StopAfter {
            if (maxFailures < 1) throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
        }
    }

    static ErrorPolicy stopAtFirst() { return new StopAtFirst(); }
    static ErrorPolicy skip() { return new Skip(); }
    static ErrorPolicy stopAfter(long maxFailures) { return new StopAfter(maxFailures); }

    /** Whether the load stops now that {@code failures} records have failed in total. */
    default boolean shouldStop(long failures) {
        return switch (this) {
            case StopAtFirst ignored -> failures >= 1;
            case Skip ignored -> false;
            case StopAfter stopAfter -> failures >= stopAfter.maxFailures();
        };
    }
}
