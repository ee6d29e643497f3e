package dev.zerobus.console.ui.catalog;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.schema.ProtoSchema;
import dev.zerobus.console.schema.TableSchema;
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
    private final Label omittable = new Label();

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
        omittable.setId("proto-omittable");
        omittable.setWrapText(true);
        omittable.getStyleClass().add("muted");
        omittable.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(code, Priority.ALWAYS);
        getChildren().setAll(bar, omittable, problems, code);
        setSpacing(8);
        getStyleClass().add("proto-panel");
    }

    void show(ProtoSchema proto, TableSchema table) {
        code.setText(proto.protoText());
        omittable.setText(omittableText(table));
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

    /** Which columns a producer may leave out of its records and its descriptor (nullable ones land as NULL). */
    static String omittableText(TableSchema table) {
        var may = table.omittableColumns();
        var must = table.requiredColumns();
        if (may.isEmpty()) return "Every column is NOT NULL: records and the descriptor must carry all of them.";
        return "May be left out (nullable, lands as NULL): " + String.join(", ", may) + "."
                + (must.isEmpty() ? "" : " Must be sent (NOT NULL): " + String.join(", ", must) + ".");
    }

    String text() {
        return code.getText();
    }
}
