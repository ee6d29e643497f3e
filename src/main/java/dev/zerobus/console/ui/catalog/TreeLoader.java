package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.workspace.Problem;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Fills the catalog tree lazily: catalogs on refresh, a node's children the first time it is expanded. Each load is
 * one cancellable activity; a cancelled or failed load leaves the node unloaded so expanding it again retries.
 */
final class TreeLoader {
    private final Activities activities;
    /** Called on the FX thread when a load starts (it reads the active profile); the supplier it returns runs in the background. */
    private final Supplier<Supplier<CatalogBrowser>> browser;
    private final Consumer<Problem> onProblem;
    private final ObservableList<CatalogNode> roots = FXCollections.observableArrayList();

    TreeLoader(Activities activities, Supplier<Supplier<CatalogBrowser>> browser, Consumer<Problem> onProblem) {
        this.activities = activities;
        this.browser = browser;
        this.onProblem = onProblem;
    }

    ObservableList<CatalogNode> roots() { return roots; }

    /** Replaces the catalogs when the new list arrives; a cancelled or failed reload keeps the tree on show. */
    void loadCatalogs(Runnable then) {
        Supplier<CatalogBrowser> b = browser.get();
        activities.run("Loading catalogs…",
                c -> b.get().listCatalogs(c, item -> {}).stream()
                        .map(s -> new CatalogNode(CatalogNode.Kind.CATALOG, s.name(), s.fullName(), s.comment(), null)).toList(),
                new Activities.Outcome<>(nodes -> {
                    roots.setAll(nodes);
                    then.run();
                }, onProblem, () -> {}));
    }

    void loadChildren(CatalogNode node, Runnable then) {
        if (node.isTable()) return;
        if (node.isLoaded()) {
            then.run();
            return;
        }
        if (node.loading().get()) return;
        node.loading().set(true);
        node.problem().set(null);
        String what = node.kind() == CatalogNode.Kind.CATALOG ? "schemas" : "tables";
        Supplier<CatalogBrowser> b = browser.get();
        activities.run("Loading " + what + " of " + node.fullName() + "…", c -> children(b.get(), node, c),
                new Activities.Outcome<>(children -> {
                    node.children().setAll(children);
                    node.markLoaded(true);
                    if (children.isEmpty()) node.problem().set("No " + what + " you can see");
                    then.run();
                }, problem -> {
                    node.problem().set("Could not load " + what);
                    onProblem.accept(problem);
                }, () -> node.loading().set(false)));
    }

    /** Forgets a schema's tables and loads them again (after creating a table in it). */
    void reloadSchema(String schemaFullName, Runnable then) {
        roots.stream().flatMap(c -> c.children().stream()).filter(s -> s.fullName().equals(schemaFullName)).findFirst()
                .ifPresentOrElse(schema -> {
                    schema.markLoaded(false);
                    loadChildren(schema, then);
                }, then);
    }

    /** Loads catalog, then schema, then tables of {@code name}, and hands the table's node over. */
    void reveal(String fullName, Consumer<CatalogNode> select) {
        String[] name = fullName.split("\\.");
        if (name.length != 3) return;
        find(roots, name[0]).ifPresent(catalog -> loadChildren(catalog, () ->
                find(catalog.children(), name[1]).ifPresent(schema -> loadChildren(schema, () ->
                        find(schema.children(), name[2]).ifPresent(select)))));
    }

    private static Optional<CatalogNode> find(List<CatalogNode> nodes, String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    private static List<CatalogNode> children(CatalogBrowser b, CatalogNode node, Cancellation cancellation) {
        if (node.kind() == CatalogNode.Kind.CATALOG) {
            return b.listSchemas(node.fullName(), cancellation, item -> {}).stream()
                    .map(s -> new CatalogNode(CatalogNode.Kind.SCHEMA, s.name(), s.fullName(), s.comment(), null)).toList();
        }
        String[] parts = node.fullName().split("\\.", 2);
        return b.listTables(parts[0], parts[1], cancellation, item -> {}).stream()
                .map(t -> new CatalogNode(CatalogNode.Kind.TABLE, t.name(), t.fullName(), t.comment(),
                        t.zerobus().writable() ? null : t.zerobus().reason()))
                .toList();
    }
}
