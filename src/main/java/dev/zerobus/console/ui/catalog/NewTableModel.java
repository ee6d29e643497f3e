package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TypeParser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/** The "New table" editor: where, what name, and the columns, each type checked with {@link TypeParser} as typed. */
final class NewTableModel {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One editable column; {@link #typeError()} names what is wrong with the type text, empty when it parses. */
    static final class ColumnRow {
        final StringProperty name = new SimpleStringProperty("");
        final StringProperty type = new SimpleStringProperty("string");
        final BooleanProperty nullable = new SimpleBooleanProperty(true);
        private final StringBinding typeError = Bindings.createStringBinding(() -> typeError(type.get()), type);

        StringBinding typeError() { return typeError; }

        private static String typeError(String text) {
            if (text == null || text.isBlank()) return "Enter a type such as string, bigint, timestamp or array<int>.";
            try {
                TypeParser.parseText(text.strip());
                return "";
            } catch (IllegalArgumentException e) {
                return "'" + text.strip() + "' is not a type Unity Catalog knows; try string, bigint, decimal(10,2), array<int>.";
            }
        }
    }

    final StringProperty schema = new SimpleStringProperty("main.default");
    final StringProperty name = new SimpleStringProperty("");
    final ObservableList<ColumnRow> rows = FXCollections.observableArrayList();

    NewTableModel() {
        addColumn("id", "bigint", false);
        addColumn("", "string", true);
    }

    void addColumn(String columnName, String type, boolean nullable) {
        var row = new ColumnRow();
        row.name.set(columnName);
        row.type.set(type);
        row.nullable.set(nullable);
        rows.add(row);
    }

    /** The first thing to fix before the table can be created, naming the field; null when all is well. */
    @Nullable String problem() {
        if (schema.get() == null || schema.get().split("\\.").length != 2) return "Schema: choose catalog.schema, e.g. main.default.";
        if (!NAME.matcher(name.get().strip()).matches()) return "Table name: use letters, digits and _, starting with a letter.";
        if (rows.isEmpty()) return "Columns: add at least one column.";
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            ColumnRow row = rows.get(i);
            String column = row.name.get().strip();
            if (!NAME.matcher(column).matches()) return "Column " + (i + 1) + ": name it with letters, digits and _.";
            if (!seen.add(column)) return "Column " + (i + 1) + ": '" + column + "' is already used.";
            if (!row.typeError().get().isEmpty()) return "Column " + column + ": " + row.typeError().get();
        }
        return null;
    }

    List<TableColumn> columns() {
        return rows.stream().map(row -> {
            ColumnType type = TypeParser.parseText(row.type.get().strip());
            return new TableColumn(row.name.get().strip(), type, row.nullable.get());
        }).toList();
    }

    String catalog() { return schema.get().split("\\.")[0]; }
    String schemaName() { return schema.get().split("\\.")[1]; }
}
