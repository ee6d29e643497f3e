package dev.zerobus.console.snippet;

import dev.zerobus.console.schema.TableSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a producer snippet is for. Carries the client id but never the secret: every snippet reads the secret
 * from {@code DATABRICKS_CLIENT_SECRET}. {@code sampleRecord} maps column names to values (row-value convention
 * of {@link ColumnType}, or JSON-like values: base64 strings, maps for structs); null means "generate one".
 */
public record SnippetRequest(SnippetLanguage language, SnippetRecordType recordType, TableSchema table,
                             String zerobusEndpoint, String workspaceUrl, String clientId,
                             @Nullable Map<String, @Nullable Object> sampleRecord) {
    public SnippetRequest {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(zerobusEndpoint, "zerobusEndpoint");
        Objects.requireNonNull(workspaceUrl, "workspaceUrl");
        Objects.requireNonNull(clientId, "clientId");
        // LinkedHashMap, not Map.copyOf: keeps the caller's column order and allows null (SQL NULL) values.
        sampleRecord = sampleRecord == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(sampleRecord));
    }

    public SnippetRequest(SnippetLanguage language, SnippetRecordType recordType, TableSchema table,
                          String zerobusEndpoint, String workspaceUrl, String clientId) {
        this(language, recordType, table, zerobusEndpoint, workspaceUrl, clientId, null);
    }
}
