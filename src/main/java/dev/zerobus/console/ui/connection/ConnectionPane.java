package dev.zerobus.console.ui.connection;

import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import javafx.scene.Node;

/** Builds the Connection pane and registers its shortcuts. */
public final class ConnectionPane {
    private ConnectionPane() {}

    /** Builds the pane. Called once, on the FX thread. */
    public static Node create(AppContext context) {
        var model = new ConnectionModel(context, context.background(), context.fx());
        var view = new ConnectionView(model);
        context.shortcuts().add("Shortcut+T", "Test the connection (Connection pane)", onPane(context, model::testConnection));
        context.shortcuts().add("Shortcut+S", "Save the connection profile (Connection pane)", onPane(context, model::save));
        context.shortcuts().add("Shortcut+Shift+N", "New connection profile", () -> {
            context.selectedPane().set(PaneId.CONNECTION);
            UnsavedProfileDialog.confirmLeavingNew(view, model, model::newProfile, () -> {});
        });
        context.beforeQuit().add(proceed -> {
            if (!model.unsavedProfiles().isEmpty()) context.selectedPane().set(PaneId.CONNECTION); // show what would be lost
            UnsavedProfileDialog.confirmQuit(view, model, proceed);
        });
        model.reload(null);
        return view;
    }

    /** Pane-specific shortcuts act only while the pane is on show. */
    private static Runnable onPane(AppContext context, Runnable action) {
        return () -> {
            if (context.selectedPane().get() == PaneId.CONNECTION) action.run();
        };
    }
}
