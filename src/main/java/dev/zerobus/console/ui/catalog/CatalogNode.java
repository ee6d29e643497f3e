package dev.zerobus.console.ui.catalog;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the catalog tree (catalog, schema or table), independent of the tree control: the view mirrors it in
 * TreeItems. Children load lazily; {@link #loading()} drives the spinner and {@link #problem()} says why a load
 * failed or that there is nothing inside. FX thread only.
 */
final class CatalogNode {
    enum Kind { CATALOG, SCHEMA, TABLE }

    private final Kind kind;
    private final String name;
    private final String fullName;
    private final @Nullable String comment;
    private final @Nullable String notWritableReason;
    private final ObservableList<CatalogNode> children = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty();
    private boolean loaded;

    CatalogNode(Kind kind, String name, String fullName, @Nullable String comment, @Nullable String notWritableReason) {
        this.kind = kind;
        this.name = name;
        this.fullName = fullName;
        this.comment = comment;
        this.notWritableReason = notWritableReason;
    }

    Kind kind() { return kind; }
    String name() { return name; }
    String fullName() { return fullName; }
    @Nullable String comment() { return comment; }
    boolean isTable() { return kind == Kind.TABLE; }
    /** Tables only: why Zerobus cannot write to it; null when it can. */
    @Nullable String notWritableReason() { return notWritableReason; }
    ObservableList<CatalogNode> children() { return children; }
    BooleanProperty loading() { return loading; }
    StringProperty problem() { return problem; }
    boolean isLoaded() { return loaded; }
    void markLoaded(boolean value) { loaded = value; }

    /** True when the filter is blank, or this node or one of its loaded descendants has it in its name. */
    boolean matches(String filter) {
        if (filter.isBlank()) return true;
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        if (name.toLowerCase(Locale.ROOT).contains(needle)) return true;
        return children.stream().anyMatch(child -> child.matches(filter));
    }

    @Override
    public String toString() {
        return name;
    }
}
