package dev.zerobus.console.setup;

import dev.zerobus.console.workspace.Problem;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of a set-up run, as the guided flow shows it: what it does, its outcome, and the equivalent SQL or
 * Databricks CLI command (so the person can see, copy or repeat it). No secret ever appears in a step.
 *
 * @param equivalentCommand the SQL statement(s) or {@code databricks ...} command line doing the same, one per line
 * @param detail            what happened, e.g. "Created main.default.orders (4 columns)" or "Already exists"
 * @param problem           why it failed (status FAILED only)
 */
public record SetupStep(Kind kind, Status status, String title, String equivalentCommand, String detail,
                        @Nullable Problem problem) {
    /** The steps in the order a run takes them. */
    public enum Kind {
        WAREHOUSE("Pick and start a SQL warehouse"),
        TABLE("Create the table"),
        PRINCIPAL("Pick or create the service principal"),
        SECRET("Create an OAuth secret"),
        GRANTS("Grant the principal USE CATALOG, USE SCHEMA, SELECT, MODIFY"),
        DOCTOR("Check the connection as the principal");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status { RUNNING, DONE, SKIPPED, FAILED }

    public SetupStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(equivalentCommand, "equivalentCommand");
        Objects.requireNonNull(detail, "detail");
    }

    static SetupStep running(Kind kind, String command) {
        return new SetupStep(kind, Status.RUNNING, kind.label(), command, "", null);
    }

    static SetupStep done(Kind kind, String command, String detail) {
        return new SetupStep(kind, Status.DONE, kind.label(), command, detail, null);
    }

    static SetupStep skipped(Kind kind, String command, String detail) {
        return new SetupStep(kind, Status.SKIPPED, kind.label(), command, detail, null);
    }

    static SetupStep failed(Kind kind, String command, Problem problem) {
        return new SetupStep(kind, Status.FAILED, kind.label(), command, problem.message(), problem);
    }
}
