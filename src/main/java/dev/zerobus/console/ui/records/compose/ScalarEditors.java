package dev.zerobus.console.ui.records.compose;

import atlantafx.base.theme.Styles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.Base64;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.jspecify.annotations.Nullable;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Editors for BOOLEAN, numbers, DECIMAL, text and BINARY. */
final class ScalarEditors {
    private ScalarEditors() {}

    enum Parse { INTEGER, DECIMAL, TEXT }

    static final class Flag implements ValueEditor {
        private final CheckBox box = new CheckBox("true");

        Flag(String id) {
            box.setId(id);
            box.selectedProperty().subscribe(on -> box.setText(on ? "true" : "false"));
        }

        @Override public Node node() { return box; }
        @Override public Object value() { return box.isSelected(); }
        @Override public void setValue(@Nullable Object value) { box.setSelected(Boolean.TRUE.equals(value) || "true".equals(value)); }
        @Override public void onChange(Runnable listener) { box.setOnAction(e -> listener.run()); }
    }

    /** A text field; numbers are sent as numbers when they parse (the codec checks ranges and scale). */
    static final class Text implements ValueEditor {
        private final TextField field = new TextField();
        private final Parse parse;

        Text(String id, Parse parse, String hint) {
            this.parse = parse;
            field.setId(id);
            field.setPromptText(hint);
            field.setTooltip(new Tooltip(hint));
            if (parse != Parse.TEXT) field.getStyleClass().add("mono");
            HBox.setHgrow(field, Priority.ALWAYS);
        }

        @Override public Node node() { return field; }

        @Override public @Nullable Object value() {
            String text = field.getText();
            if (parse == Parse.TEXT) return text;
            if (text.isBlank()) return null;
            try {
                return parse == Parse.INTEGER ? new BigInteger(text.strip()) : new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return text; // the codec says what is wrong with it
            }
        }

        @Override public void setValue(@Nullable Object value) {
            String text = value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            if (!text.equals(field.getText())) field.setText(text);
        }

        @Override public void onChange(Runnable listener) { field.textProperty().addListener((obs, old, now) -> listener.run()); }
    }

    /** Base64 text, or the bytes of a file. */
    static final class Binary implements ValueEditor {
        private final Text text;
        private final HBox box;

        Binary(String id) {
            text = new Text(id, Parse.TEXT, "base64, e.g. aGVsbG8=");
            var file = new Button(null, new FontIcon(Feather.PAPERCLIP));
            file.setId(id + "-file");
            file.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            file.setTooltip(new Tooltip("Use a file's bytes (base64-encoded)"));
            file.setOnAction(e -> chooseFile(file));
            box = new HBox(4, text.node(), file);
        }

        private void chooseFile(Node owner) {
            var chosen = new FileChooser().showOpenDialog(owner.getScene().getWindow());
            if (chosen == null) return;
            try {
                text.setValue(Base64.getEncoder().encodeToString(Files.readAllBytes(chosen.toPath())));
            } catch (IOException e) {
                text.setValue("");
            }
        }

        @Override public Node node() { return box; }
        @Override public @Nullable Object value() { return text.value(); }
        @Override public void setValue(@Nullable Object value) { text.setValue(value); }
        @Override public void onChange(Runnable listener) { text.onChange(listener); }
    }

    static final class Unsupported implements ValueEditor {
        private final Label label;

        Unsupported(String reason) {
            label = new Label("Not supported: " + reason);
            label.getStyleClass().add("muted");
        }

        @Override public Node node() { return label; }
        @Override public @Nullable Object value() { return null; }
        @Override public void setValue(@Nullable Object value) { }
        @Override public void onChange(Runnable listener) { }
    }
}
