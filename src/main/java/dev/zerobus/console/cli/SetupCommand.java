package dev.zerobus.console.cli;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.setup.ServicePrincipalSetup;
import dev.zerobus.console.setup.SetupRequest;
import dev.zerobus.console.setup.SetupResult;
import dev.zerobus.console.setup.SetupStep;
import dev.zerobus.console.source.SourceFormat;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zerobus-console setup}: as "You", creates what Zerobus needs and is missing (the table, from a file's
 * inferred schema; a service principal; its OAuth secret; the grants), checks the result as that principal, and
 * prints one JSON line on stdout. Steps and their equivalent SQL / CLI commands go to stderr.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {"Sets a table up for Zerobus as you: creates the table when it is missing (CREATE TABLE on a SQL warehouse, "
                + "columns inferred from --from-file), picks or creates the service principal, creates an OAuth secret for it, "
                + "grants it USE CATALOG, USE SCHEMA, SELECT and MODIFY, and runs the connection check as it.",
            "Prints one JSON line: {\"table\", \"tableCreated\", \"clientId\", \"principalCreated\", \"grants\", "
                + "\"clientSecret\" (only with --print-secret), ...}. A failed run removes what it created and says so."},
        footer = {"", "Exit codes: 0 set up (and checked), 1 a step or the check failed (the cause and fix are printed), 2 a usage problem."})
public final class SetupCommand extends ConnectedCommand {
    @Option(names = "--table", required = true, paramLabel = "C.S.T", description = "The table: catalog.schema.table.")
    String table;

    @Option(names = "--principal", paramLabel = "NAME|APPLICATION_ID",
            description = "The service principal to ingest as: used when it exists, created with this name when not. "
                    + "Default: the profile's client id, else a new one named zerobus-<table>.")
    @Nullable String principal;

    @Option(names = "--from-file", paramLabel = "FILE", description = "Infer a new table's columns from this CSV / JSON Lines / JSON file (first 10,000 rows or 10 MB).")
    @Nullable Path file;

    @Option(names = "--format", paramLabel = "FORMAT", converter = CliValues.FileFormat.class,
            description = "Format of --from-file: csv, jsonl or json (default: from the file).")
    @Nullable SourceFormat format;

    @Option(names = "--warehouse", paramLabel = "ID", description = "SQL warehouse for CREATE TABLE and GRANT (default: the first running one).")
    @Nullable String warehouseId;

    @Option(names = "--warehouse-wait", paramLabel = "SECONDS",
            description = "How long to wait for a stopped warehouse to start (default: ${DEFAULT-VALUE}; 0 starts it and stops).")
    long warehouseWaitSeconds = SetupRequest.DEFAULT_WAREHOUSE_WAIT.toSeconds();

    @Option(names = "--comment", paramLabel = "TEXT", description = "COMMENT of a new table.")
    @Nullable String comment;

    @Option(names = "--add-missing-columns", description = "When the table exists and the file has columns it lacks, add them (ALTER TABLE ... ADD COLUMNS).")
    boolean addMissingColumns;

    @Option(names = "--print-secret", description = "Put a new OAuth secret in the JSON line (it is shown once). Without it the secret goes to the OS keychain.")
    boolean printSecret;

    @Option(names = "--no-check", description = "Skip the connection check as the principal.")
    boolean noCheck;

    @Option(names = "--keep-on-failure", description = "Leave what a failed run created in place (default: remove it).")
    boolean keepOnFailure;

    public SetupCommand() {
        this(new ConnectionOptions());
    }

    SetupCommand(ConnectionOptions connection) {
        super(connection);
    }

    @Override
    boolean needsIngestIdentity() {
        return false; // set-up runs as "You" and may create the principal
    }

    @Override
    int run(Connection connection, PrintWriter out, PrintWriter err) throws IOException {
        ConnectionProfile profile = connection.profile();
        ProfileStore store = this.connection.store();
        boolean reusesProfileSecret = profile.hasIngestIdentity()
                && (principal == null || principal.strip().equalsIgnoreCase(profile.clientId()));
        if (!printSecret && !reusesProfileSecret && !store.secrets().isAvailable()) {
            throw CliProblem.usage("Set-up would create an OAuth secret, which is shown once, and there is no OS keychain to keep it: "
                            + store.secrets().unavailableReason().orElse("none available") + ".",
                    "Pass --print-secret to receive it in the JSON line (store it safely), or run where a keychain is available.");
        }
        if (file != null && format == null && !java.nio.file.Files.isRegularFile(file)) {
            throw CliProblem.usage("There is no file " + file + ".", "Check the --from-file path.");
        }
        SourceOptions options = file == null ? null
                : format == null ? SourceOptions.detect(file) : SourceOptions.detect(file).withFormat(format);
        SetupRequest request = SetupRequest.forTable(table).withPrincipal(principal).withFile(file, options)
                .withTableComment(comment).withWarehouse(warehouseId, Duration.ofSeconds(Math.max(0, warehouseWaitSeconds)))
                .withAddMissingColumns(addMissingColumns).withDoctor(!noCheck).withRollbackOnFailure(!keepOnFailure);
        var setup = new ServicePrincipalSetup(profile);
        SetupResult result = setup.run(request, step -> {
            if (step.status() == SetupStep.Status.RUNNING) return;
            err.print(connection.redact(format(step)));
            err.flush();
        }, new Cancellation());
        if (result.secret() != null && !printSecret) {
            String saved = savedProfileName(profile, result);
            store.save(profile.withName(saved, ConnectionProfile.Source.SAVED)
                    .withIngestAs(result.clientId(), result.secret().secret()), true);
            err.println("The new secret is in the OS keychain, with saved profile '" + saved + "' (use --profile " + saved + ").");
        }
        out.println(result.toJson(printSecret));
        if (result.doctor() != null && !result.doctorPassed()) {
            err.println("Set-up is done, but the connection check as " + result.clientId() + " failed; see the step above.");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static String savedProfileName(ConnectionProfile profile, SetupResult result) {
        String base = profile.source() == ConnectionProfile.Source.SAVED ? profile.name() : profile.name() + "-"
                + (result.principal().displayName().isBlank() ? result.clientId() : result.principal().displayName().replace(' ', '-'));
        return base.equals(ProfileStore.ENVIRONMENT_PROFILE) ? base + "-sp" : base;
    }

    /** One step for stderr: status, title, detail, the equivalent command, and on failure the cause and fix. */
    static String format(SetupStep step) {
        var text = new StringBuilder(String.format(java.util.Locale.ROOT, "[%-7s] %s%n", step.status(), step.title()));
        if (!step.detail().isEmpty() && step.problem() == null) text.append("    ").append(step.detail()).append('\n');
        if (step.problem() != null && step.kind() == SetupStep.Kind.DOCTOR) {
            text.append("    Cause: ").append(step.problem().message()).append('\n');
            text.append("    Fix:   ").append(step.problem().fix()).append('\n');
        }
        if (!step.equivalentCommand().isEmpty()) {
            for (String line : step.equivalentCommand().split("\n")) text.append("    $ ").append(line).append('\n');
        }
        return text.toString();
    }
}
