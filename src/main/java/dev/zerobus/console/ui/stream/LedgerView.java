package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ingest.IngestionSession.LedgerEntry.Outcome;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The ACK ledger: requests not yet durable (newest first), then those seen becoming durable or failing lately. */
final class LedgerView extends VBox {
    LedgerView(StreamModel model) {
        var note = new Label("One row per request (a record or a batch) at its offset on its stream. Kept: every request "
                + "not yet durable, and the last 200 each stream had ACKed (older durable ones are counted, not listed). In flight: "
                + "waiting for the durability ACK · re-sent: sent again after a recovery · durable: committed to the table.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        var table = new TableView<LedgerRow>(model.ledger());
        table.setId("stream-ledger");
        var state = new TableColumn<LedgerRow, String>("State");
        state.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().outcome().name()));
        state.setCellFactory(column -> new OutcomeCell());
        state.setPrefWidth(110);
        state.setSortable(false);
        table.getColumns().setAll(List.of(
                EventLogView.column("Stream", 70, (LedgerRow r) -> String.valueOf(r.stream())),
                EventLogView.column("Offset", 110, (LedgerRow r) -> Formats.offset(r.offset())),
                EventLogView.column("Source rows", 180, LedgerRow::rows),
                EventLogView.column("Records", 90, (LedgerRow r) -> Formats.count(r.count())),
                state));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.setPlaceholder(new Label("No request sent yet."));
        table.getStyleClass().add("dense");
        VBox.setVgrow(table, Priority.ALWAYS);
        getStyleClass().add("tab-body");
        getChildren().setAll(note, table);
    }

    /** The outcome as a coloured badge. */
    private static final class OutcomeCell extends TableCell<LedgerRow, String> {
        private final Label badge = new Label();

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Outcome outcome = Outcome.valueOf(item);
            badge.setText(item.replace('_', ' ').toLowerCase(Locale.ROOT));
            badge.getStyleClass().setAll("label", "badge", switch (outcome) {
                case DURABLE -> "success";
                case FAILED -> "danger";
                case RESENT -> "warning";
                case IN_FLIGHT -> "accent";
            });
            setGraphic(badge);
        }
    }
}
