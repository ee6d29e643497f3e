package dev.zerobus.console.ui.stream;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.Fit;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Title, the ingestion selector with its state badge, the commands, and the outcome of the last command. */
final class StreamHeader extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What the header's buttons do; the view supplies the file dialogs. */
    record Actions(Runnable verify, Runnable save, Runnable open) {}

    StreamHeader(StreamModel model, Actions actions) {
        var title = new Label("Stream");
        title.getStyleClass().add("pane-title");
        var selector = new ComboBox<ActiveIngestion>(model.ingestions());
        selector.setId("stream-selector");
        selector.setPromptText("No ingestion");
        selector.valueProperty().bindBidirectional(model.selectedProperty());
        selector.setCellFactory(list -> new IngestionCell());
        selector.setButtonCell(new IngestionCell());
        selector.setPrefWidth(560);
        selector.setMinWidth(180);
        HBox.setHgrow(selector, Priority.SOMETIMES);
        selector.setTooltip(new Tooltip("Current and recent ingestions of this window"));
        selector.getTooltip().textProperty().bind(selector.valueProperty().map(IngestionCell::text)
                .map(t -> t + "\nCurrent and recent ingestions of this window").orElse("Current and recent ingestions of this window"));
        var badge = new Label();
        badge.setId("stream-state");
        badge.textProperty().bind(model.stats().map(s -> s.badge().text()));
        model.stats().map(StreamStats::badge).subscribe(b -> badge.getStyleClass().setAll("label", "badge", b.styleClass()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var save = button("stream-save", "Save session…", Feather.SAVE, "Write a repro bundle: profile (no secret), schema, options, event log, sample rows", actions.save());
        save.disableProperty().bind(model.selectedProperty().isNull());
        var open = button("stream-open", "Open bundle…", Feather.FOLDER, "Open a saved session bundle read-only", actions.open());
        Fit.keepWidth(title, badge, save, open);
        var top = new HBox(12, title, selector, badge, spacer, save, open);
        top.setAlignment(Pos.CENTER_LEFT);

        var pause = button("stream-pause", "Pause", Feather.PAUSE, "Pause or resume reading the source (Shortcut+P); sent records keep landing", model::togglePause);
        pause.textProperty().bind(model.isPaused().map(p -> p ? "Resume" : "Pause"));
        pause.graphicProperty().bind(model.isPaused().map(p -> new FontIcon(p ? Feather.PLAY : Feather.PAUSE)));
        pause.disableProperty().bind(model.canPause().map(can -> !can));
        var flush = button("stream-flush", "Flush", Feather.CHECK_SQUARE, "Wait until every record sent is durable (Shortcut+Shift+F)", model::flush);
        flush.disableProperty().bind(model.canFlushOrClose().map(can -> !can));
        var close = button("stream-close", "Close", Feather.X_SQUARE, "Flush, then close the stream(s); a running load stops reading first", model::close);
        close.getStyleClass().add(Styles.DANGER);
        close.disableProperty().bind(model.canFlushOrClose().map(can -> !can));
        var verify = button("stream-verify", "Verify", Feather.CHECK_CIRCLE, "Read the table back: rows added since the start, newest rows (Shortcut+Shift+V)", actions.verify());
        verify.getStyleClass().add(Styles.ACCENT);
        verify.disableProperty().bind(model.selectedProperty().isNull());
        var busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        var message = new Label();
        message.setId("stream-message");
        message.textProperty().bind(model.messageProperty());
        model.messageIsProblemProperty().subscribe(p -> message.getStyleClass().setAll("label", p ? "problem-text" : "muted"));
        Fit.keepWidth(pause, flush, close, verify);
        Fit.tooltipWithText(message);
        var commands = new HBox(8, pause, flush, close, verify, busy, message);
        commands.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("stream-header");
        setSpacing(10);
        getChildren().setAll(top, commands);
    }

    private static Button button(String id, String text, Feather icon, String help, Runnable action) {
        var button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(help));
        button.setOnAction(event -> action.run());
        return button;
    }

    private static final class IngestionCell extends ListCell<ActiveIngestion> {
        @Override
        protected void updateItem(ActiveIngestion item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "No ingestion" : text(item));
        }

        static String text(ActiveIngestion item) {
            return item.name() + " → " + item.table().fullName() + "  ("
                    + TIME.format(LocalTime.ofInstant(item.started(), ZoneId.systemDefault())) + ")";
        }
    }
}
