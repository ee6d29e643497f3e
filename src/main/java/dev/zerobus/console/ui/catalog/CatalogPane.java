package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import javafx.scene.Node;

/** The Catalog pane: browse Unity Catalog, see a table's .proto and grants, check a schema, get producer code. */
public final class CatalogPane {
    private CatalogPane() {}

    /** Builds the pane and registers its shortcuts; loads the catalogs now and whenever the profile changes. FX thread. */
    public static Node create(AppContext context) {
        var model = new CatalogModel(context);
        var view = new CatalogView(model);
        context.shortcuts().add("F5", "Catalog: reload catalogs", model::refresh);
        context.shortcuts().add("Shortcut+F", "Catalog: filter tables", () -> {
            context.selectedPane().set(PaneId.CATALOG);
            view.focusFilter();
        });
        context.shortcuts().add("Shortcut+Shift+C", "Catalog: copy the selected table's .proto", view::copyProto);
        context.activeProfile().subscribe(profile -> {
            if (profile != null) model.refresh();
        });
        return view;
    }
}
