package dev.zerobus.console.ui.records.compose;

import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.schema.TableColumn;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The composer's form: one block per column with the right control for its type, a NULL toggle for nullable
 * columns, a mark for NOT NULL ones and the codec's message under a bad value. It edits the same record as the
 * JSON editor: each edit rewrites the JSON text, and JSON the user types fills the controls.
 */
final class RecordForm extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private record Field(TableColumn column, ValueEditor editor, @Nullable CheckBox isNull, Label error, VBox block) {}

    private final ComposerModel model;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private boolean applying;
    private boolean pushing;

    RecordForm(ComposerModel model) {
        this.model = model;
        getStyleClass().add("record-form");
        setId("record-form");
        model.tableProperty().subscribe(this::rebuild);
        model.parsedProperty().subscribe(this::apply);
        model.fieldErrors().addListener((MapChangeListener<String, String>) change -> showErrors());
    }

    private void rebuild(@Nullable TableDetails table) {
        fields.clear();
        getChildren().clear();
        if (table == null) return;
        for (TableColumn column : table.schema().columns()) {
            Field field = field(column);
            fields.put(column.name(), field);
            getChildren().add(field.block());
        }
        apply(model.parsedProperty().get());
        showErrors();
    }

    private Field field(TableColumn column) {
        ValueEditor editor = ValueEditor.forType(column.type(), "field-" + column.name(), model.zoneProperty());
        var name = new Label(column.name());
        name.getStyleClass().add("field-name");
        var type = new Label(column.type().typeText());
        type.getStyleClass().addAll("muted", "mono", "field-type");
        Fit.keepWidth(name);
        Fit.tooltipWithText(type).setMinWidth(0); // struct<...> types get cut in a narrow form; the name never
        var header = new HBox(8, name, type);
        header.setAlignment(Pos.BASELINE_LEFT);
        if (!column.nullable()) {
            var required = new Label("required");
            required.getStyleClass().addAll("badge", "warning");
            required.setTooltip(new Tooltip("NOT NULL: every record needs a value"));
            header.getChildren().add(required);
        }
        if (column.comment() != null) name.setTooltip(new Tooltip(column.comment()));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header.getChildren().add(spacer);
        CheckBox isNull = null;
        if (column.nullable()) {
            isNull = new CheckBox("NULL");
            isNull.setId("null-" + column.name());
            isNull.setTooltip(new Tooltip("Send no value for this column (SQL NULL)"));
            isNull.setOnAction(e -> push());
            header.getChildren().add(isNull);
        }
        var error = new Label();
        error.setId("error-" + column.name());
        error.getStyleClass().add("problem-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        var block = new VBox(4, header, editor.node(), error);
        block.getStyleClass().addAll("field-block", "raised-block");
        final CheckBox nullBox = isNull;
        editor.onChange(() -> {
            if (applying) return;
            if (nullBox != null) nullBox.setSelected(false);
            push();
        });
        return new Field(column, editor, isNull, error, block);
    }

    /** JSON -> controls (skipped while the form itself is writing the JSON). */
    private void apply(@Nullable Map<String, Object> record) {
        if (pushing || record == null) return;
        applying = true;
        try {
            for (Field f : fields.values()) {
                Object value = record.get(f.column().name());
                if (f.isNull() != null) f.isNull().setSelected(value == null);
                f.editor().setValue(value);
            }
        } finally {
            applying = false;
        }
    }

    /** Controls -> JSON. */
    private void push() {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            if (f.isNull() != null && f.isNull().isSelected()) continue;
            record.put(f.column().name(), f.editor().value());
        }
        pushing = true;
        try {
            model.updateFromForm(record);
        } finally {
            pushing = false;
        }
    }

    private void showErrors() {
        fields.forEach((name, f) -> {
            String message = model.fieldErrors().get(name);
            f.error().setText(message == null ? "" : message);
            f.block().pseudoClassStateChanged(INVALID, message != null);
        });
    }
}
