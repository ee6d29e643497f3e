package dev.zerobus.console.ui.records;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.records.compose.ComposerModel;
import dev.zerobus.console.ui.records.fileimport.ImportModel;
import dev.zerobus.console.ui.records.load.GenerateModel;
import java.nio.file.Path;
import dev.zerobus.console.ingest.UnfinishedLoad;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The Records pane: the composer, the file import and the generated load, all on the table chosen in the Catalog
 * pane. A change of table or profile closes the composer's stream. FX thread only.
 */
public final class RecordsModel {
    private final AppContext context;
    private final ComposerModel composer;
    private final ImportModel importer;
    private final GenerateModel generator;
    private final ReadOnlyStringWrapper notWritable = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable Section> shown = new ReadOnlyObjectWrapper<>();

    /** The Records pane's tabs, for {@link #shownProperty()}. */
    public enum Section { COMPOSE, IMPORT, GENERATE }

    public RecordsModel(AppContext context) {
        this.context = context;
        this.composer = new ComposerModel(context);
        this.importer = new ImportModel(context);
        this.generator = new GenerateModel(context);
        context.activeTable().subscribe(this::tableChanged);
        context.activeProfile().addListener((obs, old, now) -> composer.closeSession());
        context.resumeRequest().subscribe(this::resume);
    }

    public ComposerModel composer() { return composer; }
    public ImportModel importer() { return importer; }
    public GenerateModel generator() { return generator; }
    public ReadOnlyObjectProperty<@Nullable TableDetails> tableProperty() { return context.activeTable(); }
    /** The tab a command wants on show (a resumed load's); null until one does. */
    public ReadOnlyObjectProperty<@Nullable Section> shownProperty() { return shown.getReadOnlyProperty(); }
    /** Why Zerobus cannot write to the table, or empty. */
    public ReadOnlyStringProperty notWritableProperty() { return notWritable.getReadOnlyProperty(); }

    /** Opens a file for import (what the file chooser and drag and drop call). */
    public void importFile(Path path) {
        importer.importFile(path);
    }

    /** Takes a resume request once its table is the active one: a generated load restarts, a file import is reopened. */
    private void resume(@Nullable UnfinishedLoad load) {
        TableDetails table = context.activeTable().get();
        if (load == null || table == null || !table.fullName().equalsIgnoreCase(load.table())) return;
        context.resumeRequest().set(null);
        switch (load.recipe().kind()) {
            case GENERATED -> {
                shown.set(null); // so that the same tab asked twice is selected twice
                shown.set(Section.GENERATE);
                generator.resume(load);
            }
            case FILE -> {
                shown.set(null);
                shown.set(Section.IMPORT);
                importer.resume(load);
            }
        }
    }

    private void tableChanged(@Nullable TableDetails table) {
        composer.tableProperty().set(table);
        importer.tableProperty().set(table);
        generator.tableProperty().set(table);
        String reason = table == null ? null : table.notWritableReason();
        notWritable.set(reason == null ? "" : reason);
        resume(context.resumeRequest().get());
    }
}
