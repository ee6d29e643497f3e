package dev.zerobus.console.cli;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.schema.ProtoSchema;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerobus-console proto}: the .proto a table needs for PROTO streams. */
@Command(name = "proto", mixinStandardHelpOptions = true,
        description = "Prints the proto2 schema (.proto) of a table for Zerobus PROTO streams, as the official generators write it.",
        footer = {"", "Exit codes: 0 written, 1 the table could not be read, 2 some columns cannot be carried (listed on stderr)."})
public final class ProtoCommand extends AsYouCommand {
    @Option(names = "--table", required = true, paramLabel = "CATALOG.SCHEMA.TABLE", description = "The Unity Catalog table.")
    String table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the .proto to FILE instead of stdout.")
    @Nullable Path outFile;

    public ProtoCommand() {
        this(new ConnectionOptions());
    }

    ProtoCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) throws Exception {
        var details = new CatalogBrowser(WorkspaceClients.asYou(connection.profile())).table(table);
        ProtoSchema proto = ProtoSchemaMapper.map(details.schema());
        if (outFile == null) {
            out.print(proto.protoText());
        } else {
            Files.writeString(outFile, proto.protoText(), StandardCharsets.UTF_8);
            err.println("Wrote " + outFile);
        }
        if (proto.isUsable()) return ExitCodes.OK;
        err.println("Table " + details.fullName() + " cannot take PROTO streams; the schema above leaves out:");
        for (ProtoSchema.ColumnProblem problem : proto.problems()) err.println("  " + problem.message());
        err.println("Fix: ingest with --record-type json, or change these columns' types.");
        return ExitCodes.USAGE;
    }
}
