package dev.zerobus.console.doctor;

import dev.zerobus.console.workspace.ConnectionProfile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every step of a connection check. {@link #toText()} is safe to paste into a ticket: no secret in it. */
public record CheckReport(ConnectionProfile profile, String table, List<StepResult> steps) {
    public CheckReport {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return steps.stream().allMatch(s -> s.status() == StepResult.Status.PASSED);
    }

    public StepResult step(CheckStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    /** The first failed step, if any. */
    public Optional<StepResult> firstFailure() {
        return steps.stream().filter(s -> s.status() == StepResult.Status.FAILED).findFirst();
    }

    /** Whose sign-in the first failed step checks ("You" or the ingest principal), if a step failed. */
    public java.util.Optional<CheckStep.Identity> failedIdentity() {
        return firstFailure().map(s -> s.step().identity());
    }

    public String toText() {
        var out = new StringBuilder();
        out.append("Zerobus connection check for table ").append(table).append('\n');
        out.append("  workspace: ").append(profile.workspaceUrl()).append('\n');
        out.append("  endpoint:  ").append(profile.zerobusEndpoint()).append('\n');
        out.append("  you:       ").append(profile.you().describe()).append('\n');
        out.append("  ingest as: ").append(profile.clientId()).append(" (secret not shown)\n");
        for (StepResult s : steps) {
            out.append(String.format(Locale.ROOT, "[%-9s] %s (%d ms)%n", s.status(), s.step().label(), s.elapsed().toMillis()));
            if (!s.detail().isEmpty()) out.append("    ").append(s.detail()).append('\n');
            if (s.problem() != null) {
                out.append("    Cause: ").append(s.problem().message()).append('\n');
                out.append("    Fix:   ").append(s.problem().fix()).append('\n');
                if (s.problem().copyableFix() != null) out.append("    Run:   ").append(s.problem().copyableFix()).append('\n');
            }
        }
        String text = out.toString();
        return profile.redact(text);
    }
}
