package dev.zerobus.console.ui.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One rate over the last five minutes at most (1-second points; the axis as long as the load so far) with the
 * per-stream limit as a dashed reference line (series 1, styled in stream.css) once the rate comes near it.
 * Redrawn once a second, when a point arrives; animation is off.
 */
final class RateChart extends VBox {
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final XYChart.Series<Number, Number> rate = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> limit = new XYChart.Series<>();
    private final ToDoubleFunction<RatePoint> value;
    private final ToDoubleFunction<StreamStats> limitOf;
    private final ObservableValue<StreamStats> stats;
    private final LineChart<Number, Number> chart;

    RateChart(String id, String title, ObservableList<RatePoint> points, ObservableValue<StreamStats> stats,
              ToDoubleFunction<RatePoint> value, ToDoubleFunction<StreamStats> limitOf, Function<StreamStats, String> caption) {
        this.value = value;
        this.limitOf = limitOf;
        this.stats = stats;
        x.setAutoRanging(false);
        x.setLabel("seconds since start");
        x.setTickUnit(30);
        y.setForceZeroInRange(true);
        chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.getData().setAll(List.of(rate, limit));
        chart.getStyleClass().add("rate-chart");
        chart.setMinHeight(150);
        VBox.setVgrow(chart, Priority.ALWAYS);
        var heading = new Label(title);
        heading.getStyleClass().add("section-title");
        var now = new Label();
        now.setId(id + "-caption");
        now.setWrapText(true); // two lines rather than a cut limit at 1024 px
        now.setMinHeight(Region.USE_PREF_SIZE);
        now.getStyleClass().add("muted");
        now.textProperty().bind(stats.map(caption));
        getStyleClass().add("rate-chart-box");
        getChildren().setAll(heading, now, chart);
        points.addListener((ListChangeListener<RatePoint>) change -> redraw(points));
        redraw(points);
    }

    private void redraw(List<RatePoint> points) {
        double end = points.isEmpty() ? 0 : points.getLast().seconds();
        double start = Math.max(0, end - IngestionMonitor.CHART_POINTS);
        // The axis fits the load and grows in 10 s steps: a 2 s load fills the chart instead of a sliver of a 60 s axis.
        double upper = Math.max(start + 10, Math.ceil(end / 10) * 10);
        x.setLowerBound(start);
        x.setUpperBound(upper);
        double span = upper - start;
        x.setTickUnit(span > 120 ? 60 : span > 20 ? 10 : 2);
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (RatePoint p : points) data.add(new XYChart.Data<>(p.seconds(), value.applyAsDouble(p)));
        rate.getData().setAll(data);
        chart.setCreateSymbols(points.size() <= 3); // a load of a second or two: its few points show as dots on the line
        // The limit is drawn once the rate comes within a fifth of it; below that the caption names it, and a line far
        // above would flatten the measured rate into the axis.
        double max = limitOf.applyAsDouble(stats.getValue());
        double peak = points.stream().mapToDouble(value).max().orElse(0);
        if (peak >= max / 5) limit.getData().setAll(List.of(new XYChart.Data<>(start, max), new XYChart.Data<>(upper, max)));
        else limit.getData().clear();
    }
}
