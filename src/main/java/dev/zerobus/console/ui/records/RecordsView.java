package dev.zerobus.console.ui.records;

import dev.zerobus.console.ui.records.compose.ComposerView;
import dev.zerobus.console.ui.records.fileimport.ImportView;
import dev.zerobus.console.ui.records.load.GenerateView;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Records pane: title with the table, then Compose / Import file / Generate tabs, or what to do first. */
public final class RecordsView extends VBox {
    private final TabPane tabs = new TabPane();
    private final Tab compose;
    private final Tab importTab;
    private final ImportView importView;

    /** {@code openCatalog} shows the Catalog pane (the empty state's button). */
    public RecordsView(RecordsModel model, Runnable openCatalog) {
        setId("records-pane");
        getStyleClass().addAll("pane-content", "records-pane");
        getStylesheets().add(RecordsView.class.getResource("records.css").toExternalForm());
        importView = new ImportView(model.importer());
        compose = tab("Compose", Feather.EDIT_3, "tab-compose", new ComposerView(model.composer()));
        importTab = tab("Import file", Feather.FILE_TEXT, "tab-import", importView);
        var generate = tab("Generate", Feather.ZAP, "tab-generate", new GenerateView(model.generator()));
        tabs.getTabs().setAll(compose, importTab, generate);
        model.shownProperty().subscribe(section -> {
            if (section != null) tabs.getSelectionModel().select(switch (section) {
                case COMPOSE -> compose;
                case IMPORT -> importTab;
                case GENERATE -> generate;
            });
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("records-tabs");
        tabs.visibleProperty().bind(model.tableProperty().isNotNull());

        var empty = createEmptyState(openCatalog);
        empty.visibleProperty().bind(model.tableProperty().isNull());
        var body = new StackPane(tabs, empty);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().setAll(createHeader(model), body);
    }

    public void showCompose() { tabs.getSelectionModel().select(compose); }

    /** Selects the import tab and previews the file (File > Recent files). */
    public void importFile(java.nio.file.Path file) {
        tabs.getSelectionModel().select(importTab);
        importView.importFile(file);
    }

    /** Selects the import tab and opens the file chooser. */
    public void chooseImportFile() {
        tabs.getSelectionModel().select(importTab);
        importView.chooseFile();
    }

    private HBox createHeader(RecordsModel model) {
        var title = new Label("Records");
        title.getStyleClass().add("pane-title");
        var table = new Label();
        table.setId("records-table");
        table.getStyleClass().addAll("muted", "mono");
        table.textProperty().bind(model.tableProperty().map(t -> t.fullName()).orElse(""));
        var warning = new Label();
        warning.setId("records-not-writable");
        warning.getStyleClass().addAll("badge", "warning");
        warning.textProperty().bind(model.notWritableProperty().map(r -> "Zerobus cannot write here: " + r));
        warning.visibleProperty().bind(model.notWritableProperty().isNotEmpty());
        var header = new HBox(12, title, table, warning);
        header.setAlignment(Pos.BASELINE_LEFT);
        return header;
    }

    private static VBox createEmptyState(Runnable openCatalog) {
        var icon = new FontIcon(Feather.DATABASE);
        icon.getStyleClass().add("empty-icon");
        var text = new Label("Choose a table in the Catalog pane to compose, import or generate records for it.");
        text.getStyleClass().add("muted");
        var open = new Button("Open the Catalog");
        open.setId("records-open-catalog");
        open.setOnAction(e -> openCatalog.run());
        var box = new VBox(12, icon, text, open);
        box.setAlignment(Pos.CENTER);
        box.setId("records-empty");
        return box;
    }

    private static Tab tab(String title, Feather icon, String id, Node content) {
        var tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        content.getStyleClass().add("records-tab-content");
        return tab;
    }
}
