package dev.zerobus.console.app;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.LastSessionModel;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.QuitModel;
import dev.zerobus.console.ui.RememberedTable;
import dev.zerobus.console.ui.catalog.CatalogPane;
import dev.zerobus.console.ui.connection.ConnectionPane;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.ui.stream.StreamPane;
import dev.zerobus.console.ui.theme.TextSize;
import dev.zerobus.console.ui.theme.Theme;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: menus, a sidebar with the four panes, a context bar (active profile and table, always visible),
 * the pane on show, and a status bar (sandbox or workspace, token state, open streams).
 */
public final class MainWindow extends BorderPane {
    private record PaneEntry(PaneId id, String title, Feather icon, String shortcut, Function<AppContext, Node> factory) {}

    private static final PaneEntry[] PANES = {
        new PaneEntry(PaneId.CONNECTION, "Connection", Feather.LINK, "Shortcut+1", ConnectionPane::create),
        new PaneEntry(PaneId.CATALOG, "Catalog", Feather.DATABASE, "Shortcut+2", CatalogPane::create),
        new PaneEntry(PaneId.RECORDS, "Records", Feather.EDIT_3, "Shortcut+3", RecordsPane::create),
        new PaneEntry(PaneId.STREAM, "Stream", Feather.ACTIVITY, "Shortcut+4", StreamPane::create),
    };

    private static final String PANE_KEY = "pane";
    private static final String TEXT_SIZE_KEY = "textSize";
    private static final String LARGER_TEXT = "Shortcut+Equals";
    private static final String SMALLER_TEXT = "Shortcut+Minus";
    private static final String NORMAL_TEXT = "Shortcut+0";

    private final AppContext context;
    private final StackPane content = new StackPane();
    private final Map<PaneId, Node> built = new LinkedHashMap<>();
    private final Map<PaneId, ToggleButton> navButtons = new LinkedHashMap<>();
    private final QuitModel quit;
    private Runnable exit = () -> getScene().getWindow().hide();
    private Theme theme;
    private TextSize textSize;
    private final Map<TextSize, RadioMenuItem> textSizeItems = new LinkedHashMap<>();

    public MainWindow(AppContext context, Theme theme) {
        this.context = context;
        this.theme = theme;
        this.textSize = TextSize.initial(context.settings().get(TEXT_SIZE_KEY, ""));
        this.quit = new QuitModel(context);
        getStyleClass().add("main-window");
        setId("main-window");
        setTop(new VBox(createMenuBar(), createContextBar(), new LastSessionBar(new LastSessionModel(context))));
        setLeft(createSidebar());
        setCenter(content);
        setBottom(createStatusBar());
        // Reopen on the pane the person left (read before show() stores the pane on display).
        context.selectedPane().set(PaneId.fromId(context.settings().get(PANE_KEY, context.selectedPane().get().id())));
        context.selectedPane().subscribe(this::show);
        RememberedTable.restore(context);
        registerShortcuts();
    }

    private MenuBar createMenuBar() {
        var recent = new Menu("Recent files");
        recent.setId("menu-recent");
        recent.setOnShowing(event -> fillRecent(recent));
        fillRecent(recent);
        var file = new Menu("File", null, command("New profile", "Shortcut+Shift+N"), new SeparatorMenuItem(),
                command("Import file…", "Shortcut+O"), recent, new SeparatorMenuItem(),
                command("Open session bundle…", "Shortcut+Shift+B"), command("Save session bundle…", "Shortcut+B"),
                new SeparatorMenuItem(), command("Quit", "Shortcut+Q"));
        var view = new Menu("View", null, command("Toggle dark mode", "Shortcut+Shift+L"), textSizeMenu(), new SeparatorMenuItem());
        for (PaneEntry pane : PANES) view.getItems().add(command(pane.title(), pane.shortcut()));
        var help = new Menu("Help", null, command("Keyboard shortcuts", "F1"), new SeparatorMenuItem(), about());
        var serviceLike = new CheckMenuItem("Behave like the service (ACK ~150 ms, per-stream quota)");
        serviceLike.setId("menu-sandbox-service-like");
        serviceLike.selectedProperty().bindBidirectional(context.sandboxServiceLike());
        var explain = new MenuItem("Off: instant ACKs and no throttling (fast tests). On: durability ACKs drawn around 150 ms p50 "
                + "and each stream slowed to 100,000 rows/s and 100 MB/s by flow control, as the quotas page says.");
        explain.setDisable(true);
        var sandboxMenu = new Menu("Sandbox", null, serviceLike, explain);
        sandboxMenu.setId("menu-sandbox");
        var bar = new MenuBar(file, view, sandboxMenu, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** A menu item that runs the shortcut registered for {@code keys} and shows those keys. */
    private MenuItem command(String text, String keys) {
        var item = new MenuItem(text);
        item.setId("menu-" + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""));
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(event -> context.shortcuts().run(keys));
        return item;
    }

    /** View > Text size: 100, 125 and 150 %, and larger / smaller / actual size with the usual keys. */
    private Menu textSizeMenu() {
        var menu = new Menu("Text size");
        menu.setId("menu-text-size");
        var group = new ToggleGroup();
        for (TextSize size : TextSize.values()) {
            var item = new RadioMenuItem(size.label());
            item.setId("menu-text-size-" + size.percent());
            item.setToggleGroup(group);
            item.setSelected(size == textSize);
            item.setOnAction(event -> setTextSize(size));
            textSizeItems.put(size, item);
            menu.getItems().add(item);
        }
        menu.getItems().addAll(new SeparatorMenuItem(), command("Larger text", LARGER_TEXT), command("Smaller text", SMALLER_TEXT),
                command("Actual size", NORMAL_TEXT));
        return menu;
    }

    private MenuItem about() {
        var about = new MenuItem("About Zerobus Ingest Console");
        about.setOnAction(event -> Dialogs.about(getScene().getWindow()));
        return about;
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path path : context.recentFiles().files()) {
            var item = new MenuItem(path.getFileName() + "  —  " + path.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> context.recentFiles().open(path));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            var none = new MenuItem("No files imported yet");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private HBox createContextBar() {
        var profile = new Label();
        profile.setId("active-profile");
        profile.getStyleClass().add("context-value");
        profile.textProperty().bind(context.activeProfile().map(p -> p.name() + "  (" + p.workspaceUrl() + ")").orElse("none"));
        var table = new Label();
        table.setId("active-table");
        table.getStyleClass().add("context-value");
        table.textProperty().bind(context.activeTable().map(t -> t.fullName()).orElse("none selected"));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var themeButton = new ToggleButton(null, new FontIcon(Feather.MOON));
        themeButton.setId("theme-toggle");
        themeButton.setSelected(theme == Theme.DARK);
        themeButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        themeButton.setTooltip(new Tooltip("Dark mode (Shortcut+Shift+L)"));
        themeButton.setOnAction(event -> toggleTheme());
        var bar = new HBox(label("Profile"), profile, label("Table"), table, spacer, themeButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("context-bar");
        return bar;
    }

    private static Label label(String text) {
        var label = new Label(text);
        label.getStyleClass().add("context-label");
        return label;
    }

    private VBox createSidebar() {
        var title = new Label("Zerobus Ingest");
        title.getStyleClass().add("app-title");
        var group = new ToggleGroup();
        var sidebar = new VBox(title);
        for (PaneEntry pane : PANES) {
            var button = new ToggleButton(pane.title(), new FontIcon(pane.icon()));
            button.setId("nav-" + pane.id().id());
            button.getStyleClass().addAll("nav-button", Styles.FLAT);
            button.setToggleGroup(group);
            button.setTooltip(new Tooltip(pane.title() + " (" + pane.shortcut().replace("Shortcut", "Ctrl") + ")"));
            button.setOnAction(event -> context.selectedPane().set(pane.id()));
            navButtons.put(pane.id(), button);
            sidebar.getChildren().add(button);
        }
        sidebar.getStyleClass().add("sidebar");
        return sidebar;
    }

    private HBox createStatusBar() {
        var sandbox = new Label();
        sandbox.setId("status-sandbox");
        sandbox.textProperty().bind(context.sandboxStatus());
        sandbox.setGraphic(new FontIcon(Feather.SERVER));
        var token = new Label();
        token.setId("status-token");
        token.textProperty().bind(Bindings.concat("Token: ", context.tokenStatus()));
        token.setGraphic(new FontIcon(Feather.KEY));
        var streams = new Label();
        streams.setId("status-streams");
        // Sessions open and close without the list changing, so the count is sampled (twice a second), like the Stream pane.
        var refresh = new Timeline(new KeyFrame(Duration.millis(500), e -> streams.setText(openStreamsText())));
        refresh.setCycleCount(Animation.INDEFINITE);
        refresh.play();
        streams.setText(openStreamsText());
        streams.setGraphic(new FontIcon(Feather.ACTIVITY));
        var quitting = new Label();
        quitting.setId("status-quitting");
        quitting.textProperty().bind(quit.statusProperty());
        quitting.managedProperty().bind(quit.statusProperty().isNotEmpty());
        quitting.visibleProperty().bind(quitting.managedProperty());
        var bar = new HBox(sandbox, token, streams, quitting);
        bar.getChildren().forEach(n -> n.getStyleClass().add("status-item"));
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private String openStreamsText() {
        long open = openStreams();
        return open + (open == 1 ? " open stream" : " open streams");
    }

    private long openStreams() {
        return context.ingestions().stream().map(ActiveIngestion::sessions).mapToLong(
                list -> list.stream().filter(s -> !s.state().isTerminal()).count()).sum();
    }

    private void show(PaneId id) {
        PaneEntry entry = null;
        for (PaneEntry p : PANES) if (p.id() == id) entry = p;
        if (entry == null) return;
        final PaneEntry pane = entry;
        Node node = built.computeIfAbsent(id, key -> pane.factory().apply(context));
        content.getChildren().setAll(node);
        navButtons.get(id).setSelected(true);
        context.settings().put(PANE_KEY, id.id());
    }

    private void registerShortcuts() {
        for (PaneEntry pane : PANES) {
            context.shortcuts().add(pane.shortcut(), "Show the " + pane.title() + " pane", () -> context.selectedPane().set(pane.id()));
        }
        context.shortcuts().add("Shortcut+Shift+L", "Toggle dark mode", this::toggleTheme);
        context.shortcuts().add(LARGER_TEXT, "Larger text (up to 150 %)", () -> setTextSize(textSize.larger()));
        context.shortcuts().add(SMALLER_TEXT, "Smaller text (down to 100 %)", () -> setTextSize(textSize.smaller()));
        context.shortcuts().add(NORMAL_TEXT, "Text at its actual size (100 %)", () -> setTextSize(TextSize.NORMAL));
        context.shortcuts().add("F1", "Show keyboard shortcuts", () -> Dialogs.shortcuts(getScene().getWindow(), context.shortcuts()));
        context.shortcuts().add("Shortcut+Q", "Quit", this::requestQuit);
    }

    public void toggleTheme() {
        theme = theme.other();
        theme.apply(getScene(), textSize);
        context.settings().put("theme", theme.name());
    }

    public Theme theme() {
        return theme;
    }

    /** View > Text size: every window of the console at {@code size}, remembered for the next launch. */
    public void setTextSize(TextSize size) {
        textSize = size;
        textSizeItems.get(size).setSelected(true);
        context.settings().put(TEXT_SIZE_KEY, size.name());
        if (getScene() != null) theme.apply(getScene(), size);
    }

    public TextSize textSize() {
        return textSize;
    }

    /**
     * Called once the scene is on its window: attaches the shortcuts, and routes the window's close button through
     * the same question and shutdown as File > Quit. {@code onExit} runs once every stream is closed. Builds the panes
     * not on show too, so that every pane's shortcuts work, and Help > Keyboard shortcuts lists them all, from the start.
     */
    public void attached(Runnable onExit) {
        exit = onExit;
        theme.apply(getScene(), textSize);
        context.shortcuts().attach(getScene());
        for (PaneEntry pane : PANES) built.computeIfAbsent(pane.id(), key -> pane.factory().apply(context));
        Window window = getScene().getWindow();
        if (window != null) {
            window.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, event -> {
                event.consume();
                requestQuit();
            });
        }
    }

    /** Attaches with hiding the window as the exit (the application then stops). */
    public void attached() {
        attached(() -> getScene().getWindow().hide());
    }

    /**
     * File > Quit, Shortcut+Q and the close button: the panes' questions first (unsaved edits), then the question while
     * a load runs, then a clean shutdown.
     */
    public void requestQuit() {
        askBeforeQuit(0);
    }

    private void askBeforeQuit(int next) {
        var questions = context.beforeQuit();
        if (next < questions.size()) {
            questions.get(next).accept(() -> askBeforeQuit(next + 1));
            return;
        }
        QuitModel.Choice choice = quit.runningLoads().isEmpty() ? QuitModel.Choice.STOP
                : Dialogs.askQuit(getScene().getWindow(), quit.question());
        quit.quit(choice, exit);
    }
}
