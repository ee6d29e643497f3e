package dev.zerobus.console.setup;

import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.source.SourceOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a set-up run should make ready for Zerobus. Build with {@link #forTable} and the {@code with...} methods.
 *
 * @param table             catalog.schema.table; created when missing (needs {@code columns} or {@code file})
 * @param principal         a service principal's application id or display name: used when it exists, created (by
 *                          that name) when it does not; null = the profile's "Ingest as" client id, else a new
 *                          principal named {@code zerobus-<table>}
 * @param file              infer the new table's columns from this file (ignored when {@code columns} is given)
 * @param fileOptions       how to read {@code file}; null = detected from the file
 * @param columns           the new table's columns (e.g. the person's edit of an inference)
 * @param tableComment      COMMENT of a new table
 * @param warehouseId       the SQL warehouse for CREATE TABLE and GRANT; null = the first running one
 * @param warehouseWait     how long to wait for a stopped warehouse to start (ZERO: start it and stop with a message)
 * @param addMissingColumns when the table exists and the file has columns it lacks, run the ALTER TABLE ... ADD COLUMNS
 * @param runDoctor         run the connection doctor as the principal at the end (needs the Zerobus endpoint)
 * @param rollbackOnFailure remove what the run created when a later step fails
 */
public record SetupRequest(String table, @Nullable String principal, @Nullable Path file, @Nullable SourceOptions fileOptions,
                           @Nullable List<TableColumn> columns, @Nullable String tableComment, @Nullable String warehouseId,
                           Duration warehouseWait, boolean addMissingColumns, boolean runDoctor, boolean rollbackOnFailure) {
    public static final Duration DEFAULT_WAREHOUSE_WAIT = Duration.ofMinutes(5);

    public SetupRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(warehouseWait, "warehouseWait");
        table = table.strip();
        if (principal != null && principal.isEmpty()) principal = null;
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** Defaults: the profile's principal (or a new one), no file, first running warehouse, doctor on, rollback on. */
    public static SetupRequest forTable(String table) {
        return new SetupRequest(table, null, null, null, null, null, null, DEFAULT_WAREHOUSE_WAIT, false, true, true);
    }

    public SetupRequest withPrincipal(@Nullable String value) {
        return new SetupRequest(table, value, file, fileOptions, columns, tableComment, warehouseId, warehouseWait, addMissingColumns, runDoctor, rollbackOnFailure);
    }

    public SetupRequest withFile(@Nullable Path value, @Nullable SourceOptions options) {
        return new SetupRequest(table, principal, value, options, columns, tableComment, warehouseId, warehouseWait, addMissingColumns, runDoctor, rollbackOnFailure);
    }

    public SetupRequest withColumns(@Nullable List<TableColumn> value) {
        return new SetupRequest(table, principal, file, fileOptions, value, tableComment, warehouseId, warehouseWait, addMissingColumns, runDoctor, rollbackOnFailure);
    }

    public SetupRequest withTableComment(@Nullable String value) {
        return new SetupRequest(table, principal, file, fileOptions, columns, value, warehouseId, warehouseWait, addMissingColumns, runDoctor, rollbackOnFailure);
    }

    public SetupRequest withWarehouse(@Nullable String id, Duration wait) {
        return new SetupRequest(table, principal, file, fileOptions, columns, tableComment, id, wait, addMissingColumns, runDoctor, rollbackOnFailure);
    }

    public SetupRequest withAddMissingColumns(boolean value) {
        return new SetupRequest(table, principal, file, fileOptions, columns, tableComment, warehouseId, warehouseWait, value, runDoctor, rollbackOnFailure);
    }

    public SetupRequest withDoctor(boolean value) {
        return new SetupRequest(table, principal, file, fileOptions, columns, tableComment, warehouseId, warehouseWait, addMissingColumns, value, rollbackOnFailure);
    }

    public SetupRequest withRollbackOnFailure(boolean value) {
        return new SetupRequest(table, principal, file, fileOptions, columns, tableComment, warehouseId, warehouseWait, addMissingColumns, runDoctor, value);
    }
}
