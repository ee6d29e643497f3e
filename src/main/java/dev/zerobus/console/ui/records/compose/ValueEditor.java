package dev.zerobus.console.ui.records.compose;

import dev.zerobus.console.schema.ColumnType;
import java.time.ZoneId;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import org.jspecify.annotations.Nullable;

/**
 * A form control for one value of a column type. Values are the JSON-friendly forms the codec reads: Boolean,
 * numbers, text, epoch days for DATE, epoch micros for TIMESTAMP, List, Map. Text that does not parse is passed
 * on as text, so that the codec names the problem.
 */
interface ValueEditor {
    Node node();

    @Nullable Object value();

    /** Shows a value from the JSON text; a value of the wrong shape is shown as text where possible. */
    void setValue(@Nullable Object value);

    /** Called after every user edit. */
    void onChange(Runnable listener);

    /** The editor for a type; {@code id} prefixes the ids of its controls (for tests and accessibility). */
    static ValueEditor forType(ColumnType type, String id, ObservableValue<ZoneId> zone) {
        return switch (type) {
            case ColumnType.Primitive p -> switch (p.kind()) {
                case BOOLEAN -> new ScalarEditors.Flag(id);
                case BYTE, SHORT, INT, LONG -> new ScalarEditors.Text(id, ScalarEditors.Parse.INTEGER, "whole number, " + p.typeText());
                case FLOAT, DOUBLE -> new ScalarEditors.Text(id, ScalarEditors.Parse.DECIMAL, "number, " + p.typeText());
                case STRING -> new ScalarEditors.Text(id, ScalarEditors.Parse.TEXT, "text");
                case BINARY -> new ScalarEditors.Binary(id);
                case DATE -> new TimeEditors.Day(id);
                case TIMESTAMP -> new TimeEditors.Instant(id, zone);
                case TIMESTAMP_NTZ -> new TimeEditors.Local(id);
            };
            case ColumnType.VarChar v -> new ScalarEditors.Text(id, ScalarEditors.Parse.TEXT, "text, at most " + v.maxLength() + " characters");
            case ColumnType.Decimal d -> new ScalarEditors.Text(id, ScalarEditors.Parse.DECIMAL,
                    "decimal: up to " + (d.precision() - d.scale()) + " digits before the point, " + d.scale() + " after");
            case ColumnType.Array a -> new NestedEditors.ListEditor(a.element(), id, zone);
            case ColumnType.MapOf m -> new NestedEditors.MapEditor(m, id, zone);
            case ColumnType.Struct s -> new NestedEditors.StructEditor(s, id, zone);
            case ColumnType.Unsupported u -> new ScalarEditors.Unsupported(u.reason());
        };
    }
}
