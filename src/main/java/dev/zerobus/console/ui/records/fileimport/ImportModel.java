package dev.zerobus.console.ui.records.fileimport;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.RecordFormat;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.ErrorPolicy;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceFormat;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SourcePreview;
import dev.zerobus.console.source.SourceRow;
import dev.zerobus.console.ui.records.load.LoadRunModel;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.*;
import javafx.collections.FXCollections;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * File import: reads a preview of the chosen file, maps its columns onto the table (checked against the preview
 * before anything is sent), then runs the load with the chosen error policy, time zone, record type and number of
 * streams. Bad rows go to a failed-rows file that can be saved and loaded again once fixed. FX thread only.
 */
public final class ImportModel {
    public enum ErrorChoice {
        SKIP("Skip bad rows, load the rest", ErrorPolicy.skip()),
        STOP_AT_FIRST("Stop at the first bad row", ErrorPolicy.stopAtFirst()),
        STOP_AFTER_100("Stop after 100 bad rows", ErrorPolicy.stopAfter(100));

        private final String label;
        final ErrorPolicy policy;

        ErrorChoice(String label, ErrorPolicy policy) { this.label = label; this.policy = policy; }
        @Override public String toString() { return label; }
    }

    private final ObservableValue<@Nullable ConnectionProfile> profile;
    private final Consumer<Path> opened;
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<@Nullable TableDetails> table = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<@Nullable Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable SourcePreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper fileProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mappingProblems = new ReadOnlyStringWrapper("");
    private final ObservableList<MappingRow> mapping = FXCollections.observableArrayList();
    private final ObjectProperty<ErrorChoice> errorChoice = new SimpleObjectProperty<>(ErrorChoice.SKIP);
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneId.systemDefault());
    private final ObjectProperty<RecordFormat> format = new SimpleObjectProperty<>(RecordFormat.JSON);
    private final IntegerProperty streams = new SimpleIntegerProperty(1);
    private final ReadOnlyObjectWrapper<@Nullable Path> failedRowsFile = new ReadOnlyObjectWrapper<>();
    private final LoadRunModel run;
    private final BooleanBinding canStart;
    private final MappingCheck check = new MappingCheck();
    private final ReadOnlyObjectWrapper<@Nullable UnfinishedLoad> resuming = new ReadOnlyObjectWrapper<>();
    private final DriftCheck drift;

    /**
     * @param profile    the active connection profile (no import starts without one)
     * @param run        runs the load and shows its progress
     * @param drift      finds the file's columns the table lacks
     * @param opened     takes each file opened, for File > Recent files
     * @param background reads the file and opens the load
     * @param fx         the FX thread, where results come back
     */
    public ImportModel(ObservableValue<@Nullable ConnectionProfile> profile, LoadRunModel run, DriftCheck drift, Consumer<Path> opened,
                       Executor background, Executor fx) {
        this.profile = profile;
        this.run = run;
        this.drift = drift;
        this.opened = opened;
        this.background = background;
        this.fx = fx;
        canStart = Bindings.createBooleanBinding(() -> preview.get() != null && mappingProblems.get().isEmpty()
                && !run.runningProperty().get() && profile.getValue() != null, preview, mappingProblems, run.runningProperty(), profile);
        table.addListener((obs, old, now) -> { if (file.get() != null) importFile(file.get()); });
        zone.addListener((obs, old, now) -> recheck());
        run.resultProperty().addListener((obs, old, now) -> failedRowsFile.set(now == null || now.failed() == 0 ? null : now.failedRowsFile()));
    }

    public ObjectProperty<@Nullable TableDetails> tableProperty() { return table; }
    public ReadOnlyObjectProperty<@Nullable Path> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<@Nullable SourcePreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty fileProblemProperty() { return fileProblem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty mappingProblemsProperty() { return mappingProblems.getReadOnlyProperty(); }
    public ObservableList<MappingRow> mapping() { return mapping; }
    public ObjectProperty<ErrorChoice> errorChoiceProperty() { return errorChoice; }
    public ObjectProperty<ZoneId> zoneProperty() { return zone; }
    public ObjectProperty<RecordFormat> formatProperty() { return format; }
    public IntegerProperty streamsProperty() { return streams; }
    public ReadOnlyObjectProperty<@Nullable Path> failedRowsFileProperty() { return failedRowsFile.getReadOnlyProperty(); }
    public BooleanBinding canStart() { return canStart; }
    public LoadRunModel run() { return run; }
    /** The stopped import that the next Import continues (its landed rows are skipped), or null for a fresh one. */
    public ReadOnlyObjectProperty<@Nullable UnfinishedLoad> resumingProperty() { return resuming.getReadOnlyProperty(); }

    /**
     * Opens a stopped import's file again, so that Import continues it: the person sees the mapping before anything
     * is sent, and the rows that already landed are skipped. Choosing another file makes the next Import a fresh one.
     */
    public void resume(UnfinishedLoad load) {
        if (load.recipe().file() == null) return;
        format.set(load.recipe().format());
        streams.set(load.recipe().streams());
        importFile(Path.of(load.recipe().file()));
        resuming.set(load);
    }
    /** Columns of the file that the table lacks, and adding them (ALTER TABLE). */
    public DriftCheck drift() { return drift; }

    /** Reads the file's first rows off the FX thread and maps its columns onto the table by name. */
    public void importFile(Path path) {
        resuming.set(null);
        file.set(path);
        opened.accept(path);
        fileProblem.set("");
        CompletableFuture.supplyAsync(() -> readPreview(path), background)
                .whenCompleteAsync((read, error) -> previewRead(path, read, error), fx);
    }

    /** Where "Save failed rows" opens: beside the imported file, where its owner looks for it (null: no file yet). */
    public @Nullable Path failedRowsDirectory() {
        Path source = file.get();
        Path parent = source == null ? null : source.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) ? parent : null;
    }

    /** Loads the failed rows of the last run (after fixing them in an editor). */
    public void reloadFailedRows() {
        if (failedRowsFile.get() != null) importFile(failedRowsFile.get());
    }

    /**
     * Copies the failed-rows file to where the user wants it (to fix it there); "load failed rows" then loads that
     * copy. The future completes on the FX thread.
     */
    public CompletableFuture<Path> saveFailedRows(Path target) {
        Path source = failedRowsFile.get();
        if (source == null) return CompletableFuture.failedFuture(new IllegalStateException("no failed rows"));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).thenApplyAsync(saved -> {
            failedRowsFile.set(saved);
            return saved;
        }, fx);
    }

    public void start() {
        TableDetails t = table.get();
        Path path = file.get();
        SourcePreview p = preview.get();
        ConnectionProfile active = profile.getValue();
        if (!canStart.get() || t == null || path == null || p == null || active == null) return;
        ColumnMapping columnMapping = check.mapping(t.schema(), p.columns(), mapping);
        CodecOptions codecOptions = CodecOptions.forCsv().withZone(zone.get());
        LoadOptions options = LoadOptions.defaults(format.get()).withStreams(streams.get())
                .withErrorPolicy(errorChoice.get().policy).withCodec(codecOptions);
        UnfinishedLoad resume = resuming.get();
        int streamCount = streams.get();
        RecordFormat recordFormat = format.get();
        CompletableFuture.supplyAsync(() -> {
            try {
                var recipe = UnfinishedLoad.Recipe.file(path, Files.size(path), Files.getLastModifiedTime(path).toMillis(),
                        streamCount, recordFormat);
                boolean same = resume != null && resume.table().equalsIgnoreCase(t.fullName())
                        && resume.recipe().fileSize() == recipe.fileSize() && resume.recipe().fileModifiedMillis() == recipe.fileModifiedMillis();
                if (resume != null && !same) throw new ChangedFile();
                LoadOptions loadOptions = same ? options.withAlreadyDurable(resume.ranges()) : options;
                Path failed = Files.createTempFile("zerobus-failed-rows-", p.options().format() == SourceFormat.CSV ? ".csv" : ".jsonl");
                var job = new LoadJob(active, RecordCodec.forTable(t.schema(), codecOptions), RecordSource.open(path, p.options()),
                        p.options(), columnMapping, loadOptions.withFailedRowsFile(failed));
                return new Prepared(job, recipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).whenCompleteAsync((prepared, error) -> {
            if (error != null && error.getCause() instanceof ChangedFile) {
                resuming.set(null);
                fileProblem.set(path.getFileName() + " changed since the import stopped, so its rows cannot be matched with what landed. "
                        + "Import it again as a new load (Import), or restore the file.");
            } else if (error != null) {
                fileProblem.set("Could not open " + path.getFileName() + " to load it. Check that the file still exists and can be read.");
            } else {
                String id = resume != null ? resume.id() : UUID.randomUUID().toString();
                resuming.set(null);
                run.start(prepared.job(), "Import " + path.getFileName(), active, t, prepared.recipe(), id);
            }
        }, fx);
    }

    private record Prepared(LoadJob job, UnfinishedLoad.Recipe recipe) {}

    /** The file's size or time differs from when the stopped import read it. */
    private static final class ChangedFile extends RuntimeException {
        ChangedFile() { super(null, null, false, false); }
    }

    private static SourcePreview readPreview(Path path) {
        try {
            return SourcePreview.read(path, SourceOptions.detect(path), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void previewRead(Path path, @Nullable SourcePreview read, @Nullable Throwable error) {
        TableDetails t = table.get();
        if (!path.equals(file.get())) return; // another file was chosen meanwhile
        if (error != null || read == null) {
            preview.set(null);
            mapping.clear();
            fileProblem.set("Could not read " + path.getFileName() + ". Choose a CSV, JSON Lines or JSON file that exists and can be read.");
            return;
        }
        if (t == null) {
            fileProblem.set("Choose a table in the Catalog pane first: the file's columns are mapped onto its columns.");
            return;
        }
        drift.check(t, path);
        ColumnMapping auto = ColumnMapping.auto(t.schema(), read.columns());
        preview.set(read);
        mapping.setAll(t.schema().columns().stream().map(c -> {
            var row = new MappingRow(c);
            row.sourceProperty().set(MappingCheck.choiceOf(auto.sourceOf(c.name())));
            row.sourceProperty().addListener((obs, old, now) -> recheck());
            row.constantProperty().addListener((obs, old, now) -> recheck());
            return row;
        }).toList());
        recheck();
    }

    private void recheck() {
        TableDetails t = table.get();
        SourcePreview p = preview.get();
        if (t == null || p == null) return;
        List<SourceRow> rows = p.rows();
        mappingProblems.set(check.check(t.schema(), p.columns(), rows, mapping, CodecOptions.forCsv().withZone(zone.get())));
    }
}
