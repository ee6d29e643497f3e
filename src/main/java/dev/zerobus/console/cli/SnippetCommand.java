package dev.zerobus.console.cli;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.snippet.SnippetGenerator;
import dev.zerobus.console.snippet.SnippetLanguage;
import dev.zerobus.console.snippet.SnippetRecordType;
import dev.zerobus.console.snippet.SnippetRequest;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerobus-console snippet}: a producer program for a table in an official SDK's language. */
@Command(name = "snippet", mixinStandardHelpOptions = true,
        description = {"Prints a complete producer program for a table, using an official Zerobus Ingest SDK.",
            "It reads the client secret from DATABRICKS_CLIENT_SECRET; the secret itself is never printed."},
        footer = {"", "Exit codes: 0 printed, 1 the table could not be read, 2 a usage problem."})
public final class SnippetCommand extends AsYouCommand {
    @Option(names = "--table", required = true, paramLabel = "CATALOG.SCHEMA.TABLE", description = "The table to write to.")
    String table;

    @Option(names = "--lang", required = true, paramLabel = "LANG", converter = CliValues.Language.class,
            description = "python, java, go, ts or rust.")
    SnippetLanguage language;

    @Option(names = "--record-type", paramLabel = "TYPE", converter = CliValues.RecordType.class,
            description = "json (default) or proto.")
    SnippetRecordType recordType = SnippetRecordType.JSON;

    public SnippetCommand() {
        this(new ConnectionOptions());
    }

    SnippetCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) {
        var profile = connection.profile();
        var details = new CatalogBrowser(WorkspaceClients.asYou(profile)).table(table);
        var request = new SnippetRequest(language, recordType, details.schema(), profile.zerobusEndpoint(),
                profile.workspaceUrl(), profile.clientId());
        var generator = new SnippetGenerator();
        err.println("Save it as " + generator.fileName(request) + ".");
        out.print(connection.redact(generator.generate(request)));
        return ExitCodes.OK;
    }
}
