package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The left side: title, filter, refresh, "New table", and the lazily loaded tree of catalogs, schemas and tables. */
final class CatalogTreePanel extends VBox {
    private final TextField filter = new TextField();
    private final TreeView<CatalogNode> tree = new TreeView<>();
    private final Map<CatalogNode, CatalogTreeItem> index = new HashMap<>();

    CatalogTreePanel(CatalogModel model, Runnable onNewTable) {
        var title = new Label("Unity Catalog");
        title.getStyleClass().add(Styles.TITLE_4);
        filter.setId("catalog-filter");
        filter.setPromptText("Filter tables");
        filter.setTooltip(new Tooltip("Show only loaded catalogs, schemas and tables whose name contains this (Ctrl+F)"));
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        var refresh = iconButton("catalog-refresh", Feather.REFRESH_CW, "Reload catalogs (F5)");
        refresh.setOnAction(event -> model.refresh());
        var newTable = iconButton("catalog-new-table", Feather.PLUS, "New table for trials: name, columns and types");
        newTable.setOnAction(event -> onNewTable.run());
        var tools = new HBox(6, filter, refresh, newTable);
        tools.setAlignment(Pos.CENTER_LEFT);

        var root = new CatalogTreeItem(null, model.roots(), model.filterProperty(), model::expand, index);
        tree.setId("catalog-tree");
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new NodeCell());
        tree.getSelectionModel().selectedItemProperty().subscribe(item ->
                model.selectedNodeProperty().set(item == null ? null : item.getValue()));
        model.selectedNodeProperty().subscribe(this::show);
        var empty = new Label("No catalogs loaded. Press Refresh (F5), or check the connection.");
        empty.setId("catalog-tree-empty");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.isEmpty(model.roots()).and(model.busyProperty().not()));
        empty.setTextAlignment(TextAlignment.CENTER);
        empty.setPadding(new Insets(0, 16, 0, 16));
        var loading = new ProgressIndicator();
        loading.setId("catalog-tree-loading");
        loading.setMaxSize(40, 40);
        loading.visibleProperty().bind(Bindings.isEmpty(model.roots()).and(model.busyProperty()));
        var treeArea = new StackPane(tree, empty, loading);
        VBox.setVgrow(treeArea, Priority.ALWAYS);

        getChildren().setAll(title, tools, treeArea);
        getStyleClass().add("catalog-tree-panel");
    }

    void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** Selects (and scrolls to) the item of a node the model selected, e.g. the remembered table. */
    private void show(CatalogNode node) {
        CatalogTreeItem item = node == null ? null : index.get(node);
        if (item == null || tree.getSelectionModel().getSelectedItem() == item) return;
        for (var parent = item.getParent(); parent != null; parent = parent.getParent()) parent.setExpanded(true);
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) tree.scrollTo(Math.max(0, row - 3));
    }

    private static Button iconButton(String id, Feather icon, String tooltip) {
        var button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.getStyleClass().add(Styles.BUTTON_ICON);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    /** Icon, name, a spinner while the children load, and a muted note (empty, failed, not writable). */
    private static final class NodeCell extends TreeCell<CatalogNode> {
        @Override
        protected void updateItem(CatalogNode node, boolean empty) {
            super.updateItem(node, empty);
            textProperty().unbind();
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            var icon = new FontIcon(switch (node.kind()) {
                case CATALOG -> Feather.DATABASE;
                case SCHEMA -> Feather.FOLDER;
                case TABLE -> node.notWritableReason() == null ? Feather.GRID : Feather.SLASH;
            });
            var spinner = new ProgressIndicator();
            spinner.getStyleClass().add("tree-spinner");
            spinner.setMaxSize(14, 14);
            spinner.visibleProperty().bind(node.loading());
            spinner.managedProperty().bind(node.loading());
            var note = new Label();
            note.getStyleClass().add("muted");
            note.textProperty().bind(node.problem().map(p -> "  " + p).orElse(node.notWritableReason() == null ? "" : "  not writable"));
            var name = new Label(node.name());
            var row = new HBox(6, icon, spinner, name, note);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            String tip = node.notWritableReason() != null ? node.notWritableReason() : node.comment();
            setTooltip(tip == null ? null : new Tooltip(tip));
        }
    }
}
