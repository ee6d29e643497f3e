package dev.zerobus.console.cli;

import dev.zerobus.console.workspace.Problem;
import java.util.Objects;

/** A failure a command reports as its problem's message and fix on stderr, with the exit code it ends with. */
final class CliProblem extends RuntimeException {
    private final transient Problem problem;
    private final int exitCode;

    CliProblem(Problem problem, int exitCode) {
        super(Objects.requireNonNull(problem, "problem").message(), problem.error());
        this.problem = problem;
        this.exitCode = exitCode;
    }

    /** A problem with what the user asked for or configured (exit code 2). */
    static CliProblem usage(String message, String fix) {
        return new CliProblem(new Problem(message, fix), ExitCodes.USAGE);
    }

    Problem problem() {
        return problem;
    }

    int exitCode() {
        return exitCode;
    }
}
