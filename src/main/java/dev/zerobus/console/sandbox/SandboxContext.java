package dev.zerobus.console.sandbox;

import dev.zerobus.console.sandbox.auth.TokenService;
import dev.zerobus.console.sandbox.delta.DeltaTableStore;
import dev.zerobus.console.sandbox.metadata.WorkspaceState;
import java.time.Clock;

/** What the sandbox's servers share: metadata, tokens, tables, faults. Every part is thread-safe. */
public record SandboxContext(WorkspaceState state, TokenService tokens, DeltaTableStore tables, FaultPlan faults,
                             Durability durability, Clock clock) {
}
