package dev.zerobus.console.ui.records.fileimport;

import dev.zerobus.console.schema.TableColumn;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One table column in the import's mapping table: where its value comes from, and the first row's value encoded. */
public final class MappingRow {
    /** The choices of the Source box: a file column, or one of the fixed kinds. */
    public record Choice(Kind kind, String fileColumn) {
        public enum Kind { FILE_COLUMN, SKIP, CONSTANT, GENERATED }

        static Choice file(String column) { return new Choice(Kind.FILE_COLUMN, column); }
        static final Choice SKIP = new Choice(Kind.SKIP, "");
        static final Choice CONSTANT = new Choice(Kind.CONSTANT, "");
        static final Choice GENERATED = new Choice(Kind.GENERATED, "");

        @Override public String toString() {
            return switch (kind) {
                case FILE_COLUMN -> fileColumn;
                case SKIP -> "Skip (NULL)";
                case CONSTANT -> "Constant…";
                case GENERATED -> "Generated";
            };
        }
    }

    private final TableColumn column;
    private final ObjectProperty<Choice> source = new SimpleObjectProperty<>(Choice.SKIP);
    private final StringProperty constant = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    MappingRow(TableColumn column) {
        this.column = column;
    }

    public TableColumn column() { return column; }
    public String name() { return column.name(); }
    public String typeText() { return column.type().typeText() + (column.nullable() ? "" : " not null"); }
    public boolean required() { return !column.nullable(); }
    public ObjectProperty<Choice> sourceProperty() { return source; }
    public StringProperty constantProperty() { return constant; }
    /** The first preview row's value as it will be sent. */
    public ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    /** A type or mapping problem found before the load, or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }

    void show(String value, String why) {
        preview.set(value);
        problem.set(why);
    }
}
