package dev.zerobus.console.ui.catalog;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Table tab: header with details and privileges, then columns beside the generated .proto. */
final class TableTab extends VBox {
    private final TableHeader header = new TableHeader();
    private final ColumnsTable columns = new ColumnsTable();
    private final ProtoPanel proto;

    TableTab(Runnable onCopy, Runnable onSave) {
        proto = new ProtoPanel(onCopy, onSave);
        var split = new SplitPane(columns, proto);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.52);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().setAll(header, split);
        getStyleClass().add("table-tab");
    }

    void show(SelectedTable table) {
        header.show(table);
        columns.show(table);
        proto.show(table.proto(), table.details().schema());
    }

    String protoText() {
        return proto.text();
    }
}
