package dev.zerobus.console.ui.stream;

import dev.zerobus.console.workspace.ZerobusQuotas;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Stream pane: header and commands, load progress, counters, rate charts, and tabs for events, ledger, problems, verify. */
public final class StreamView extends StackPane {
    private static final String CSS = Objects.requireNonNull(StreamView.class.getResource("stream.css")).toExternalForm();
    private final TabPane tabs = new TabPane();
    private final StreamModel model;
    private final SessionFiles files;

    public StreamView(StreamModel model, VerifyModel verify, SessionFiles files, Runnable runVerify,
                      java.util.function.Consumer<dev.zerobus.console.catalog.ZerobusSystemTables.Query> runMonitoring, Runnable showRecords) {
        this.model = model;
        this.files = files;
        setId("stream-pane");
        getStylesheets().add(CSS);
        getStyleClass().add("stream-pane");
        var header = new StreamHeader(model, new StreamHeader.Actions(runVerify, this::saveBundle, this::openBundle));
        var charts = new HBox(16,
                new RateChart("stream-records-chart", "Records/s", model.points(), model.stats(), RatePoint::recordsPerSecond,
                        StreamStats::recordsLimit, s -> rateCaption(s, Formats.recordsRate(s.recordsPerSecond())) + " · quota "
                                + Formats.recordsRate(s.recordsLimit()) + (s.streams() > 1 ? " (" + s.streams() + " streams)" : " per stream")
                                + " · older limits page: " + Formats.recordsRate((double) ZerobusQuotas.OLDER_LIMITS_PAGE_RECORDS_PER_SECOND * Math.max(1, s.streams()))),
                new RateChart("stream-bytes-chart", "MB/s", model.points(), model.stats(), RatePoint::megabytesPerSecond,
                        s -> s.bytesLimit() / 1_000_000.0, s -> rateCaption(s, Formats.megabytesRate(s.bytesPerSecond())) + " · quota "
                                + Formats.megabytesRate(s.bytesLimit()) + (s.streams() > 1 ? " (" + s.streams() + " streams)" : " per stream")
                                + " · 10 GB/s per table"));
        charts.getChildren().forEach(c -> HBox.setHgrow(c, Priority.ALWAYS));
        charts.setPrefHeight(230);
        charts.setMinHeight(190);
        tabs.setId("stream-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        var problemsTab = new Tab("Problems", new ProblemsView(model));
        problemsTab.textProperty().bind(Bindings.size(model.problems()).map(n -> n.intValue() == 0 ? "Problems" : "Problems (" + n + ")"));
        tabs.getTabs().setAll(new Tab("Events", new EventLogView(model, () -> choose("Export event log", "zerobus-events.log", true,
                        "Text file", "*.log", files::exportEvents))),
                new Tab("ACK ledger", new LedgerView(model)), problemsTab, new Tab("Verify", new VerifyView(verify, runVerify, runMonitoring)));
        tabs.getTabs().forEach(t -> t.setId("stream-tab-" + t.getText().toLowerCase(Locale.ROOT).replace(' ', '-')));
        problemsTab.setId("stream-tab-problems");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        var content = new VBox(12, header, loadProgress(model), notices(model), new CounterTiles(model.stats()), charts, tabs);
        content.getStyleClass().add("pane-content");
        // Below ~1024x700 the pane scrolls instead of squeezing the tabs to nothing or cutting the right edge.
        content.setMinHeight(620);
        var scroll = new ScrollPane(content);
        scroll.setId("stream-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.visibleProperty().bind(model.hasSelection());
        var empty = emptyState(showRecords);
        empty.visibleProperty().bind(model.hasSelection().map(has -> !has));
        getChildren().setAll(scroll, empty);
        files.openedProperty().subscribe(bundle -> {
            if (bundle != null && getScene() != null) BundleViewer.show(getScene().getWindow(), bundle);
        });
    }

    StreamModel model() {
        return model;
    }

    SessionFiles files() {
        return files;
    }

    /** Asks where to save the selected session's bundle (File > Save session bundle). */
    void saveBundle() {
        if (model.selectedProperty().get() == null) return;
        choose("Save session bundle", "zerobus-session.zip", true, "Session bundle", "*.zip", files::saveBundle);
    }

    void openBundle() {
        choose("Open session bundle", null, false, "Session bundle", "*.zip", files::openBundle);
    }

    /** While streaming, the rate over the last 2 s; once ended, the average over the whole ingestion. */
    static String rateCaption(StreamStats s, String rate) {
        return (s.badge().isEnded() ? "average " : "last 2 s: ") + rate;
    }

    /** Brings the Verify tab to the front (Verify was pressed). */
    public void showVerify() {
        tabs.getSelectionModel().select(3);
    }

    private static HBox loadProgress(StreamModel model) {
        var bar = new ProgressBar();
        bar.setId("stream-load-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(model.stats().map(s -> s.load() == null ? 0 : s.load().fraction()));
        var text = new Label();
        text.setId("stream-load-text");
        text.getStyleClass().add("muted");
        text.setWrapText(true); // two lines rather than a cut "finish..." in a narrow window or at a large text size
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.textProperty().bind(model.stats().map(s -> s.load() == null ? "" : String.format(Locale.ROOT,
                "%s %.0f%% · %,d rows read · %,d durable · %,d bad rows%s", s.load().stopped() ? "Load stopped at" : "Load:",
                s.load().fraction() * 100, s.load().read(), s.load().acked(), s.load().failed(),
                s.load().done() ? (s.load().stopped() ? " · the rest was not sent" : " · finished") : s.load().eta() == null ? ""
                        : " · about " + Formats.elapsed(s.load().eta()) + " left")));
        var row = new HBox(10, bar, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(model.stats().map(s -> s.load() != null));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private static VBox notices(StreamModel model) {
        var warning = new Label();
        warning.setId("stream-limit-warning");
        warning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        warning.getStyleClass().addAll("notice", "warning-notice");
        warning.textProperty().bind(model.stats().map(s -> s.limitWarning() == null ? "" : s.limitWarning()));
        warning.visibleProperty().bind(warning.textProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        var retry = new Label();
        retry.setId("stream-last-retry");
        retry.setGraphic(new FontIcon(Feather.REFRESH_CW));
        retry.getStyleClass().addAll("notice", "retry-notice");
        retry.setWrapText(true);
        retry.textProperty().bind(model.stats().map(s -> s.lastRetry() == null ? "" : "Last retry at " + s.lastRetry().time()
                + " (stream " + s.lastRetry().stream() + "): " + s.lastRetry().event().message()));
        retry.visibleProperty().bind(retry.textProperty().isNotEmpty());
        retry.managedProperty().bind(retry.visibleProperty());
        return new VBox(6, warning, retry);
    }

    private static VBox emptyState(Runnable showRecords) {
        var icon = new FontIcon(Feather.ACTIVITY);
        icon.getStyleClass().add("empty-icon");
        var title = new Label("No ingestion yet");
        title.getStyleClass().add("pane-title");
        var text = new Label("Start a file import, a generated load or a composer session in the Records pane. Its streams show "
                + "up here live: offsets, ACKs, retries, rates against the per-stream quotas, and a read-back to verify.");
        text.getStyleClass().add("muted");
        text.setWrapText(true);
        text.setMaxWidth(520);
        var go = new Button("Open the Records pane", new FontIcon(Feather.EDIT_3));
        go.setId("stream-go-records");
        go.setOnAction(event -> showRecords.run());
        var box = new VBox(12, icon, title, text, go);
        box.setAlignment(Pos.CENTER);
        box.setId("stream-empty");
        return box;
    }

    private void choose(String title, String initialName, boolean save, String what, String pattern, Consumer<Path> action) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        if (initialName != null) chooser.setInitialFileName(initialName);
        File file = save ? chooser.showSaveDialog(getScene().getWindow()) : chooser.showOpenDialog(getScene().getWindow());
        if (file != null) action.accept(file.toPath());
    }
}
