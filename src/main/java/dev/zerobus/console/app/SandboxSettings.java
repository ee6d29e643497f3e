package dev.zerobus.console.app;

import dev.zerobus.console.sandbox.FaultPlan;
import dev.zerobus.console.ui.AppContext;
import javafx.beans.value.ChangeListener;

/**
 * Applies the console's sandbox settings to the embedded sandbox: "like the service" switches the sandbox's
 * service-like mode (ACK latency drawn like the service's, per-stream quota by flow control, the quotas page's
 * 100,000 rows/s and 100 MB/s) on or off, at start and whenever the setting changes.
 */
final class SandboxSettings {
    private SandboxSettings() {}

    /** Applies the current setting now and on every change; returns the listener (to remove it when the sandbox stops). */
    static ChangeListener<Boolean> apply(AppContext context, FaultPlan faults) {
        faults.serviceLike(context.sandboxServiceLike().get());
        ChangeListener<Boolean> listener = (obs, old, now) -> faults.serviceLike(now);
        context.sandboxServiceLike().addListener(listener);
        return listener;
    }

    /** The status bar's words for the mode. */
    static String describe(boolean serviceLike) {
        return serviceLike ? "like the service: ACK ~150 ms, per-stream quota" : "instant ACKs";
    }
}
