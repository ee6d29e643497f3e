package dev.zerobus.console.catalog;

import com.databricks.sdk.service.catalog.ColumnInfo;
import com.databricks.sdk.service.catalog.TableInfo;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import dev.zerobus.console.schema.TypeParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Conversions between the SDK's Unity Catalog types and the console's. Stateless. */
final class TableInfos {
    private TableInfos() {}

    static TableSummary summary(TableInfo info) {
        String type = name(info.getTableType());
        String format = name(info.getDataSourceFormat());
        return new TableSummary(info.getName(), fullName(info), info.getComment(), info.getOwner(), type, format,
                ZerobusSupport.of(type, format));
    }

    static TableDetails details(TableInfo info) {
        String fullName = fullName(info);
        String type = name(info.getTableType());
        String format = name(info.getDataSourceFormat());
        Map<String, String> properties = info.getProperties() == null ? Map.of() : info.getProperties();
        return new TableDetails(new TableSchema(fullName, columns(fullName, info.getColumns())), info.getTableId(), type,
                format, info.getStorageLocation(), info.getOwner(), info.getComment(), instant(info.getCreatedAt()),
                instant(info.getUpdatedAt()), properties, ZerobusSupport.of(type, format));
    }

    /** UC OSS omits {@code full_name}; build it from the parts then. */
    static String fullName(TableInfo info) {
        if (info.getFullName() != null && !info.getFullName().isBlank()) return info.getFullName();
        return info.getCatalogName() + "." + info.getSchemaName() + "." + info.getName();
    }

    /** Columns in {@code position} order, each type read from {@code type_json} first, then {@code type_text}. */
    static List<TableColumn> columns(String table, @Nullable Iterable<ColumnInfo> infos) {
        if (infos == null) return List.of();
        List<ColumnInfo> sorted = new ArrayList<>();
        infos.forEach(sorted::add);
        sorted.sort(Comparator.comparing(c -> c.getPosition() == null ? Long.MAX_VALUE : c.getPosition()));
        List<TableColumn> columns = new ArrayList<>();
        for (ColumnInfo c : sorted) {
            ColumnType type;
            try {
                type = TypeParser.parse(c.getTypeJson(), c.getTypeText());
            } catch (IllegalArgumentException e) {
                throw new CatalogException(CatalogProblems.unreadableColumn(table, c.getName(), String.valueOf(c.getTypeText()), e));
            }
            columns.add(new TableColumn(c.getName(), type, c.getNullable() == null || c.getNullable(), c.getComment()));
        }
        return columns;
    }

    static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static @Nullable Instant instant(@Nullable Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }
}
