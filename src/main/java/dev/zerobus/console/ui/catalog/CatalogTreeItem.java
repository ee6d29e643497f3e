package dev.zerobus.console.ui.catalog;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import javafx.util.Subscription;
import org.jspecify.annotations.Nullable;

/**
 * Mirrors one {@link CatalogNode} (or, for the hidden root, the list of catalogs) in the tree: its children follow
 * the node's loaded children that pass the filter; expanding it asks for them to be loaded.
 */
final class CatalogTreeItem extends TreeItem<CatalogNode> {
    private final @Nullable CatalogNode node;
    private final ObservableList<CatalogNode> source;
    private final ObservableValue<String> filter;
    private final Consumer<CatalogNode> onExpand;
    private final Map<CatalogNode, CatalogTreeItem> index;
    private final Subscription subscriptions;
    private List<CatalogTreeItem> built = List.of();

    CatalogTreeItem(@Nullable CatalogNode node, ObservableList<CatalogNode> source, ObservableValue<String> filter,
                    Consumer<CatalogNode> onExpand, Map<CatalogNode, CatalogTreeItem> index) {
        super(node);
        this.node = node;
        this.source = source;
        this.filter = filter;
        this.onExpand = onExpand;
        this.index = index;
        if (node != null) index.put(node, this);
        subscriptions = Subscription.combine(source.subscribe(this::rebuild), filter.subscribe(this::rebuild),
                expandedProperty().subscribe(expanded -> {
                    if (expanded && this.node != null) onExpand.accept(this.node);
                }));
        rebuild();
    }

    @Override
    public boolean isLeaf() {
        return node != null && node.isTable();
    }

    private void rebuild() {
        // Items of nodes that left the model (a refresh) stop listening, so old trees do not pile up.
        built.stream().filter(item -> !source.contains(item.node)).forEach(CatalogTreeItem::dispose);
        built = source.stream().map(this::itemFor).toList();
        String text = filter.getValue() == null ? "" : filter.getValue();
        var items = source.stream().filter(child -> child.matches(text)).map(this::itemFor).toList();
        getChildren().setAll(items);
        if (!text.isBlank()) items.forEach(item -> item.setExpanded(!item.isLeaf() && !item.getChildren().isEmpty()));
    }

    private void dispose() {
        subscriptions.unsubscribe();
        index.remove(node);
        built.forEach(CatalogTreeItem::dispose);
    }

    private CatalogTreeItem itemFor(CatalogNode child) {
        CatalogTreeItem item = index.get(child);
        return item != null ? item : new CatalogTreeItem(child, child.children(), filter, onExpand, index);
    }
}
