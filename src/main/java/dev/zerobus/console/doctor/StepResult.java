package dev.zerobus.console.doctor;

import dev.zerobus.console.workspace.Problem;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One step's outcome: status, time taken, and on failure the problem with its fix. */
public record StepResult(CheckStep step, Status status, Duration elapsed, String detail, @Nullable Problem problem) {
    public enum Status { PENDING, RUNNING, PASSED, FAILED, SKIPPED, CANCELLED }

    public static StepResult pending(CheckStep step) {
        return new StepResult(step, Status.PENDING, Duration.ZERO, "", null);
    }

    public static StepResult running(CheckStep step) {
        return new StepResult(step, Status.RUNNING, Duration.ZERO, "", null);
    }
}
