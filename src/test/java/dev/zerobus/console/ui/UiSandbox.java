package dev.zerobus.console.ui;

import dev.zerobus.console.sandbox.SandboxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * A sandbox for a TestFX test class, and what its {@code @Start} method needs: a fresh {@link AppContext} on it (profiles
 * and settings in a new temporary place each time, never the user's). Register it on a static field:
 * {@code @RegisterExtension static final UiSandbox ui = new UiSandbox();}
 */
public final class UiSandbox extends SandboxExtension {
    /** A context on the sandbox, its profile active, with its own configuration directory. */
    public AppContext newAppContext() {
        return newAppContext(Platform::runLater);
    }

    /** The same with another FX executor (a {@link FxQueue} for toolkit-free model tests). */
    public AppContext newAppContext(Executor fx) {
        try {
            return UiTestSupport.context(workspace(), newDirectory("config"), fx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
