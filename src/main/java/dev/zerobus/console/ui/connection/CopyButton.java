package dev.zerobus.console.ui.connection;

import atlantafx.base.theme.Styles;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A button that puts text on the system clipboard and says "Copied" for a moment. */
final class CopyButton extends Button {
    private final PauseTransition revert = new PauseTransition(Duration.seconds(1.5));

    CopyButton(String text, String tooltip, Supplier<String> content) {
        super(text, new FontIcon(Feather.COPY));
        getStyleClass().add(Styles.SMALL);
        setTooltip(new Tooltip(tooltip));
        revert.setOnFinished(event -> setText(text));
        setOnAction(event -> copy(content.get()));
    }

    private void copy(String content) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, content));
        setText("Copied");
        revert.playFromStart();
    }
}
