package dev.zerobus.console.ui.stream;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The counters of the selected ingestion, one tile each, refreshed with every sample: one row of eight when the
 * window is wide enough, else two rows of four (at 1024 px the eight do not fit and numbers must never be cut).
 */
final class CounterTiles extends GridPane {
    private static final double GAP = 8;
    private final List<VBox> tiles;
    private int perRow;

    CounterTiles(ObservableValue<StreamStats> stats) {
        getStyleClass().add("counter-tiles");
        setHgap(GAP);
        setVgap(GAP);
        tiles = List.of(
                tile("sent", "Sent", stats, s -> Formats.count(s.recordsSent()), s -> "last offset " + Formats.offset(s.lastOffsetSent()),
                        "Records handed to the stream(s) and the last offset the SDK gave out."),
                tile("acked", "Durable", stats, s -> Formats.count(s.recordsAcked()), s -> "watermark " + Formats.offset(s.ackedOffset()),
                        "Records the service committed to the table; the watermark is the highest offset ACKed (cumulative)."),
                tile("inflight", "In flight", stats, s -> Formats.count(s.recordsInFlight()), s -> s.streams() + " stream(s)",
                        "Sent and not yet durable."),
                tile("retries", "Retries", stats, s -> Formats.count(s.retries()), s -> Formats.count(s.recordsResent()) + " re-sent",
                        "Times a stream was re-opened after a retryable failure; its unacknowledged records were sent again (at-least-once: duplicates are possible)."),
                tile("recoveries", "Recoveries", stats, s -> Formats.count(s.recoveries()),
                        s -> Formats.count(s.rotations()) + " rotation(s) · " + Formats.count(s.errors()) + " error(s)",
                        "Successful recoveries; planned rotations (the service ended a stream on schedule, code 6002, and the "
                                + "console moved to a new one: not an error, not a retry); and every error seen (see Problems)."),
                tile("failed", "Failed", stats, s -> Formats.count(s.recordsFailed()), s -> s.load() == null ? "records" : Formats.count(s.load().failed()) + " bad rows",
                        "Records that will not land: the stream stopped on a non-retryable error, or a row did not fit the table."),
                tile("latency", "Latency p50 / p99", stats, s -> Formats.millis(s.latencyP50()) + " / " + Formats.millis(s.latencyP99()),
                        s -> "send to durable ACK", "Time from sending a request to its durability ACK, over the last second."),
                tile("elapsed", "Elapsed", stats, s -> Formats.elapsed(s.elapsed()), s -> s.badge().text().toLowerCase(Locale.ROOT),
                        "Time since the ingestion began."));
        arrange(8);
    }

    @Override
    protected void layoutChildren() {
        arrange(getWidth() >= widthFor(8) ? 8 : 4);
        super.layoutChildren();
    }

    /** Two rows of four is the narrowest this gets; below that the pane scrolls. */
    @Override
    protected double computeMinWidth(double height) {
        return widthFor(4);
    }

    private double widthFor(int columns) {
        double widest = tiles.stream().mapToDouble(t -> t.prefWidth(-1)).max().orElse(0);
        return snappedLeftInset() + snappedRightInset() + columns * widest + (columns - 1) * GAP;
    }

    private void arrange(int columns) {
        if (columns == perRow) return;
        perRow = columns;
        getChildren().clear();
        getColumnConstraints().clear();
        for (int i = 0; i < tiles.size(); i++) add(tiles.get(i), i % columns, i / columns);
        for (int c = 0; c < columns; c++) {
            var constraint = new ColumnConstraints();
            constraint.setPercentWidth(100.0 / columns);
            constraint.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(constraint);
        }
    }

    private static VBox tile(String id, String title, ObservableValue<StreamStats> stats, Function<StreamStats, String> value,
                             Function<StreamStats, String> detail, String help) {
        var name = new Label(title);
        name.getStyleClass().add("tile-title");
        var number = new Label();
        number.setId("stream-" + id);
        number.getStyleClass().addAll("tile-value", "mono");
        number.textProperty().bind(stats.map(value));
        var sub = new Label();
        sub.setId("stream-" + id + "-detail");
        sub.getStyleClass().addAll("tile-detail", "muted");
        sub.textProperty().bind(stats.map(detail));
        var box = new VBox(2, name, number, sub);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().addAll("counter-tile", "raised-block");
        Tooltip.install(box, new Tooltip(help));
        box.setMinWidth(Region.USE_PREF_SIZE); // numbers are never cut
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
