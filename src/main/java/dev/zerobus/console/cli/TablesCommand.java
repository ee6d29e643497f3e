package dev.zerobus.console.cli;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.CatalogSummary;
import dev.zerobus.console.catalog.SchemaSummary;
import dev.zerobus.console.catalog.TableSummary;
import dev.zerobus.console.catalog.WorkspaceClients;
import java.io.PrintWriter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerobus-console tables}: browses Unity Catalog one level at a time. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Lists the catalogs; with --catalog, its schemas; with --catalog and --schema, its tables,",
            "with their type, format and whether Zerobus can write to them."},
        footer = {"", "Exit codes: 0 listed, 1 the listing failed, 2 a usage problem."})
public final class TablesCommand extends AsYouCommand {
    @Option(names = "--catalog", paramLabel = "CATALOG", description = "List the schemas of this catalog.")
    @Nullable String catalog;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "With --catalog: list the tables of this schema.")
    @Nullable String schema;

    public TablesCommand() {
        this(new ConnectionOptions());
    }

    TablesCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) {
        if (schema != null && catalog == null) {
            throw CliProblem.usage("--schema needs --catalog.", "Pass --catalog C --schema S to list the tables of C.S.");
        }
        var browser = new CatalogBrowser(WorkspaceClients.asYou(connection.profile()));
        if (catalog == null) {
            var table = new TextTable(Arrays.asList("CATALOG", "COMMENT"));
            for (CatalogSummary c : browser.listCatalogs()) table.add(Arrays.asList(c.name(), orEmpty(c.comment())));
            out.print(table.render());
        } else if (schema == null) {
            var table = new TextTable(Arrays.asList("SCHEMA", "COMMENT"));
            for (SchemaSummary s : browser.listSchemas(catalog)) table.add(Arrays.asList(s.name(), orEmpty(s.comment())));
            out.print(table.render());
        } else {
            var table = new TextTable(Arrays.asList("TABLE", "TYPE", "FORMAT", "ZEROBUS"));
            for (TableSummary t : browser.listTables(catalog, schema)) {
                table.add(Arrays.asList(t.name(), orEmpty(t.tableType()), orEmpty(t.dataSourceFormat()),
                        t.isZerobusWritable() ? "writable" : "no: " + t.zerobus().reason()));
            }
            out.print(table.render());
        }
        return ExitCodes.OK;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
