package dev.zerobus.console.ingest;

import dev.zerobus.console.workspace.Problem;

/** A session stopped for good: the problem says why in the user's words and what to do. */
public final class IngestException extends Exception {
    private final Problem problem;

    public IngestException(Problem problem, Throwable cause) {
        super(problem.message() + " " + problem.fix() + " (" + problem.detail() + ")", cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
