package dev.zerobus.console.ui.records.compose;

import dev.zerobus.console.ui.Fit;
import atlantafx.base.theme.Styles;
import dev.zerobus.console.schema.ColumnType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Editors for STRUCT (a field per row), ARRAY (elements with add/remove) and MAP (key/value rows). */
final class NestedEditors {
    private NestedEditors() {}

    static final class StructEditor implements ValueEditor {
        private final GridPane grid = new GridPane();
        private final Map<String, ValueEditor> fields = new LinkedHashMap<>();

        StructEditor(ColumnType.Struct type, String id, ObservableValue<ZoneId> zone) {
            grid.getStyleClass().add("nested-editor");
            grid.setId(id);
            int row = 0;
            for (ColumnType.Field field : type.fields()) {
                ValueEditor editor = ValueEditor.forType(field.type(), id + "-" + field.name(), zone);
                fields.put(field.name(), editor);
                var name = new Label(field.name() + (field.nullable() ? "" : " *"));
                name.setTooltip(new Tooltip(name.getText() + "  " + field.type().typeText()));
                grid.addRow(row++, name, editor.node());
                GridPane.setHgrow(editor.node(), Priority.ALWAYS);
            }
        }

        @Override public Node node() { return grid; }

        @Override public Object value() {
            Map<String, Object> value = new LinkedHashMap<>();
            fields.forEach((name, editor) -> {
                Object v = editor.value();
                if (v != null && !"".equals(v)) value.put(name, v);
            });
            return value;
        }

        @Override public void setValue(@Nullable Object value) {
            Map<?, ?> map = value instanceof Map<?, ?> m ? m : Map.of();
            fields.forEach((name, editor) -> editor.setValue(map.get(name)));
        }

        @Override public void onChange(Runnable listener) { fields.values().forEach(e -> e.onChange(listener)); }
    }

    /** Rows of entries with a remove button each and an add button below; ARRAY and MAP share it. */
    private abstract static class Rows implements ValueEditor {
        final VBox box = new VBox(4);
        final VBox rows = new VBox(4);
        final String id;
        Runnable listener = () -> { };

        Rows(String id, String addText) {
            this.id = id;
            var add = new Button(addText, new FontIcon(Feather.PLUS));
            add.setId(id + "-add");
            add.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            add.setOnAction(e -> { addRow(null, null); listener.run(); });
            box.getStyleClass().add("nested-editor");
            box.getChildren().setAll(rows, add);
        }

        abstract Node entry(@Nullable Object key, @Nullable Object value, int index);

        void addRow(@Nullable Object key, @Nullable Object value) {
            int index = rows.getChildren().size();
            var remove = new Button(null, new FontIcon(Feather.X));
            remove.setId(id + "-remove-" + index);
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            remove.setTooltip(new Tooltip("Remove this entry"));
            var row = new HBox(4, entry(key, value, index), remove);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(row.getChildren().getFirst(), Priority.ALWAYS);
            remove.setOnAction(e -> { removeRow(row); listener.run(); });
            rows.getChildren().add(row);
        }

        void removeRow(HBox row) {
            int i = rows.getChildren().indexOf(row);
            rows.getChildren().remove(i);
            removed(i);
        }

        abstract void removed(int index);

        void clear() {
            rows.getChildren().clear();
        }

        @Override public Node node() { return box; }
        @Override public void onChange(Runnable l) { this.listener = l; }
    }

    static final class ListEditor extends Rows {
        private final ColumnType element;
        private final ObservableValue<ZoneId> zone;
        private final List<ValueEditor> editors = new ArrayList<>();

        ListEditor(ColumnType element, String id, ObservableValue<ZoneId> zone) {
            super(id, "Add element");
            this.element = element;
            this.zone = zone;
        }

        @Override Node entry(@Nullable Object key, @Nullable Object value, int index) {
            ValueEditor editor = ValueEditor.forType(element, id + "-" + index, zone);
            editor.setValue(value);
            editor.onChange(() -> listener.run());
            editors.add(editor);
            return editor.node();
        }

        @Override void removed(int index) { editors.remove(index); }

        @Override public Object value() {
            List<Object> list = new ArrayList<>();
            for (ValueEditor e : editors) list.add(e.value());
            return list;
        }

        @Override public void setValue(@Nullable Object value) {
            List<?> list = value instanceof List<?> l ? l : List.of();
            if (list.size() != editors.size()) {
                clear();
                editors.clear();
                list.forEach(v -> addRow(null, v));
            } else {
                for (int i = 0; i < list.size(); i++) editors.get(i).setValue(list.get(i));
            }
        }
    }

    static final class MapEditor extends Rows {
        private final ColumnType.MapOf type;
        private final ObservableValue<ZoneId> zone;
        private final List<TextField> keys = new ArrayList<>();
        private final List<ValueEditor> values = new ArrayList<>();

        MapEditor(ColumnType.MapOf type, String id, ObservableValue<ZoneId> zone) {
            super(id, "Add entry");
            this.type = type;
            this.zone = zone;
        }

        @Override Node entry(@Nullable Object key, @Nullable Object value, int index) {
            var keyField = new TextField(key == null ? "" : String.valueOf(key));
            keyField.setId(id + "-key-" + index);
            keyField.setPromptText("key (" + type.key().typeText() + ")");
            keyField.setPrefColumnCount(8);
            keyField.textProperty().addListener((obs, old, now) -> listener.run());
            ValueEditor editor = ValueEditor.forType(type.value(), id + "-value-" + index, zone);
            editor.setValue(value);
            editor.onChange(() -> listener.run());
            keys.add(keyField);
            values.add(editor);
            var pair = new HBox(4, keyField, new Label("→"), editor.node());
            pair.setAlignment(Pos.CENTER_LEFT);
            return pair;
        }

        @Override void removed(int index) {
            keys.remove(index);
            values.remove(index);
        }

        @Override public Object value() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) map.put(keys.get(i).getText(), values.get(i).value());
            return map;
        }

        @Override public void setValue(@Nullable Object value) {
            Map<?, ?> map = value instanceof Map<?, ?> m ? m : Map.of();
            List<? extends Map.Entry<?, ?>> entries = List.copyOf(map.entrySet());
            if (entries.size() != keys.size()) {
                clear();
                keys.clear();
                values.clear();
                entries.forEach(e -> addRow(e.getKey(), e.getValue()));
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                String k = String.valueOf(entries.get(i).getKey());
                if (!k.equals(keys.get(i).getText())) keys.get(i).setText(k);
                values.get(i).setValue(entries.get(i).getValue());
            }
        }
    }
}
