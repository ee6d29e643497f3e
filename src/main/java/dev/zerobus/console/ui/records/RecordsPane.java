package dev.zerobus.console.ui.records;

import dev.zerobus.console.ingest.RecordSender;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.records.compose.ComposerModel;
import dev.zerobus.console.ui.records.fileimport.DriftCheck;
import dev.zerobus.console.ui.records.fileimport.ImportModel;
import dev.zerobus.console.ui.records.load.GenerateModel;
import dev.zerobus.console.ui.records.load.LoadRunModel;
import javafx.scene.Node;

/**
 * Creates the Records pane and registers its shortcuts. The one place where the pane's models get their services,
 * executors and hand-offs from the {@link AppContext}; the models themselves never see it.
 */
public final class RecordsPane {
    private RecordsPane() {}

    /** Builds the pane. Called once, on the FX thread. */
    public static Node create(AppContext context) {
        var model = model(context);
        var view = new RecordsView(model, () -> context.selectedPane().set(PaneId.CATALOG));
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

    /** The pane's models, wired to the context's services, executors and shared state. FX thread. */
    public static RecordsModel model(AppContext context) {
        var background = context.background();
        var fx = context.fx();
        var profile = context.activeProfile();
        var composer = new ComposerModel(profile, context.settings(),
                (options, onOpened) -> new RecordSender(options, background, onOpened),
                context::reader, context.ingestions()::add, fx);
        var importer = new ImportModel(profile, loadRun(context), new DriftCheck(profile, context.activeTable()::set, background, fx),
                context.recentFiles()::add, background, fx);
        var generator = new GenerateModel(profile, context.settings(), loadRun(context));
        return new RecordsModel(composer, importer, generator, context.activeTable(), profile, context.resumeRequest());
    }

    private static LoadRunModel loadRun(AppContext context) {
        return new LoadRunModel(context.unfinishedLoads(), context::reader, context.ingestions()::add, context.resumeRequest()::set,
                context.background(), context.fx());
    }

    /** The view model behind a pane made by {@link #create} (for tests). */
    public static RecordsModel modelOf(Node pane) {
        return (RecordsModel) pane.getProperties().get(RecordsModel.class);
    }
}
