package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.snippet.SnippetLanguage;
import dev.zerobus.console.snippet.SnippetRecordType;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Code tab: a producer program for this table per SDK language and record type, ready to copy. */
final class CodeTab extends VBox {
    CodeTab(SnippetModel model, Consumer<String> copy) {
        var language = new ComboBox<SnippetLanguage>();
        language.setId("code-language");
        language.getItems().setAll(SnippetLanguage.values());
        language.valueProperty().bindBidirectional(model.languageProperty());
        language.setConverter(names(SnippetLanguage.class, Map.of(SnippetLanguage.PYTHON, "Python",
                SnippetLanguage.JAVA, "Java", SnippetLanguage.GO, "Go", SnippetLanguage.TYPESCRIPT, "TypeScript",
                SnippetLanguage.RUST, "Rust")));
        language.setTooltip(new Tooltip("Language of the official Zerobus Ingest SDK"));
        var recordType = new ComboBox<SnippetRecordType>();
        recordType.setId("code-record-type");
        recordType.getItems().setAll(SnippetRecordType.values());
        recordType.valueProperty().bindBidirectional(model.recordTypeProperty());
        recordType.setConverter(names(SnippetRecordType.class, Map.of(SnippetRecordType.JSON, "JSON",
                SnippetRecordType.PROTO, "Protobuf")));
        recordType.setTooltip(new Tooltip("JSON text records, or Protobuf messages built from the .proto"));
        var file = new Label();
        file.getStyleClass().addAll("muted", "mono");
        file.textProperty().bind(model.fileNameProperty().map(name -> name.isEmpty() ? "" : "Save as " + name));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var copyButton = new Button("Copy", new FontIcon(Feather.COPY));
        copyButton.setId("code-copy");
        copyButton.setTooltip(new Tooltip("Copy the program; it reads the secret from DATABRICKS_CLIENT_SECRET"));
        copyButton.setOnAction(event -> copy.accept(model.codeProperty().get()));
        var bar = new HBox(8, new Label("Language"), language, new Label("Records"), recordType, file, spacer, copyButton);
        bar.setAlignment(Pos.CENTER_LEFT);

        var code = new CodeBlock("code-text");
        model.codeProperty().subscribe(code::setText);
        VBox.setVgrow(code, Priority.ALWAYS);
        var cli = new Label();
        cli.setId("code-cli");
        cli.getStyleClass().addAll("muted", "mono");
        cli.textProperty().bind(model.cliCommandProperty().map(c -> c.isEmpty() ? "" : "Or with this console:  " + c));
        cli.setWrapText(true);
        getChildren().setAll(bar, code, cli);
        setSpacing(10);
        getStyleClass().add("code-tab");
    }

    private static <E extends Enum<E>> StringConverter<E> names(Class<E> type, Map<E, String> names) {
        return new StringConverter<>() {
            @Override public String toString(E value) { return value == null ? "" : names.get(value); }
            @Override public E fromString(String text) {
                return names.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
            }
        };
    }
}
