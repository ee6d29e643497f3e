package dev.zerobus.console.ui.records;

import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import javafx.scene.Node;

/** Creates the Records pane and registers its shortcuts. */
public final class RecordsPane {
    private RecordsPane() {}

    /** Builds the pane. Called once, on the FX thread. */
    public static Node create(AppContext context) {
        var model = new RecordsModel(context);
        var view = new RecordsView(model, context);
        view.getProperties().put(RecordsModel.class, model);
        context.shortcuts().add("Shortcut+Enter", "Send the composed record (Records pane)", () -> {
            if (isShown(context)) model.composer().send();
        });
        context.shortcuts().add("Shortcut+Shift+S", "Fill the composer with sample data (Records pane)", () -> {
            if (!isShown(context)) return;
            view.showCompose();
            model.composer().fillSample();
        });
        context.shortcuts().add("Shortcut+O", "Import records from a file", () -> {
            context.selectedPane().set(PaneId.RECORDS);
            view.chooseImportFile();
        });
        context.recentFiles().setOpener(file -> {
            context.selectedPane().set(PaneId.RECORDS);
            view.importFile(file);
        });
        return view;
    }

    private static boolean isShown(AppContext context) {
        return context.selectedPane().get() == PaneId.RECORDS;
    }

    /** The view model behind a pane made by {@link #create} (for tests). */
    public static RecordsModel modelOf(Node pane) {
        return (RecordsModel) pane.getProperties().get(RecordsModel.class);
    }
}
