package dev.zerobus.console.app;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ui.LastSessionModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Under the context bar at launch: what the last session left unfinished, with Resume and Discard. */
final class LastSessionBar extends HBox {
    LastSessionBar(LastSessionModel model) {
        super(10);
        setId("last-session");
        getStyleClass().add("last-session-bar");
        setAlignment(Pos.CENTER_LEFT);
        var text = new Label();
        text.setId("last-session-text");
        text.setWrapText(true);
        text.textProperty().bind(model.offeredProperty().map(LastSessionModel::describe).orElse(""));
        var problem = new Label();
        problem.setId("last-session-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        var texts = new VBox(2, text, problem);
        texts.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(texts, Priority.ALWAYS);
        var resume = new Button("Resume", new FontIcon(Feather.PLAY));
        resume.setId("last-session-resume");
        resume.getStyleClass().add(Styles.ACCENT);
        resume.disableProperty().bind(model.canResume().not());
        resume.setOnAction(event -> model.resume());
        var discard = new Button("Discard");
        discard.setId("last-session-discard");
        discard.setOnAction(event -> model.discard());
        resume.setMinWidth(Region.USE_PREF_SIZE);
        discard.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().setAll(new FontIcon(Feather.ALERT_CIRCLE), texts, resume, discard);
        managedProperty().bind(model.offeredProperty().isNotNull());
        visibleProperty().bind(managedProperty());
    }
}
