package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.metadata.Catalogs.CatalogInfo;
import dev.zerobus.console.sandbox.metadata.Catalogs.SchemaInfo;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TypeParser;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/** The Unity Catalog JSON shapes databricks-sdk-java reads: CatalogInfo, SchemaInfo, TableInfo, ColumnInfo. */
final class UcJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path tablesRoot;

    UcJson(Path tablesRoot) {
        this.tablesRoot = tablesRoot;
    }

    ObjectNode catalog(CatalogInfo c) {
        return NODES.objectNode().put("name", c.name()).put("full_name", c.name()).put("comment", c.comment())
                .put("owner", c.owner()).put("created_at", c.createdAt()).put("updated_at", c.updatedAt())
                .put("catalog_type", "MANAGED_CATALOG").put("securable_type", "CATALOG");
    }

    ObjectNode schema(SchemaInfo s) {
        return NODES.objectNode().put("name", s.name()).put("catalog_name", s.catalogName()).put("full_name", s.fullName())
                .put("comment", s.comment()).put("owner", s.owner()).put("created_at", s.createdAt())
                .put("updated_at", s.updatedAt());
    }

    ObjectNode table(TableInfo t, boolean withColumns, boolean withProperties) {
        ObjectNode node = NODES.objectNode().put("name", t.name()).put("catalog_name", t.catalogName())
                .put("schema_name", t.schemaName()).put("full_name", t.fullName()).put("table_type", t.tableType())
                .put("data_source_format", t.dataSourceFormat()).put("storage_location", storageLocation(t))
                .put("owner", t.owner()).put("comment", t.comment()).put("created_at", t.createdAt())
                .put("created_by", t.owner()).put("updated_at", t.updatedAt()).put("table_id", t.tableId())
                .put("securable_type", "TABLE");
        if (withColumns) {
            ArrayNode columns = node.putArray("columns");
            List<TableColumn> cols = t.columns();
            for (int i = 0; i < cols.size(); i++) columns.add(column(cols.get(i), i));
        }
        if (withProperties) {
            ObjectNode properties = node.putObject("properties");
            new TreeMap<>(t.properties()).forEach(properties::put);
        }
        return node;
    }

    /** A managed table's Delta directory; an external table keeps the location it was created with. */
    String storageLocation(TableInfo t) {
        if (t.storageLocation() != null) return t.storageLocation();
        return tablesRoot.resolve(t.tableId()).toUri().toString();
    }

    static ObjectNode column(TableColumn c, int position) {
        ColumnType type = c.type();
        ObjectNode node = NODES.objectNode().put("name", c.name()).put("position", position)
                .put("type_text", type.typeText()).put("type_name", type.typeName())
                .put("type_json", TypeParser.typeJson(c)).put("nullable", c.nullable());
        if (type instanceof ColumnType.Decimal d) {
            node.put("type_precision", d.precision()).put("type_scale", d.scale());
        } else {
            node.put("type_precision", 0).put("type_scale", 0);
        }
        if (c.comment() != null) node.put("comment", c.comment());
        return node;
    }
}
