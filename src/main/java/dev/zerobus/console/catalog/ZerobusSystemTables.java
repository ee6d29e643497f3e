package dev.zerobus.console.catalog;

import java.util.List;

/**
 * The SQL that shows what Zerobus recorded about a table's streams in the system tables (Beta), per the Zerobus
 * Ingest system table reference (https://docs.databricks.com/aws/en/admin/system-tables/zerobus-ingest):
 * {@code system.lakeflow.zerobus_stream} has one row per stream event (created, error, closed) with
 * {@code stream_id, event_time, opened_time, closed_time, table_id, table_name} (fully qualified),
 * {@code protocol, data_format, errors}; {@code system.lakeflow.zerobus_ingest} tracks the data ingested. Reading them
 * needs metastore and workspace admin, or USE and SELECT on the system schemas: the queries run as the person.
 *
 * <p>Conservative reading: the page's column list for {@code zerobus_ingest} was not readable in our copy, so its
 * query selects every column and keys on {@code stream_id}, which the stream table documents, instead of guessing a
 * table-name column. Both tables are regional: a workspace sees its own region's records. Stateless.
 */
public final class ZerobusSystemTables {
    public static final String STREAM_TABLE = "system.lakeflow.zerobus_stream";
    public static final String INGEST_TABLE = "system.lakeflow.zerobus_ingest";
    public static final int LIMIT = 100;

    private ZerobusSystemTables() {}

    /** One query: what it shows, and its text. */
    public record Query(String title, String sql) {}

    /** The stream events and the ingested data of {@code fullName}, newest first. */
    public static List<Query> forTable(String fullName) {
        String name = TableName.parse(fullName).fullName().replace("'", "''");
        return List.of(
                new Query("Streams of " + name + " (" + STREAM_TABLE + ", Beta)",
                        "SELECT stream_id, event_time, opened_time, closed_time, protocol, data_format, errors\n"
                                + "FROM " + STREAM_TABLE + "\n"
                                + "WHERE table_name = '" + name + "'\n"
                                + "ORDER BY event_time DESC\n"
                                + "LIMIT " + LIMIT),
                new Query("Data ingested into " + name + " (" + INGEST_TABLE + ", Beta)",
                        "SELECT *\n"
                                + "FROM " + INGEST_TABLE + "\n"
                                + "WHERE stream_id IN (SELECT stream_id FROM " + STREAM_TABLE + " WHERE table_name = '" + name + "')\n"
                                + "LIMIT " + LIMIT));
    }

    /**
     * What a failure to read a system table means, in the person's words: not found (the sandbox, or a workspace
     * where the system schema is not enabled) or not allowed.
     */
    public static String explain(String error) {
        String lower = error.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("not found") || lower.contains("does not exist") || lower.contains("table_or_view_not_found")
                || lower.contains("schema_not_found") || lower.contains("no such")) {
            return "The system table is not there. The local sandbox has no system.lakeflow schema (it records no "
                    + "system tables), and on Databricks the lakeflow system schema must be enabled by an account admin. "
                    + "Copy the SQL and run it in a workspace where the schema is enabled.";
        }
        if (lower.contains("sql warehouse runs only")) {
            return "The local sandbox's SQL warehouse runs a small subset of SQL and has no system tables. Copy the SQL and "
                    + "run it in a Databricks workspace where the lakeflow system schema is enabled.";
        }
        if (lower.contains("permission") || lower.contains("not authorized") || lower.contains("insufficient") || lower.contains("403")) {
            return "You may not read the system table: it needs metastore and workspace admin, or USE and SELECT on "
                    + "the system schemas (ask an admin to grant them), then run the query again.";
        }
        return "The query failed; the warehouse's message is below.";
    }
}
