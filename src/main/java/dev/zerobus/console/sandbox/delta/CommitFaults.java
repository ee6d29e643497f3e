package dev.zerobus.console.sandbox.delta;

/** Fault injection for {@link DeltaTableStore}: asked once per group commit, from the table's writer thread. */
@FunctionalInterface
public interface CommitFaults {
    /** No faults: every commit is attempted. */
    CommitFaults NONE = () -> false;

    /** True once per injected failure (the call consumes it); the group about to commit then fails. */
    boolean failNextCommit();
}
