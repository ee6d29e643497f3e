package dev.zerobus.console.ui.catalog;

import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/** A read-only, syntax-coloured code view with line numbers (RichTextFX), for the .proto and the snippets. */
final class CodeBlock extends StackPane {
    private final CodeArea area = new CodeArea();

    CodeBlock(String id) {
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(false);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.getStyleClass().add("code-block");
        getChildren().add(new VirtualizedScrollPane<>(area));
        getStyleClass().add("code-block-frame");
    }

    void setText(String text) {
        String value = text == null ? "" : text;
        area.replaceText(value);
        if (!value.isEmpty()) area.setStyleSpans(0, Highlighter.spans(value));
        area.moveTo(0);
        area.requestFollowCaret();
    }

    String getText() {
        return area.getText();
    }

    CodeArea area() {
        return area;
    }
}
