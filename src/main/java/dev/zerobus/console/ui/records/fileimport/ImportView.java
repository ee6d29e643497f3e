package dev.zerobus.console.ui.records.fileimport;

import static dev.zerobus.console.ui.records.shared.Sections.titled;

import atlantafx.base.theme.Styles;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ui.Fit;
import dev.zerobus.console.ui.ProblemLine;
import dev.zerobus.console.ui.ToolbarRow;
import dev.zerobus.console.ui.records.load.LoadProgressView;
import dev.zerobus.console.ui.records.shared.ErrorsTable;
import dev.zerobus.console.ui.records.shared.Zones;
import java.io.File;
import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The file import tab: file (chooser or drop), preview and mapping, options, progress and bad rows. */
public final class ImportView extends VBox {
    private final ImportModel model;

    public ImportView(ImportModel model) {
        this.model = model;
        setSpacing(10);
        getStyleClass().add("import-view");
        var top = new SplitPane(titled("Preview", "First rows of the file", new PreviewTable(model)), createMapping());
        top.setDividerPositions(0.45);
        var bottom = new VBox(8, createOptions(), new LoadProgressView(model.run(), "import"), createErrors());
        var split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        VBox.setVgrow(split, Priority.ALWAYS);
        setId("import-view");
        getChildren().setAll(createDropArea(), new DriftBar(model.drift()), split);
    }

    /** Opens {@code file} for import, as choosing or dropping it does. */
    public void importFile(Path file) {
        model.importFile(file);
    }

    public void chooseFile() {
        var chooser = new FileChooser();
        chooser.setTitle("Import records from a file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("CSV, JSON Lines, JSON", "*.csv", "*.tsv", "*.jsonl", "*.ndjson", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) model.importFile(file.toPath());
    }

    private HBox createDropArea() {
        var icon = new FontIcon(Feather.UPLOAD);
        var file = new Label();
        file.setId("import-file");
        file.getStyleClass().add("field-name");
        file.textProperty().bind(model.fileProperty().map(p -> p.getFileName().toString())
                .orElse("Drop a CSV, JSON Lines or JSON file here, or choose one"));
        var format = new Label();
        format.getStyleClass().add("muted");
        format.textProperty().bind(model.previewProperty().map(p -> p.options().format() + (p.endOfFile()
                ? " · " + p.rows().size() + " rows" : " · " + p.totalBytes() / 1024 + " KB")).orElse(""));
        var problem = new Label();
        problem.setId("import-file-problem");
        problem.getStyleClass().add("problem-text");
        problem.textProperty().bind(model.fileProblemProperty());
        var choose = new Button("Choose file…", new FontIcon(Feather.FOLDER));
        choose.setId("choose-file");
        choose.setTooltip(new Tooltip("Ctrl+O"));
        choose.setOnAction(e -> chooseFile());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var area = new HBox(10, icon, file, format, problem, spacer, choose);
        area.setId("import-drop");
        area.setAlignment(Pos.CENTER_LEFT);
        area.getStyleClass().add("drop-area");
        area.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        area.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) model.importFile(e.getDragboard().getFiles().getFirst().toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
        return area;
    }

    private VBox createMapping() {
        var scroll = new ScrollPane(new MappingGrid(model));
        scroll.setFitToWidth(true);
        var problems = ProblemLine.of("mapping-problems", model.mappingProblemsProperty());
        var box = titled("Mapping", "File column → table column; values checked before the load", scroll);
        box.getChildren().add(problems);
        return box;
    }

    private ToolbarRow createOptions() {
        var policy = new ChoiceBox<>(FXCollections.observableArrayList(ImportModel.ErrorChoice.values()));
        policy.setId("import-policy");
        policy.valueProperty().bindBidirectional(model.errorChoiceProperty());
        Fit.widthInEm(policy, 16.5); // its skin keeps the width of the text size it was first shown at
        var zone = new ComboBox<>(FXCollections.observableArrayList(Zones.common()));
        zone.setId("import-zone");
        zone.setConverter(Zones.converter());
        zone.valueProperty().bindBidirectional(model.zoneProperty());
        zone.setTooltip(new Tooltip("Zone of timestamps written without an offset"));
        Fit.widthInEm(zone, 12.9); // 180px at 14px
        var format = new ChoiceBox<>(FXCollections.observableArrayList(RecordFormat.values()));
        format.setId("import-format");
        format.valueProperty().bindBidirectional(model.formatProperty());
        var streams = new Spinner<Integer>(1, 16, 1);
        streams.setId("import-streams");
        Fit.widthInEm(streams, 6.4);
        streams.valueProperty().subscribe(n -> model.streamsProperty().set(n));
        streams.setTooltip(new Tooltip("Parallel streams (each up to 15,000 records/s)"));
        var start = new Button("Start load", new FontIcon(Feather.PLAY));
        start.setId("import-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(model.canStart().not());
        start.setOnAction(e -> model.start());
        var options = new FlowPane(8, 8, new HBox(8, muted("On bad rows"), policy), new HBox(8, muted("Zone"), zone),
                new HBox(8, muted("Type"), format), new HBox(8, muted("Streams"), streams));
        options.getChildren().forEach(n -> ((HBox) n).setAlignment(Pos.CENTER_LEFT));
        options.setAlignment(Pos.CENTER_LEFT);
        options.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        start.setMinWidth(Region.USE_PREF_SIZE);
        return new ToolbarRow(options, start);
    }

    private VBox createErrors() {
        var save = new Button("Save failed rows…", new FontIcon(Feather.DOWNLOAD));
        save.setId("save-failed");
        save.setTooltip(new Tooltip("A file of the bad rows with the reason for each, to fix and load again"));
        save.disableProperty().bind(model.failedRowsFileProperty().isNull());
        save.setOnAction(e -> saveFailedRows());
        var reload = new Button("Load failed rows", new FontIcon(Feather.ROTATE_CCW));
        reload.setId("reload-failed");
        reload.setTooltip(new Tooltip("Import the failed rows again once fixed (the saved copy, if you saved one)"));
        reload.disableProperty().bind(save.disableProperty());
        reload.setOnAction(e -> model.reloadFailedRows());
        var table = new ErrorsTable(model.run().errors(), "import-errors");
        var box = titled("Bad rows", "Line, column, value and why", table);
        ((HBox) box.getChildren().getFirst()).getChildren().addAll(spacer(), save, reload);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private void saveFailedRows() {
        Path source = model.failedRowsFileProperty().get();
        var chooser = new FileChooser();
        chooser.setTitle("Save failed rows");
        Path beside = model.failedRowsDirectory();
        if (beside != null) chooser.setInitialDirectory(beside.toFile());
        chooser.setInitialFileName(model.fileProperty().get() == null ? "failed-rows" + extension(source)
                : FailedRowsName.of(model.fileProperty().get(), source));
        File target = chooser.showSaveDialog(getScene().getWindow());
        if (target != null) model.saveFailedRows(target.toPath());
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        return n.substring(n.lastIndexOf('.'));
    }

    private static Region spacer() {
        var r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Label muted(String text) {
        var l = new Label(text);
        l.getStyleClass().add("muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** {@code data.csv} -> {@code data.failed.csv}. */
    private static final class FailedRowsName {
        static String of(Path file, Path written) {
            String n = file.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return (dot > 0 ? n.substring(0, dot) : n) + ".failed" + extension(written);
        }
    }
}
