package dev.zerobus.console.setup;

import dev.zerobus.console.workspace.Problem;
import java.util.List;
import java.util.Objects;

/**
 * A set-up step that failed for a reason the person can act on: {@link #problem()} says what happened and the fix
 * (with the SQL / GRANT to copy when there is one). {@link #created()} lists what the failed run had created before
 * the failure and {@link #removed()} what it removed again (rollback), so nothing is left behind unannounced.
 */
public final class SetupException extends RuntimeException {
    private final transient Problem problem;
    private final List<CreatedResource> created;
    private final List<CreatedResource> removed;
    private final List<SetupStep> steps;

    public SetupException(Problem problem) {
        this(problem, List.of(), List.of(), List.of());
    }

    public SetupException(Problem problem, List<SetupStep> steps, List<CreatedResource> created, List<CreatedResource> removed) {
        super(Objects.requireNonNull(problem, "problem").message(), problem.error());
        this.problem = problem;
        this.steps = List.copyOf(steps);
        this.created = List.copyOf(created);
        this.removed = List.copyOf(removed);
    }

    public Problem problem() {
        return problem;
    }

    /** The steps run so far, the failed one last. */
    public List<SetupStep> steps() {
        return steps;
    }

    /** What the run created before it failed (in creation order). */
    public List<CreatedResource> created() {
        return created;
    }

    /** What the rollback removed again; what is in {@link #created()} but not here is still there (see its undo command). */
    public List<CreatedResource> removed() {
        return removed;
    }

    /** Created and not removed: what the person must clean up or keep. */
    public List<CreatedResource> leftBehind() {
        return created.stream().filter(c -> !removed.contains(c)).toList();
    }
}
