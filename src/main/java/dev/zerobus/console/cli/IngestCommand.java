package dev.zerobus.console.cli;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.codec.RecordCodec;
import dev.zerobus.console.ingest.AckedRanges;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadOptions;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.ingest.ResumeCheckpoint;
import dev.zerobus.console.ingest.ResumePoint;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.source.ColumnMapping;
import dev.zerobus.console.source.ErrorPolicy;
import dev.zerobus.console.source.FailedRowsWriter;
import dev.zerobus.console.source.RecordSource;
import dev.zerobus.console.source.SourceFormat;
import dev.zerobus.console.source.SourceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zerobus-console ingest}: loads a CSV or JSON file into a table through Zerobus. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Loads a CSV, JSON Lines or JSON array file into a table through Zerobus Ingest. File columns map to",
            "table columns by name. Progress goes to stderr every second; the summary is one JSON line on stdout:",
            "{\"read\":..,\"skipped\":..,\"sent\":..,\"acked\":..,\"failed\":..,\"retries\":..,\"rotations\":..,\"seconds\":..,\"cancelled\":..,",
            "\"resent\":..,\"outcome\":..}. \"resent\" counts rows sent again after a stream failure: each may have landed twice",
            "(at-least-once). \"outcome\" is landed, rows_failed, stopped_by_policy, cancelled (Ctrl+C, SIGTERM) or failed (a",
            "stream failed; \"cancelled\" is then false).",
            "While it runs, the rows durable so far are saved to FILE.resume.json (a few times a second, atomically), so",
            "Ctrl+C, SIGTERM and even kill -9 leave a resume point (see --resume and docs/delivery.md)."},
        footer = {"", "Exit codes: 0 every row landed, 1 rows failed or the load stopped, 2 a usage or configuration problem",
            "(also: a --resume point saved for another workspace, table or file)."})
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

    @Option(names = "--epoch-unit", paramLabel = "UNIT", converter = CliValues.EpochUnit.class,
            description = "Unit of bare numbers given to TIMESTAMP columns: s, ms or us (default: us). A number whose "
                    + "magnitude says another unit is refused, naming its line.")
    CodecOptions.EpochUnit epochUnit = CodecOptions.EpochUnit.MICROS;

    @Option(names = "--overwrite", description = "Replace an existing, non-empty --failed-rows file (refused without this).")
    boolean overwrite;

    @Option(names = "--resume", description = {"Skip the rows a previous, stopped load of this file into this table already landed.",
        "Refused when the resume point was saved for another workspace, Zerobus endpoint, table (or a re-created one), or",
        "when the file changed since."})
    boolean resume;

    @Option(names = "--ack-timeout", paramLabel = "SECONDS", description = {"How long to wait for a durability ACK before the",
        "stream counts as failed and is opened again (default: ${DEFAULT-VALUE}); after 6 attempts without progress the load",
        "stops with a resume point."})
    double ackTimeoutSeconds = 60;

    @Option(names = "--rate", paramLabel = "R", description = "At most R records per second; 0 means as fast as possible (default).")
    double rate;

    private String tableName;
    private ResumePoint.Target target;

    public IngestCommand() {
        this(new ConnectionOptions());
    }

    IngestCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) throws Exception {
        if (Files.isDirectory(file)) {
            throw CliProblem.usage(file + " is a directory, not a file.", "Pass the file to load inside it with --file.");
        }
        if (!Files.isRegularFile(file)) throw CliProblem.usage("There is no file " + file + ".", "Check the --file path.");
        if (!Files.isReadable(file)) {
            throw CliProblem.usage("The file " + file + " cannot be read: permission denied.", "Check its permissions (or copy it somewhere readable).");
        }
        if (ackTimeoutSeconds < 0.1 || ackTimeoutSeconds > 3600) {
            throw CliProblem.usage("--ack-timeout must be 0.1 to 3600 seconds, not " + ackTimeoutSeconds + ".", "Pass seconds, e.g. --ack-timeout 60.");
        }
        if (rate < 0) throw CliProblem.usage("--rate cannot be negative.", "Pass records per second, or 0 for no limit.");
        if (failedRows != null) {
            try {
                FailedRowsWriter.checkTarget(failedRows, file, overwrite);
            } catch (FailedRowsWriter.RefusedTarget e) {
                throw new CliProblem(e.problem(), ExitCodes.USAGE);
            }
        }
        TableDetails details = tableDetails(connection);
        TableSchema schema = details.schema();
        SourceOptions sourceOptions = sourceFormat == null ? SourceOptions.detect(file) : SourceOptions.csv().withFormat(sourceFormat);
        LoadOptions options = LoadOptions.defaults(format()).withStreams(streams).withErrorPolicy(onError)
                .withFailedRowsFile(failedRows, overwrite).withCodec(LoadOptions.defaults(format()).codec().withZone(timeZone).withEpochUnit(epochUnit))
                .withAckTimeout(Duration.ofMillis((long) (ackTimeoutSeconds * 1000))).withRate(rate);
        tableName = schema.fullName();
        var profile = connection.profile();
        target = new ResumePoint.Target(profile.sdkWorkspaceUrl(), profile.sdkEndpointUrl(), tableName, details.tableId());
        Path resumeFile = ResumePoint.defaultFile(file);
        if (resume) {
            Optional<ResumePoint> point;
            try {
                point = ResumePoint.load(resumeFile, file, target);
            } catch (ResumePoint.MismatchException e) {
                throw new CliProblem(e.problem(), ExitCodes.USAGE);
            }
            if (point.isEmpty()) err.println("No resume point for this file (" + resumeFile + " does not exist): loading it all.");
            else options = options.withAlreadyDurable(point.get().ranges());
        }
        try (RecordSource source = RecordSource.open(file, sourceOptions)) {
            RecordCodec codec = RecordCodec.forTable(schema, options.codec());
            // JSON sources learn their keys while reading, and their rows are looked up by key: map by table column name.
            var mapping = ColumnMapping.auto(schema, sourceOptions.format() == SourceFormat.CSV ? source.columns()
                    : schema.columns().stream().map(c -> c.name()).toList());
            checkLoadable(codec, mapping);
            if (sourceOptions.format() == SourceFormat.CSV) mapping.matchSummary().ifPresent(s -> err.println("Columns: " + s));
            var job = new LoadJob(connection.profile(), codec, source, sourceOptions, mapping, options);
            // The resume point follows the durable rows while the load runs, so that any stop can resume.
            job.checkpointTo(new ResumeCheckpoint(resumeFile, ResumePoint.of(file, target, new AckedRanges()), ResumeCheckpoint.DEFAULT_INTERVAL));
            return runLoad(job, connection, out, err);
        }
    }

    /** A load that stopped early keeps its resume point (saved as rows became durable); one that read the whole file leaves none. */
    @Override
    void afterLoad(LoadResult result, PrintWriter err) throws IOException {
        Path resumeFile = ResumePoint.defaultFile(file);
        if (result.cancelled() || result.stoppedByPolicy() || result.streamFailure() != null) {
            ResumePoint.of(file, target, result.durable()).save(resumeFile);
            err.println("Resume point saved to " + resumeFile + ": run again with --resume to skip the rows already loaded.");
        } else {
            Files.deleteIfExists(resumeFile);
        }
    }
}
