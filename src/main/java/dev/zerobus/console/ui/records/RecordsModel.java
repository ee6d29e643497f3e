package dev.zerobus.console.ui.records;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.records.compose.ComposerModel;
import dev.zerobus.console.ui.records.fileimport.ImportModel;
import dev.zerobus.console.ui.records.load.GenerateModel;
import java.nio.file.Path;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.workspace.ConnectionProfile;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.jspecify.annotations.Nullable;

/**
 * The Records pane: the composer, the file import and the generated load, all on the table chosen in the Catalog
 * pane. A change of table or profile closes the composer's stream. FX thread only.
 */
public final class RecordsModel {
    private final ReadOnlyObjectProperty<@Nullable TableDetails> table;
    private final ObjectProperty<@Nullable UnfinishedLoad> resumeRequest;
    private final ComposerModel composer;
    private final ImportModel importer;
    private final GenerateModel generator;
    private final ReadOnlyStringWrapper notWritable = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable Section> shown = new ReadOnlyObjectWrapper<>();

    /** The Records pane's tabs, for {@link #shownProperty()}. */
    public enum Section { COMPOSE, IMPORT, GENERATE }

    /**
     * @param table         the table chosen in the Catalog pane
     * @param profile       the active connection profile
     * @param resumeRequest a stopped load to resume; taken (set to null) once its table is {@code table}
     */
    public RecordsModel(ComposerModel composer, ImportModel importer, GenerateModel generator,
                        ReadOnlyObjectProperty<@Nullable TableDetails> table, ObservableValue<@Nullable ConnectionProfile> profile,
                        ObjectProperty<@Nullable UnfinishedLoad> resumeRequest) {
        this.table = table;
        this.resumeRequest = resumeRequest;
        this.composer = composer;
        this.importer = importer;
        this.generator = generator;
        table.subscribe(this::tableChanged);
        profile.addListener((obs, old, now) -> composer.closeSession());
        resumeRequest.subscribe(this::resume);
    }

    public ComposerModel composer() { return composer; }
    public ImportModel importer() { return importer; }
    public GenerateModel generator() { return generator; }
    public ReadOnlyObjectProperty<@Nullable TableDetails> tableProperty() { return table; }
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
        TableDetails active = table.get();
        if (load == null || active == null || !active.fullName().equalsIgnoreCase(load.table())) return;
        resumeRequest.set(null);
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

    private void tableChanged(@Nullable TableDetails now) {
        composer.tableProperty().set(now);
        importer.tableProperty().set(now);
        generator.tableProperty().set(now);
        String reason = now == null ? null : now.notWritableReason();
        notWritable.set(reason == null ? "" : reason);
        resume(resumeRequest.get());
    }
}
