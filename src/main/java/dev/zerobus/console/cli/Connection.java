package dev.zerobus.console.cli;

import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.workspace.ConnectionProfile;
import org.jspecify.annotations.Nullable;

/**
 * The profile a command works with, and the in-process sandbox behind it when there is one (closed with this).
 */
record Connection(ConnectionProfile profile, @Nullable SandboxWorkspace sandbox) implements AutoCloseable {
    /** Masks the client secret wherever it appears in {@code text} (for text that came from a server or the SDK). */
    String redact(String text) {
        return profile.clientSecret() == null ? text : profile.clientSecret().redact(text);
    }

    @Override
    public void close() {
        if (sandbox != null) sandbox.close();
    }
}
