package dev.zerobus.console.cli;

import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.source.SyntheticRecords;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerobus-console generate}: loads realistic synthetic records into a table. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates realistic records for every column of a table and loads them through Zerobus Ingest.",
            "Progress goes to stderr every second; the summary is one JSON line on stdout (as for ingest)."},
        footer = {"", "Exit codes: 0 every record landed, 1 records failed or the load stopped, 2 a usage or configuration problem."})
public final class GenerateCommand extends LoadCommand {
    @Option(names = "--count", required = true, paramLabel = "N", description = "How many records to generate.")
    long count;

    @Option(names = "--rate", paramLabel = "R", description = "At most R records per second; 0 means as fast as possible (default).")
    double rate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the generator: the same seed gives the same values (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    public GenerateCommand() {
        this(new ConnectionOptions());
    }

    GenerateCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) throws Exception {
        if (count < 1) throw CliProblem.usage("--count must be at least 1, not " + count + ".", "Pass the number of records to generate.");
        if (rate < 0) throw CliProblem.usage("--rate cannot be negative.", "Pass records per second, or 0 for no limit.");
        TableSchema schema = tableSchema(connection);
        // Generated times are epoch microseconds, which is what the codec's defaults read.
        LoadOptions options = LoadOptions.defaults(format()).withStreams(streams).withRate(rate).withCodec(CodecOptions.defaults());
        try (RecordSource source = new SyntheticRecords(schema, seed).asSource(count)) {
            RecordCodec codec = RecordCodec.forTable(schema, options.codec());
            var mapping = ColumnMapping.auto(schema, source.columns());
            checkLoadable(codec, mapping);
            return runLoad(new LoadJob(connection.profile(), codec, source, SourceOptions.jsonLines(), mapping, options),
                    connection, out, err);
        }
    }
}
