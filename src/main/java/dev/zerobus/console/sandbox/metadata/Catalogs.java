package dev.zerobus.console.sandbox.metadata;

import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The metadata records the sandbox keeps: catalogs, schemas and tables, as Unity Catalog describes them. */
public final class Catalogs {
    private Catalogs() {}

    public record CatalogInfo(String name, @Nullable String comment, String owner, long createdAt, long updatedAt) {}

    public record SchemaInfo(String catalogName, String name, @Nullable String comment, String owner, long createdAt,
                             long updatedAt) {
        public String fullName() { return catalogName + "." + name; }
    }

    /** A table. {@code tableId} names its Delta directory; {@code tableType} is MANAGED, EXTERNAL or VIEW. */
    public record TableInfo(String catalogName, String schemaName, String name, String tableId, String tableType,
                            String dataSourceFormat, @Nullable String storageLocation, String owner,
                            @Nullable String comment, long createdAt, long updatedAt, List<TableColumn> columns,
                            Map<String, String> properties) {
        public TableInfo {
            columns = List.copyOf(columns);
            properties = Map.copyOf(properties);
        }

        public String fullName() { return catalogName + "." + schemaName + "." + name; }

        public TableSchema schema() { return new TableSchema(fullName(), columns); }

        /** Only managed Delta tables take Zerobus streams (and have a Delta table in the sandbox). */
        public boolean isManagedDelta() { return "MANAGED".equals(tableType) && "DELTA".equals(dataSourceFormat); }
    }
}
