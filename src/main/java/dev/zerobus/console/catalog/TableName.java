package dev.zerobus.console.catalog;

import dev.zerobus.console.workspace.Problem;

/** A three-part Unity Catalog table name. Parts are taken as given (no backticks); see {@link #quoted()} for SQL. */
public record TableName(String catalog, String schema, String table) {
    public static TableName parse(String fullName) {
        if (fullName != null && fullName.indexOf('`') >= 0) {
            String plain = fullName.strip().replace("`", "");
            throw new CatalogException(new Problem("'" + fullName.strip() + "' has backticks: the console takes table names as "
                    + "given (the REST API's full_name), not SQL-quoted.", "Write it without backticks: " + plain + ".")
                    .withCopyableFix(plain));
        }
        String[] parts = fullName == null ? new String[0] : fullName.strip().split("\\.", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new CatalogException(CatalogProblems.invalidTableName(String.valueOf(fullName)));
        }
        return new TableName(parts[0], parts[1], parts[2]);
    }

    public String fullName() {
        return catalog + "." + schema + "." + table;
    }

    public String schemaFullName() {
        return catalog + "." + schema;
    }

    /** {@code `catalog`.`schema`.`table`} with backticks inside names doubled, as Databricks SQL escapes them. */
    public String quoted() {
        return quote(catalog) + "." + quote(schema) + "." + quote(table);
    }

    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
