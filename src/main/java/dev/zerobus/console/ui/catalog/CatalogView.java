package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Catalog pane: tree on the left; the selected table's Table, Check and Code tabs on the right; activity below. */
public final class CatalogView extends VBox {
    private static final String CSS = Objects.requireNonNull(CatalogView.class.getResource("catalog.css")).toExternalForm();

    private final CatalogModel model;
    private final CatalogTreePanel tree;
    private final TableTab tableTab;

    public CatalogView(CatalogModel model) {
        this.model = model;
        this.tree = new CatalogTreePanel(model, this::newTable);
        this.tableTab = new TableTab(this::copyProto, this::saveProto);
        var split = new SplitPane(tree, createDetails());
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(tree, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(split, createActivityBar());
        getStylesheets().add(CSS);
        getStyleClass().add("catalog-pane");
        setId("catalog-pane");
    }

    void focusFilter() { tree.focusFilter(); }

    void copyProto() {
        if (model.tableProperty().get() == null) return;
        copy(tableTab.protoText());
        model.reportCopied("the .proto");
    }

    private VBox createDetails() {
        var tabs = new TabPane(tab("Table", Feather.GRID, tableTab, "tab-table"),
                tab("Check my schema", Feather.CHECK_SQUARE, new CheckTab(model.check(), this::chooseCheckFile), "tab-check"),
                tab("Code", Feather.CODE, new CodeTab(model.snippet(), text -> {
                    copy(text);
                    model.reportCopied("the producer program");
                }), "tab-code"));
        tabs.setId("catalog-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.visibleProperty().bind(model.tableProperty().isNotNull());
        var empty = new Label("Select a table on the left to see its details, columns, generated .proto and producer code.",
                new FontIcon(Feather.MOUSE_POINTER));
        empty.setId("catalog-empty");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.visibleProperty().bind(model.tableProperty().isNull());
        var stack = new StackPane(tabs, empty);
        VBox.setVgrow(stack, Priority.ALWAYS);
        model.tableProperty().subscribe(table -> {
            if (table != null) tableTab.show(table);
        });
        var details = new VBox(10, createProblemBanner(), stack);
        details.getStyleClass().add("catalog-details");
        return details;
    }

    private VBox createProblemBanner() {
        var message = new Label();
        message.setId("catalog-problem");
        message.getStyleClass().addAll("problem-text", Styles.TEXT_BOLD);
        message.setWrapText(true);
        message.textProperty().bind(model.problemProperty().map(p -> p.message()).orElse(""));
        var fix = new Label();
        fix.getStyleClass().add("fix-text");
        fix.setWrapText(true);
        fix.textProperty().bind(model.problemProperty().map(p -> p.fix()).orElse(""));
        var banner = new VBox(4, message, fix);
        banner.getStyleClass().add("problem-banner");
        banner.visibleProperty().bind(model.problemProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox createActivityBar() {
        var progress = new ProgressBar();
        progress.setId("catalog-progress");
        progress.setPrefWidth(140);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());
        var label = new Label();
        label.setId("catalog-busy-label");
        label.textProperty().bind(model.busyProperty().flatMap(busy -> busy ? model.busyLabelProperty() : model.statusProperty()));
        label.getStyleClass().add("muted");
        var cancel = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
        cancel.setId("catalog-cancel");
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(event -> model.cancel());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, progress, label, spacer, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("activity-bar");
        return bar;
    }

    private static Tab tab(String title, Feather icon, Node content, String id) {
        var tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }

    private void newTable() {
        new NewTableDialog(getScene().getWindow(), model.loadedSchemas(), model).show();
    }

    private void saveProto() {
        var table = model.tableProperty().get();
        if (table == null) return;
        var chooser = new FileChooser();
        chooser.setTitle("Save the .proto");
        chooser.setInitialFileName(table.proto().messageName() + ".proto");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) model.saveProto(file.toPath());
    }

    private File chooseCheckFile() {
        var chooser = new FileChooser();
        chooser.setTitle("Open a sample record or a schema");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Sample record, .proto or descriptor set", "*.json", "*.jsonl", "*.proto", "*.desc", "*.pb"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return chooser.showOpenDialog(getScene().getWindow());
    }

    private static void copy(String text) {
        var content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
