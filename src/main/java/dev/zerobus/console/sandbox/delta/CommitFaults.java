package dev.zerobus.console.sandbox.delta;

/** What the table store asks before each commit; the sandbox's {@code FaultPlan} answers. */
public interface CommitFaults {
    /** True once per injected commit failure (consumes it). */
    boolean failNextCommit();
}
