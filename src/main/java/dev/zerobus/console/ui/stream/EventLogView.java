package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ui.Fit;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The event log of the selected ingestion, newest first, with a text filter and an export of what passes it. */
final class EventLogView extends VBox {
    EventLogView(StreamModel model, Runnable export) {
        var filter = new TextField();
        filter.setId("stream-event-filter");
        filter.setPromptText("Filter events: text, kind (RETRY, ERROR…) or stream");
        filter.textProperty().bindBidirectional(model.eventFilterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        var exportButton = new Button("Export…", new FontIcon(Feather.DOWNLOAD));
        exportButton.setId("stream-export-events");
        exportButton.setTooltip(new Tooltip("Save the events that pass the filter to a text file"));
        exportButton.setOnAction(event -> export.run());
        var table = new TableView<EventRow>();
        table.setId("stream-events");
        var sorted = new SortedList<>(model.filteredEvents(), (a, b) -> b.event().at().compareTo(a.event().at()));
        table.setItems(sorted);
        table.getColumns().setAll(List.of(
                column("Time", 100, EventRow::time),
                column("Stream", 80, r -> String.valueOf(r.stream())),
                column("Kind", 90, r -> r.event().kind().name()),
                column("Message", 700, r -> r.event().message())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        Fit.headersKeepText(table);
        var placeholder = new Label();
        placeholder.setId("stream-events-placeholder");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = model.eventFilterProperty().get();
            return text == null || text.isBlank() || model.events().isEmpty()
                    ? "No events yet. Opening, retries, recoveries, flushes, pauses, closes and errors are logged here."
                    : "No events match “" + text.strip() + "” (" + model.events().size() + " in the log). Clear the filter to see them all.";
        }, model.eventFilterProperty(), model.events()));
        table.setPlaceholder(placeholder);
        table.getStyleClass().add("dense");
        VBox.setVgrow(table, Priority.ALWAYS);
        getStyleClass().add("tab-body");
        getChildren().setAll(new HBox(8, filter, exportButton), table);
    }

    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        var column = new TableColumn<T, String>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 100)); // titles stay readable when the window is narrow
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

}
