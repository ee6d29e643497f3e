package dev.zerobus.console.ui.records;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.records.compose.ComposerModel;
import dev.zerobus.console.ui.records.fileimport.ImportModel;
import dev.zerobus.console.ui.records.load.GenerateModel;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
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

    public RecordsModel(AppContext context) {
        this.context = context;
        this.composer = new ComposerModel(context);
        this.importer = new ImportModel(context);
        this.generator = new GenerateModel(context);
        context.activeTable().subscribe(this::tableChanged);
        context.activeProfile().addListener((obs, old, now) -> composer.closeSession());
    }

    public ComposerModel composer() { return composer; }
    public ImportModel importer() { return importer; }
    public GenerateModel generator() { return generator; }
    public ReadOnlyObjectProperty<@Nullable TableDetails> tableProperty() { return context.activeTable(); }
    /** Why Zerobus cannot write to the table, or empty. */
    public ReadOnlyStringProperty notWritableProperty() { return notWritable.getReadOnlyProperty(); }

    /** Opens a file for import (what the file chooser and drag and drop call). */
    public void importFile(Path path) {
        importer.importFile(path);
    }

    private void tableChanged(@Nullable TableDetails table) {
        composer.tableProperty().set(table);
        importer.tableProperty().set(table);
        generator.tableProperty().set(table);
        String reason = table == null ? null : table.notWritableReason();
        notWritable.set(reason == null ? "" : reason);
    }
}
