package dev.zerobus.console.setup;

import dev.zerobus.console.workspace.Problem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What "Grant now" did: the statements that ran ({@code granted}), the ones it could not run ({@code notGranted}:
 * hand them to someone who may, see {@link #problem()}), and why. Complete when {@code notGranted} is empty.
 *
 * @param problem null when complete; else which privilege "You" lack, who can grant it (the owner, someone with
 *                MANAGE, a metastore admin) and, as {@link Problem#copyableFix()}, the GRANTs to hand over
 */
public record GrantOutcome(String table, String principal, List<String> granted, List<String> notGranted, @Nullable Problem problem) {
    public GrantOutcome {
        granted = List.copyOf(granted);
        notGranted = List.copyOf(notGranted);
    }

    public boolean isComplete() {
        return notGranted.isEmpty();
    }
}
