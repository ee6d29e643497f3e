package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.setup.InferredColumn;
import dev.zerobus.console.setup.InferredSchema;
import dev.zerobus.console.setup.Warehouse;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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

/**
 * The "New table" editor: where, what name, on which SQL warehouse, and the columns (typed, or inferred from a file and
 * then edited), each type checked with {@link TypeParser} as typed, and the {@code CREATE TABLE} that will run.
 */
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
    final StringProperty comment = new SimpleStringProperty("");
    final ObservableList<ColumnRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.name, row.type, row.nullable});
    final ObservableList<Warehouse> warehouses = FXCollections.observableArrayList();
    final ObjectProperty<@Nullable Warehouse> warehouse = new SimpleObjectProperty<>();
    /** What the last inference read ("Inferred from orders.csv: …"), empty when the columns were typed. */
    final StringProperty inferred = new SimpleStringProperty("");
    private final StringBinding sql = Bindings.createStringBinding(this::sqlText, schema, name, comment, rows);
    private final StringBinding warehouseNote = Bindings.createStringBinding(() -> {
        Warehouse w = warehouse.get();
        if (w == null) return warehouses.isEmpty() ? "No SQL warehouse is visible to you: ask an admin for CAN USE on one." : "Pick a warehouse.";
        if (w.isRunning()) return "Running.";
        if (w.isStarting()) return "Starting: the table is created once it runs (this can take minutes).";
        if (w.isStopped()) return "Stopped: Create starts it first (this can take minutes).";
        return "State " + w.state() + ": pick another warehouse.";
    }, warehouse, warehouses);

    NewTableModel() {
        addColumn("id", "bigint", false);
        addColumn("", "string", true);
    }

    /** The statement Create will run, or a comment saying what to fix first. */
    StringBinding sql() { return sql; }
    StringBinding warehouseNote() { return warehouseNote; }

    /** Shows a warehouse list, keeping the picked one when it is still there, else the first running one. */
    void setWarehouses(List<Warehouse> list) {
        String picked = warehouse.get() == null ? null : warehouse.get().id();
        warehouses.setAll(list);
        warehouse.set(list.stream().filter(w -> w.id().equals(picked)).findFirst()
                .or(() -> list.stream().filter(Warehouse::isRunning).findFirst())
                .orElse(list.isEmpty() ? null : list.get(0)));
    }

    /** Replaces the columns with those inferred from a file (nullable; the person may change names and types). */
    void applyInference(InferredSchema schema, String fileName) {
        rows.clear();
        for (InferredColumn c : schema.columns()) addColumn(c.name(), TableSql.typeSql(c.type()).toLowerCase(Locale.ROOT), true);
        if (name.get().isBlank()) name.set(TableSql.suggestName(fileName.replaceFirst("\\.[^.]*$", "")));
        // The service's notes say how much was sampled when it was not the whole file.
        inferred.set(String.format(Locale.ROOT, "Inferred from %s%s in %d ms. Change any name or type below before creating.",
                fileName, schema.wholeFile() ? String.format(Locale.ROOT, " (the whole file, %,d rows)", schema.rowsSampled()) : "",
                schema.elapsed().toMillis()) + (schema.notes().isEmpty() ? "" : "\n" + String.join("\n", schema.notes())));
    }

    String fullName() {
        return schema.get() + "." + name.get().strip();
    }

    private String sqlText() {
        String error = problem();
        if (error != null) return "-- " + error;
        try {
            return TableSql.createTable(fullName(), columns(), comment.get().isBlank() ? null : comment.get());
        } catch (RuntimeException e) {
            return "-- " + e.getMessage();
        }
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
