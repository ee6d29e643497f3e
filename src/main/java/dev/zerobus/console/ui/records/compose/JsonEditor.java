package dev.zerobus.console.ui.records.compose;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/** The record as JSON, highlighted, kept equal to the model's text both ways. */
final class JsonEditor extends StackPane {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\"?)"
            + "|(?<NUMBER>-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|(?<LITERAL>\\btrue\\b|\\bfalse\\b|\\bnull\\b)|(?<PUNCT>[{}\\[\\],:])");

    private final CodeArea area = new CodeArea();

    private final Set<String> unknownKeys;

    JsonEditor(StringProperty text, ObservableSet<String> unknownKeys) {
        this.unknownKeys = unknownKeys;
        area.setId("json-editor");
        area.getStyleClass().add("json-editor");
        area.setWrapText(false);
        area.replaceText(text.get());
        highlight();
        area.textProperty().addListener((obs, old, now) -> {
            highlight();
            if (!now.equals(text.get())) text.set(now);
        });
        text.addListener((obs, old, now) -> {
            if (!now.equals(area.getText())) area.replaceText(now);
        });
        unknownKeys.addListener((SetChangeListener<String>) change -> highlight());
        getChildren().add(new VirtualizedScrollPane<>(area));
        getStyleClass().add("json-editor-box");
    }

    CodeArea area() { return area; }

    private void highlight() {
        area.setStyleSpans(0, spans(area.getText(), unknownKeys));
    }

    static StyleSpans<Collection<String>> spans(String text, Set<String> unknownKeys) {
        Matcher m = TOKENS.matcher(text);
        var spans = new StyleSpansBuilder<Collection<String>>();
        int last = 0;
        while (m.find()) {
            String style = m.group("KEY") != null ? "json-key" : m.group("STRING") != null ? "json-string"
                    : m.group("NUMBER") != null ? "json-number" : m.group("LITERAL") != null ? "json-literal" : "json-punct";
            spans.add(List.of(), m.start() - last);
            boolean unknown = m.group("KEY") != null && unknownKeys.contains(m.group("KEY").substring(1, m.group("KEY").length() - 1));
            spans.add(unknown ? List.of(style, "json-unknown") : List.of(style), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }
}
