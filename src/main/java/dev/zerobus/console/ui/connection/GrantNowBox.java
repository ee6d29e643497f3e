package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ui.ProblemLine;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Under the failed grants step: "Grant now" (as You), and on refusal the reason and the GRANT to hand to an owner. */
final class GrantNowBox extends VBox {
    GrantNowBox(ConnectionModel model) {
        GrantNowModel grant = model.grantNow();
        getStyleClass().addAll("grant-now-box", "step-body");
        setId("grant-now-box");
        var button = new Button("Grant now", new FontIcon(Feather.KEY));
        button.setId("step-grant-now");
        button.getStyleClass().add(Styles.ACCENT);
        button.setTooltip(new Tooltip("Run the missing GRANT statements as You (you need to own the table, hold MANAGE, or be a metastore admin)"));
        button.disableProperty().bind(grant.runningProperty());
        button.setOnAction(event -> model.grantMissing());
        var spinner = StepRow.spinner(16);
        spinner.visibleProperty().bind(grant.runningProperty());
        var hint = new Label("Runs the GRANTs above as You, then tests again.");
        hint.getStyleClass().add("muted");
        var line = new HBox(8, button, spinner, hint);
        line.setAlignment(Pos.CENTER_LEFT);
        var refused = ProblemLine.of("grant-now-problem", grant.problemProperty());
        refused.setMinHeight(Region.USE_PREF_SIZE);
        var statements = new TextArea();
        statements.setId("grant-now-handover");
        statements.setEditable(false);
        statements.setWrapText(true);
        statements.setPrefRowCount(4);
        statements.getStyleClass().addAll("mono", "copyable-fix");
        statements.textProperty().bind(grant.handoverProperty());
        HBox.setHgrow(statements, Priority.ALWAYS);
        var copy = new CopyButton("Copy", "Copy the GRANT statements to hand to the table's owner", grant.handoverProperty()::get);
        copy.setId("grant-now-copy");
        var handover = new HBox(8, statements, copy);
        handover.visibleProperty().bind(grant.handoverProperty().isNotEmpty());
        handover.managedProperty().bind(handover.visibleProperty());
        getChildren().addAll(line, refused, handover);
    }
}
