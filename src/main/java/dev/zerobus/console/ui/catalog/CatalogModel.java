package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.HeldPrivilege;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.RememberedTable;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Catalog pane's state and commands: the lazily loaded tree, the selected table with its .proto and grants, and
 * the Check and Code tabs' models. Every catalog call runs through {@link Activities} (background, cancellable).
 * Touched on the FX thread only.
 */
public final class CatalogModel {
    static final String LAST_TABLE = RememberedTable.KEY;

    private final AppContext context;
    private final Activities activities;
    private final TreeLoader tree;
    private final SchemaCheckModel check;
    private final SnippetModel snippet;
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<@Nullable CatalogNode> selectedNode = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<@Nullable SelectedTable> table = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable Problem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long detailsRequest;

    public CatalogModel(AppContext context) {
        this.context = context;
        this.activities = new Activities(context.background(), context.fx());
        this.tree = new TreeLoader(activities, this::browserForActiveProfile, problem::set);
        this.check = new SchemaCheckModel(context.background(), context.fx());
        this.snippet = new SnippetModel(context);
        selectedNode.subscribe(this::select);
        table.subscribe(selected -> {
            check.tableProperty().set(selected == null ? null : selected.details().schema());
            snippet.tableProperty().set(selected == null ? null : selected.details().schema());
        });
    }

    // Properties
    ObservableList<CatalogNode> roots() { return tree.roots(); }
    StringProperty filterProperty() { return filter; }
    ObjectProperty<@Nullable CatalogNode> selectedNodeProperty() { return selectedNode; }
    ReadOnlyObjectProperty<@Nullable SelectedTable> tableProperty() { return table.getReadOnlyProperty(); }
    /** The last failure, in the user's words; cleared by the next successful load. */
    ReadOnlyObjectProperty<@Nullable Problem> problemProperty() { return problem.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty busyProperty() { return activities.busyProperty(); }
    ReadOnlyStringProperty busyLabelProperty() { return activities.labelProperty(); }
    /** Short feedback after an action ("Cancelled.", "Saved to …"). */
    ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    SchemaCheckModel check() { return check; }
    SnippetModel snippet() { return snippet; }

    // Commands
    /** Reloads the catalogs from scratch, then reveals the table that was selected (or the remembered one). */
    public void refresh() {
        activities.cancelAll();
        problem.set(null);
        String reselect = table.get() != null ? table.get().fullName() : context.settings().get(LAST_TABLE, "");
        tree.loadCatalogs(() -> {
            if (!reselect.isBlank()) reveal(reselect);
        });
    }

    /** Expands a node: loads its children the first time. */
    void expand(CatalogNode node) {
        tree.loadChildren(node, () -> {});
    }

    /** Loads the tree down to {@code fullName} and selects it. */
    void reveal(String fullName) {
        tree.reveal(fullName, selectedNode::set);
    }

    public void cancel() {
        activities.cancelAll();
        status.set("Cancelled.");
    }

    /**
     * Creates a managed Delta table for trials, then shows it in the tree and selects it. A failure goes to
     * {@code onFailed} (the dialog keeps what was typed) rather than to the pane's banner.
     */
    void createTable(String catalog, String schema, String name, List<TableColumn> columns, Runnable onCreated,
                     Consumer<Problem> onFailed) {
        var browser = browserForActiveProfile();
        activities.run("Creating table " + catalog + "." + schema + "." + name + "…",
                c -> browser.get().createTable(catalog, schema, name, columns),
                new Activities.Outcome<>(created -> {
                    status.set("Created " + created.fullName() + ".");
                    onCreated.run();
                    tree.reloadSchema(catalog + "." + schema, () -> reveal(created.fullName()));
                }, onFailed, () -> {}));
    }

    /** Names of the schemas loaded so far (catalog.schema), for the new-table dialog. */
    List<String> loadedSchemas() {
        return tree.roots().stream().flatMap(c -> c.children().stream()).map(CatalogNode::fullName).toList();
    }

    void saveProto(Path file) {
        SelectedTable selected = table.get();
        if (selected == null) return;
        String text = selected.proto().protoText();
        activities.run("Saving " + file.getFileName() + "…", c -> writeFile(file, text),
                new Activities.Outcome<>(path -> status.set("Saved " + path + "."), problem::set, () -> {}));
    }

    void reportCopied(String what) {
        status.set("Copied " + what + " to the clipboard.");
    }

    private void select(@Nullable CatalogNode node) {
        if (node == null || !node.isTable()) return;
        long request = ++detailsRequest;
        status.set("");
        var browser = browserForActiveProfile();
        activities.run("Reading table " + node.fullName() + "…", c -> readTable(browser.get(), node.fullName()),
                new Activities.Outcome<>(selected -> {
                    if (request != detailsRequest) return;
                    problem.set(null);
                    table.set(selected);
                    context.activeTable().set(selected.details());
                    context.settings().put(LAST_TABLE, selected.fullName());
                }, problem::set, () -> {}));
    }

    /** Background: the table, then what the current principal holds on it (a failure there is shown, not fatal). */
    private static SelectedTable readTable(CatalogBrowser browser, String fullName) {
        TableDetails details = browser.table(fullName);
        var proto = ProtoSchemaMapper.map(details.schema());
        try {
            String principal = browser.currentPrincipal();
            List<HeldPrivilege> held = browser.effectivePrivileges(fullName, principal);
            return new SelectedTable(details, proto, principal, held, null);
        } catch (CatalogException e) {
            return new SelectedTable(details, proto, null, List.of(), e.problem());
        }
    }

    private Path writeFile(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new CatalogException(new Problem("Could not save " + file + ".",
                    "Pick a folder you can write to, or check the disk has space.", null, e));
        }
    }

    /**
     * Reads the active profile now (FX thread); the returned supplier builds or reuses its browser, which may block,
     * so call it in the background.
     */
    private Supplier<CatalogBrowser> browserForActiveProfile() {
        ConnectionProfile profile = context.activeProfile().get();
        return () -> {
            if (profile == null) {
                throw new CatalogException(new Problem("No connection profile is active.",
                        "Choose a profile on the Connection pane (or start the sandbox), then refresh."));
            }
            return context.browser(profile);
        };
    }
}
