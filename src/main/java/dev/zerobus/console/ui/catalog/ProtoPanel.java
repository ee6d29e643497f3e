package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.schema.ProtoSchema;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The generated .proto, coloured, with Copy and Save, and the columns it had to leave out (with why). */
final class ProtoPanel extends VBox {
    private final CodeBlock code = new CodeBlock("proto-text");
    private final VBox problems = new VBox(4);

    ProtoPanel(Runnable onCopy, Runnable onSave) {
        var title = new Label("Generated .proto");
        title.getStyleClass().add(Styles.TITLE_4);
        var copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("proto-copy");
        copy.setTooltip(new Tooltip("Copy the .proto to the clipboard (Ctrl+Shift+C)"));
        copy.setOnAction(event -> onCopy.run());
        var save = new Button("Save…", new FontIcon(Feather.DOWNLOAD));
        save.setId("proto-save");
        save.setTooltip(new Tooltip("Save the .proto to a file, e.g. to compile it with protoc"));
        save.setOnAction(event -> onSave.run());
        title.setMinWidth(0);
        Fit.keepWidth(copy, save);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, Fit.tooltipWithText(title), spacer, copy, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        problems.setId("proto-problems");
        VBox.setVgrow(code, Priority.ALWAYS);
        getChildren().setAll(bar, problems, code);
        setSpacing(8);
        getStyleClass().add("proto-panel");
    }

    void show(ProtoSchema proto) {
        code.setText(proto.protoText());
        problems.getChildren().clear();
        for (ProtoSchema.ColumnProblem problem : proto.problems()) {
            var line = new Label(problem.message(), new FontIcon(Feather.ALERT_TRIANGLE));
            line.setWrapText(true);
            line.getStyleClass().add("problem-text");
            problems.getChildren().add(line);
        }
        problems.setVisible(!proto.problems().isEmpty());
        problems.setManaged(!proto.problems().isEmpty());
    }

    String text() {
        return code.getText();
    }
}
