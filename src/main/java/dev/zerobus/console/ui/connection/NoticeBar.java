package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What just happened (saved, deleted with Undo, using a profile) or what went wrong and what to do. */
final class NoticeBar extends HBox {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    NoticeBar(ConnectionModel model) {
        super(10);
        setId("notice");
        getStyleClass().add("notice");
        setAlignment(Pos.CENTER_LEFT);
        var icon = new FontIcon(Feather.INFO);
        var text = new Label();
        text.setId("notice-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        var undo = new Button("Undo");
        undo.setId("notice-undo");
        undo.getStyleClass().add(Styles.SMALL);
        undo.setOnAction(event -> model.undoDelete());
        var close = new Button(null, new FontIcon(Feather.X));
        close.setId("notice-close");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setOnAction(event -> model.dismissNotice());
        getChildren().addAll(icon, text, undo, close);
        model.noticeProperty().subscribe(notice -> {
            setVisible(notice != null);
            setManaged(notice != null);
            if (notice == null) return;
            text.setText(notice.text());
            icon.setIconCode(notice.isError() ? Feather.ALERT_TRIANGLE : Feather.INFO);
            pseudoClassStateChanged(ERROR, notice.isError());
            undo.setVisible(notice.canUndo());
            undo.setManaged(notice.canUndo());
        });
    }
}
