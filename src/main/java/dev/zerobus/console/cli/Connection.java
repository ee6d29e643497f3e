package dev.zerobus.console.cli;

import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.workspace.ConnectionProfile;
import org.jspecify.annotations.Nullable;

/**
 * The profile a command works with, and the in-process sandbox behind it when there is one (closed with this).
 */
record Connection(ConnectionProfile profile, @Nullable SandboxWorkspace sandbox) implements AutoCloseable {
    /** Masks the client secret and "You"'s token wherever they appear in {@code text} (text from a server or the SDK). */
    String redact(String text) {
        return profile.redact(text);
    }

    @Override
    public void close() {
        if (sandbox != null) sandbox.close();
    }
}
