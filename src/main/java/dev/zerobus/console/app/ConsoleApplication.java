package dev.zerobus.console.app;

import atlantafx.base.theme.PrimerLight;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: starts the sandbox in-process (no workspace is configured yet) and shows its status. */
public final class ConsoleApplication extends Application {
    private SandboxWorkspace sandbox;

    static void launchAndWait() {
        Application.launch(ConsoleApplication.class);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        var status = new SandboxStatusView();
        stage.setTitle("Zerobus Ingest Console");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = ConsoleApplication.class.getResource("/dev/zerobus/console/icons/app-" + size + ".png");
            if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
        }
        stage.setScene(new Scene(status, 720, 420));
        stage.show();
        Thread.ofPlatform().name("sandbox-start").daemon().start(() -> {
            try {
                SandboxWorkspace started = SandboxWorkspace.start(SandboxOptions.defaults(SandboxOptions.defaultDataDir()));
                Platform.runLater(() -> {
                    sandbox = started;
                    status.showRunning(started.endpoints());
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> status.showFailed(e));
            }
        });
    }

    @Override
    public void stop() {
        if (sandbox != null) sandbox.close();
    }
}
