package dev.zerobus.console.catalog;

import dev.zerobus.console.workspace.Problem;
import java.util.Objects;

/**
 * A catalog or SQL call that failed for a reason the user can act on. {@link #problem()} carries the wording and the
 * fix; the exception message is the problem's message, never a raw server or SDK text alone.
 */
public class CatalogException extends RuntimeException {
    private final transient Problem problem;

    public CatalogException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").message(), problem.error());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
