package dev.zerobus.console.ui.records.compose;

import dev.zerobus.console.ui.Fit;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.jspecify.annotations.Nullable;

/**
 * DATE, TIMESTAMP and TIMESTAMP_NTZ pickers. They produce what the stream carries (DATE: days since 1970-01-01;
 * TIMESTAMP: microseconds since the epoch, the picked wall time read in the pane's time zone; TIMESTAMP_NTZ:
 * microseconds of the wall time as if it were UTC) and show that number next to the picker.
 */
final class TimeEditors {
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private TimeEditors() {}

    static final class Day implements ValueEditor {
        private final DatePicker date = new DatePicker();
        private final Label wire = wireLabel();
        private final HBox box;

        Day(String id) {
            date.setId(id);
            date.setPromptText("yyyy-mm-dd");
            date.setPrefWidth(150);
            date.valueProperty().subscribe(d -> wire.setText(d == null ? "" : "= " + d.toEpochDay() + " days"));
            box = row(date, wire);
        }

        @Override public Node node() { return box; }
        @Override public @Nullable Object value() { return date.getValue() == null ? null : date.getValue().toEpochDay(); }

        @Override public void setValue(@Nullable Object value) {
            LocalDate d = value instanceof Number n ? LocalDate.ofEpochDay(n.longValue()) : value instanceof String s ? parseDate(s) : null;
            if (d == null || !d.equals(date.getValue())) date.setValue(d);
        }

        @Override public void onChange(Runnable listener) { date.setOnAction(e -> listener.run()); }
    }

    /** A wall time in a zone (TIMESTAMP) or without one (TIMESTAMP_NTZ, zone fixed to UTC). */
    static class Instant implements ValueEditor {
        private final DatePicker date = new DatePicker();
        private final TextField time = new TextField("00:00:00");
        private final Label wire = wireLabel();
        private final ObservableValue<ZoneId> zone;
        private final HBox box;

        Instant(String id, ObservableValue<ZoneId> zone) {
            this(id, zone, true);
        }

        Instant(String id, ObservableValue<ZoneId> zone, boolean showZone) {
            this.zone = zone;
            date.setId(id + "-date");
            date.setPromptText("yyyy-mm-dd");
            date.setPrefWidth(150);
            time.setId(id + "-time");
            time.setPrefColumnCount(9);
            time.getStyleClass().add("mono");
            time.setTooltip(new Tooltip("Time of day: HH:mm[:ss[.ffffff]]"));
            var zoneLabel = new Label();
            zoneLabel.getStyleClass().add("muted");
            zoneLabel.textProperty().bind(zone.map(ZoneId::getId));
            zoneLabel.setTooltip(new Tooltip("The wall time is read in this zone (change it in the toolbar)"));
            Fit.keepWidth(zoneLabel);
            box = showZone ? row(date, time, zoneLabel, wire) : row(date, time, wire);
            date.valueProperty().subscribe(d -> showWire());
            time.textProperty().subscribe(t -> showWire());
            zone.subscribe(z -> showWire());
        }

        private void showWire() {
            Object v = value();
            wire.setText(v instanceof Long micros ? "= " + micros + " µs" : "");
        }

        @Override public Node node() { return box; }

        @Override public @Nullable Object value() {
            if (date.getValue() == null) return null;
            try {
                LocalDateTime wall = date.getValue().atTime(LocalTime.parse(time.getText().strip()));
                return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, wall.atZone(zone.getValue()).toInstant());
            } catch (DateTimeParseException e) {
                return date.getValue() + " " + time.getText(); // the codec names the problem
            }
        }

        @Override public void setValue(@Nullable Object value) {
            LocalDateTime wall = null;
            if (value instanceof Number n) wall = EPOCH.plus(n.longValue(), ChronoUnit.MICROS).atZone(ZoneOffset.UTC)
                    .withZoneSameInstant(zone.getValue()).toLocalDateTime();
            else if (value instanceof String s) wall = parseWall(s, zone.getValue());
            if (wall == null) {
                date.setValue(null);
                return;
            }
            if (!wall.toLocalDate().equals(date.getValue())) date.setValue(wall.toLocalDate());
            String t = wall.toLocalTime().toString();
            if (!t.equals(time.getText())) time.setText(t);
        }

        @Override public void onChange(Runnable listener) {
            date.setOnAction(e -> listener.run());
            time.textProperty().addListener((obs, old, now) -> listener.run());
        }
    }

    static final class Local extends Instant {
        Local(String id) {
            super(id, new SimpleObjectProperty<>(ZoneOffset.UTC), false);
        }
    }

    private static HBox row(Node... nodes) {
        var box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label wireLabel() {
        var label = new Label();
        label.getStyleClass().addAll("muted", "mono", "wire-value");
        Fit.tooltipWithText(label); // the value as sent may be cut in a narrow form
        return label;
    }

    private static @Nullable LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s.strip().substring(0, Math.min(10, s.strip().length())));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable LocalDateTime parseWall(String s, ZoneId zone) {
        String t = s.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t);
            } catch (DateTimeParseException e2) {
                LocalDate d = parseDate(s);
                return d == null ? null : d.atStartOfDay();
            }
        }
    }
}
