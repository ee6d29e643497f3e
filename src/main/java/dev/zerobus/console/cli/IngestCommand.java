package dev.zerobus.console.cli;

import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.ResumePoint;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.ErrorPolicy;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceFormat;
import dev.zerobus.console.source.SourceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerobus-console ingest}: loads a CSV or JSON file into a table through Zerobus. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Loads a CSV, JSON Lines or JSON array file into a table through Zerobus Ingest. File columns map to",
            "table columns by name. Progress goes to stderr every second; the summary is one JSON line on stdout:",
            "{\"read\":..,\"skipped\":..,\"sent\":..,\"acked\":..,\"failed\":..,\"retries\":..,\"rotations\":..,\"seconds\":..,\"cancelled\":..}.",
            "Ctrl+C stops the load, reports exactly what landed and saves a resume point (see --resume)."},
        footer = {"", "Exit codes: 0 every row landed, 1 rows failed or the load stopped, 2 a usage or configuration problem."})
public final class IngestCommand extends LoadCommand {
    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The file to load.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", converter = CliValues.FileFormat.class,
            description = "csv, jsonl or json (an array); default: from the extension and first character.")
    @Nullable SourceFormat sourceFormat;

    @Option(names = "--on-error", paramLabel = "POLICY", converter = CliValues.OnError.class,
            description = "For bad rows: skip (default) and go on, stop at the first, or max=N to stop after N.")
    ErrorPolicy onError = ErrorPolicy.skip();

    @Option(names = "--failed-rows", paramLabel = "FILE",
            description = "Write bad rows here with their line and reason (CSV; fix them and load the file again).")
    @Nullable Path failedRows;

    @Option(names = "--time-zone", paramLabel = "ZONE", converter = CliValues.TimeZone.class,
            description = "Zone of timestamps written without an offset (default: UTC).")
    ZoneId timeZone = ZoneId.of("UTC");

    @Option(names = "--resume", description = "Skip the rows a previous, stopped load of this file into this table already landed.")
    boolean resume;

    private String tableName;

    public IngestCommand() {
        this(new ConnectionOptions());
    }

    IngestCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) throws Exception {
        if (!Files.isRegularFile(file)) throw CliProblem.usage("There is no file " + file + ".", "Check the --file path.");
        TableSchema schema = tableSchema(connection);
        SourceOptions sourceOptions = sourceFormat == null ? SourceOptions.detect(file) : SourceOptions.csv().withFormat(sourceFormat);
        LoadOptions options = LoadOptions.defaults(format()).withStreams(streams).withErrorPolicy(onError)
                .withFailedRowsFile(failedRows).withCodec(LoadOptions.defaults(format()).codec().withZone(timeZone));
        tableName = schema.fullName();
        if (resume) {
            var point = ResumePoint.load(ResumePoint.defaultFile(file), file, tableName);
            if (point.isEmpty()) err.println("No resume point for this file and table (or the file changed): loading it all.");
            else options = options.withAlreadyDurable(point.get().ranges());
        }
        try (RecordSource source = RecordSource.open(file, sourceOptions)) {
            RecordCodec codec = RecordCodec.forTable(schema, options.codec());
            // JSON sources learn their keys while reading, and their rows are looked up by key: map by table column name.
            var mapping = ColumnMapping.auto(schema, sourceOptions.format() == SourceFormat.CSV ? source.columns()
                    : schema.columns().stream().map(c -> c.name()).toList());
            checkLoadable(codec, mapping);
            var job = new LoadJob(connection.profile(), codec, source, sourceOptions, mapping, options);
            return runLoad(job, connection, out, err);
        }
    }

    /** A load that stopped early leaves a resume point; one that read the whole file leaves none. */
    @Override
    void afterLoad(LoadResult result, PrintWriter err) throws IOException {
        Path resumeFile = ResumePoint.defaultFile(file);
        if (result.cancelled() || result.stoppedByPolicy() || result.streamFailure() != null) {
            ResumePoint.of(file, tableName, result.durable()).save(resumeFile);
            err.println("Resume point saved to " + resumeFile + ": run again with --resume to skip the rows already loaded.");
        } else {
            Files.deleteIfExists(resumeFile);
        }
    }
}
