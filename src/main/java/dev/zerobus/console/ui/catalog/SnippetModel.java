package dev.zerobus.console.ui.catalog;

import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.snippet.SnippetGenerator;
import dev.zerobus.console.snippet.SnippetLanguage;
import dev.zerobus.console.snippet.SnippetRecordType;
import dev.zerobus.console.snippet.SnippetRequest;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.workspace.ConnectionProfile;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/**
 * The Code tab: a producer program for the selected table in the chosen SDK language and record type. Generating is
 * a few string templates (microseconds), so it runs on the FX thread whenever a choice changes. Never holds a secret.
 */
final class SnippetModel {
    private final AppContext context;
    private final SnippetGenerator generator = new SnippetGenerator();
    private final ObjectProperty<@Nullable TableSchema> table = new SimpleObjectProperty<>();
    private final ObjectProperty<SnippetLanguage> language = new SimpleObjectProperty<>(SnippetLanguage.PYTHON);
    private final ObjectProperty<SnippetRecordType> recordType = new SimpleObjectProperty<>(SnippetRecordType.JSON);
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cliCommand = new ReadOnlyStringWrapper("");

    SnippetModel(AppContext context) {
        this.context = context;
        table.subscribe(this::generate);
        language.subscribe(this::generate);
        recordType.subscribe(this::generate);
        context.activeProfile().subscribe(this::generate);
    }

    ObjectProperty<@Nullable TableSchema> tableProperty() { return table; }
    ObjectProperty<SnippetLanguage> languageProperty() { return language; }
    ObjectProperty<SnippetRecordType> recordTypeProperty() { return recordType; }
    ReadOnlyStringProperty codeProperty() { return code.getReadOnlyProperty(); }
    /** What the snippet's header says to save it as ("producer.py"). */
    ReadOnlyStringProperty fileNameProperty() { return fileName.getReadOnlyProperty(); }
    /** The same load with this console's CLI. */
    ReadOnlyStringProperty cliCommandProperty() { return cliCommand.getReadOnlyProperty(); }

    private void generate() {
        TableSchema schema = table.get();
        ConnectionProfile profile = context.activeProfile().get();
        if (schema == null || profile == null) {
            code.set("");
            fileName.set("");
            cliCommand.set("");
            return;
        }
        var request = new SnippetRequest(language.get(), recordType.get(), schema, profile.zerobusEndpoint(),
                profile.workspaceUrl(), profile.clientId());
        code.set(generator.generate(request));
        fileName.set(generator.fileName(request));
        cliCommand.set(generator.cliCommand(request, "records.jsonl", profile.name()));
    }
}
