package dev.zerobus.console.ui.stream;

import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Errors of the selected ingestion, newest first, each with the explainer's cause and fix. */
final class ProblemsView extends VBox {
    ProblemsView(StreamModel model) {
        var list = new ListView<EventRow>(new SortedList<>(model.problems(),
                (a, b) -> b.event().at().compareTo(a.event().at())));
        list.setId("stream-problems");
        list.setPlaceholder(new Label("No errors. When a stream fails or is retried, the cause and the fix show here."));
        list.setCellFactory(view -> new ProblemCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getStyleClass().add("tab-body");
        getChildren().setAll(list);
    }

    private static final class ProblemCell extends ListCell<EventRow> {
        private final Label when = new Label();
        private final Label cause = new Label();
        private final Label fix = new Label();
        private final VBox box = new VBox(2, when, cause, fix);

        ProblemCell() {
            when.getStyleClass().add("muted");
            cause.getStyleClass().add("problem-text");
            fix.getStyleClass().add("fix-text");
            cause.setWrapText(true);
            fix.setWrapText(true);
            box.getStyleClass().add("problem-cell");
        }

        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            var e = row.event().problem();
            when.setText(row.time() + " · stream " + row.stream() + (e == null ? "" : " · " + e.category()
                    + (e.retryable() ? " · retried automatically" : " · not retryable")));
            cause.setText(e == null ? row.event().message() : e.message());
            fix.setText(e == null ? "" : "Fix: " + e.fix());
            fix.setManaged(e != null);
            for (Label label : new Label[] {cause, fix}) {
                label.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
            setGraphic(box);
        }
    }
}
