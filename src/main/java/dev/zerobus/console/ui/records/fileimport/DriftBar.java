package dev.zerobus.console.ui.records.fileimport;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.setup.SchemaDrift;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.ui.ProblemLine;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shown when the file has columns the table lacks: what they are, and adding them after seeing the ALTER TABLE. */
final class DriftBar extends VBox {
    private static final ButtonType RUN = new ButtonType("Run ALTER TABLE", ButtonBar.ButtonData.OK_DONE);

    DriftBar(DriftCheck drift) {
        setId("import-drift");
        getStyleClass().add("drift-bar");
        var icon = new FontIcon(Feather.COLUMNS);
        var text = new Label();
        text.setId("import-drift-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE); // grows to show every line rather than cutting the last one
        Fit.tooltipWithText(text); // the column list can be long
        text.textProperty().bind(drift.driftProperty().map(DriftCheck::describe).orElse(""));
        HBox.setHgrow(text, Priority.ALWAYS);
        var add = new Button("Add them to the table…", new FontIcon(Feather.PLUS_SQUARE));
        add.setId("import-drift-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(drift.runningProperty());
        Fit.keepWidth(add); // the text wraps beside it, the button keeps its label
        add.setOnAction(event -> confirm(drift));
        var busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(drift.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        var line = new HBox(10, icon, text, busy, add);
        line.setAlignment(Pos.CENTER_LEFT);
        var problem = ProblemLine.of("import-drift-problem", drift.problemProperty());
        getChildren().addAll(line, problem);
        visibleProperty().bind(drift.driftProperty().isNotNull().or(drift.problemProperty().isNotEmpty()));
        managedProperty().bind(visibleProperty());
    }

    /** Shows the statement first; it runs only on "Run ALTER TABLE". */
    private void confirm(DriftCheck drift) {
        SchemaDrift d = drift.driftProperty().get();
        if (d == null) return;
        var sql = new TextArea(d.alterSql());
        sql.setId("import-drift-sql");
        sql.setEditable(false);
        sql.setPrefRowCount(Math.min(10, d.alterSql().lines().toList().size() + 1));
        sql.getStyleClass().add("mono");
        var note = new Label("Runs as You on a SQL warehouse. New columns are nullable: rows already in the table get NULL."
                + (d.typeConflicts().isEmpty() ? "" : "\nNot changed (Delta cannot change a column's type): "
                + String.join("; ", d.typeConflicts())));
        note.setWrapText(true);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, "", RUN, ButtonType.CANCEL);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Add columns to " + d.table());
        alert.setHeaderText("Add " + d.missing().size() + " column(s) to " + d.table() + "?");
        alert.getDialogPane().setContent(new VBox(8, sql, note));
        alert.getDialogPane().lookupButton(RUN).setId("import-drift-run");
        alert.showAndWait().filter(RUN::equals).ifPresent(b -> drift.addColumns());
    }
}
