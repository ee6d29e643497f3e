package dev.zerobus.console.sandbox.metadata;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zerobus.console.sandbox.Fsync;
import dev.zerobus.console.sandbox.auth.AuthorizationDetail;
import dev.zerobus.console.sandbox.metadata.Catalogs.CatalogInfo;
import dev.zerobus.console.sandbox.metadata.Catalogs.SchemaInfo;
import dev.zerobus.console.sandbox.metadata.Catalogs.TableInfo;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TypeParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox workspace's metadata: catalogs, schemas, tables with their columns, and grants. Every change is
 * written to {@code workspace.json} in the data dir (temp file, fsync, atomic rename) before the call returns,
 * so a crash never leaves half a file. Names are case-insensitive and stored lower-case, as in Unity Catalog.
 * Thread-safe: every method is synchronized (metadata changes are rare and small).
 */
public final class WorkspaceState {
    public static final Set<String> PRIVILEGES = Set.of("ALL_PRIVILEGES", "USE_CATALOG", "USE_SCHEMA", "SELECT", "MODIFY",
            "CREATE_SCHEMA", "CREATE_TABLE", "BROWSE", "MANAGE", "EXECUTE", "READ_VOLUME", "WRITE_VOLUME", "CREATE_FUNCTION",
            "CREATE_VOLUME", "APPLY_TAG");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Clock clock;
    private final Map<String, CatalogInfo> catalogs = new TreeMap<>();
    private final Map<String, SchemaInfo> schemas = new TreeMap<>();
    private final Map<String, TableInfo> tables = new TreeMap<>();
    /** securable key -> principal -> privileges. */
    private final Map<String, Map<String, Set<String>>> grants = new TreeMap<>();

    private WorkspaceState(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Loads {@code file} if it exists, else starts empty (and writes nothing until the first change). */
    public static WorkspaceState open(Path file, Clock clock) {
        var state = new WorkspaceState(file, clock);
        if (Files.exists(file)) state.load();
        return state;
    }

    public synchronized boolean isEmpty() {
        return catalogs.isEmpty();
    }

    // ---- catalogs ----

    public synchronized List<CatalogInfo> catalogs() {
        return List.copyOf(catalogs.values());
    }

    public synchronized CatalogInfo catalog(String name) {
        CatalogInfo info = catalogs.get(lower(name));
        if (info == null) throw MetadataException.notFound("Catalog", name);
        return info;
    }

    public synchronized CatalogInfo createCatalog(String name, @Nullable String comment, String owner) {
        String key = checkName("catalog", name);
        if (catalogs.containsKey(key)) throw MetadataException.exists("Catalog", key);
        long now = clock.millis();
        var info = new CatalogInfo(key, comment, owner, now, now);
        catalogs.put(key, info);
        save();
        return info;
    }

    public synchronized void deleteCatalog(String name, boolean force) {
        CatalogInfo info = catalog(name);
        List<SchemaInfo> children = schemas(info.name());
        if (!force && children.stream().anyMatch(s -> !s.name().equals("information_schema"))) {
            throw MetadataException.invalid("Catalog '" + info.name() + "' is not empty. Delete its schemas first or pass force=true.");
        }
        for (SchemaInfo s : children) dropSchemaTree(s.fullName());
        catalogs.remove(info.name());
        grants.remove(Securable.catalog(info.name()).key());
        save();
    }

    // ---- schemas ----

    public synchronized List<SchemaInfo> schemas(String catalogName) {
        String catalog = catalog(catalogName).name();
        return schemas.values().stream().filter(s -> s.catalogName().equals(catalog)).toList();
    }

    public synchronized SchemaInfo schema(String fullName) {
        SchemaInfo info = schemas.get(lower(fullName));
        if (info == null) throw MetadataException.notFound("Schema", fullName);
        return info;
    }

    public synchronized SchemaInfo createSchema(String catalogName, String name, @Nullable String comment, String owner) {
        String catalog = catalog(catalogName).name();
        String key = catalog + "." + checkName("schema", name);
        if (schemas.containsKey(key)) throw MetadataException.exists("Schema", key);
        long now = clock.millis();
        var info = new SchemaInfo(catalog, lower(name), comment, owner, now, now);
        schemas.put(key, info);
        save();
        return info;
    }

    public synchronized void deleteSchema(String fullName, boolean force) {
        SchemaInfo info = schema(fullName);
        if (!force && !tables(info.catalogName(), info.name()).isEmpty()) {
            throw MetadataException.invalid("Schema '" + info.fullName() + "' is not empty. Delete its tables first or pass force=true.");
        }
        dropSchemaTree(info.fullName());
        save();
    }

    private void dropSchemaTree(String schemaFullName) {
        tables.values().removeIf(t -> (t.catalogName() + "." + t.schemaName()).equals(schemaFullName));
        grants.keySet().removeIf(k -> k.startsWith("table:" + schemaFullName + "."));
        grants.remove(Securable.schema(schemaFullName).key());
        schemas.remove(schemaFullName);
    }

    // ---- tables ----

    public synchronized List<TableInfo> tables(String catalogName, String schemaName) {
        String schema = schema(catalogName + "." + schemaName).fullName();
        return tables.values().stream().filter(t -> (t.catalogName() + "." + t.schemaName()).equals(schema)).toList();
    }

    public synchronized Optional<TableInfo> findTable(String fullName) {
        return Optional.ofNullable(tables.get(lower(fullName)));
    }

    public synchronized TableInfo table(String fullName) {
        return findTable(fullName).orElseThrow(() -> MetadataException.notFound("Table", fullName));
    }

    /**
     * Creates a table. Column names are kept as given (Delta is case-preserving) but must be unique ignoring case.
     * The owner gets ALL_PRIVILEGES on it, visibly, as the grants API will show.
     */
    public synchronized TableInfo createTable(String catalogName, String schemaName, String name, String tableType,
                                              String dataSourceFormat, List<TableColumn> columns, @Nullable String comment,
                                              String owner, Map<String, String> properties) {
        SchemaInfo schema = schema(catalogName + "." + schemaName);
        String key = schema.fullName() + "." + checkName("table", name);
        if (tables.containsKey(key)) throw MetadataException.exists("Table", key);
        if (columns.isEmpty() && !"VIEW".equals(tableType)) throw MetadataException.invalid("Table '" + key + "' needs at least one column.");
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (TableColumn c : columns) {
            if (!seen.add(c.name())) throw MetadataException.invalid("Column name '" + c.name() + "' appears twice in table '" + key + "'.");
        }
        long now = clock.millis();
        String tableId = UUID.randomUUID().toString();
        var info = new TableInfo(schema.catalogName(), schema.name(), lower(name), tableId, tableType, dataSourceFormat,
                null, owner, comment, now, now, columns, properties);
        tables.put(key, info);
        save();
        return info;
    }

    /**
     * Replaces a table's columns (ALTER TABLE ADD COLUMNS appends to them); names must stay unique ignoring case.
     * Returns the updated table.
     */
    public synchronized TableInfo replaceColumns(String fullName, List<TableColumn> columns) {
        TableInfo info = table(fullName);
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (TableColumn c : columns) {
            if (!seen.add(c.name())) throw MetadataException.invalid("Column name '" + c.name() + "' appears twice in table '" + fullName + "'.");
        }
        var updated = new TableInfo(info.catalogName(), info.schemaName(), info.name(), info.tableId(), info.tableType(),
                info.dataSourceFormat(), info.storageLocation(), info.owner(), info.comment(), info.createdAt(),
                clock.millis(), columns, info.properties());
        tables.put(info.fullName(), updated);
        save();
        return updated;
    }

    public synchronized TableInfo deleteTable(String fullName) {
        TableInfo info = table(fullName);
        tables.remove(info.fullName());
        grants.remove(Securable.table(info.fullName()).key());
        save();
        return info;
    }

    // ---- grants ----

    /** Direct grants on a securable: principal -> privileges. */
    public synchronized Map<String, Set<String>> grants(Securable securable) {
        requireExists(securable);
        Map<String, Set<String>> direct = grants.getOrDefault(securable.key(), Map.of());
        Map<String, Set<String>> copy = new TreeMap<>();
        direct.forEach((p, privs) -> copy.put(p, Set.copyOf(privs)));
        return copy;
    }

    /** Adds and removes privileges for one principal; unknown privilege names are rejected. */
    public synchronized void updateGrants(Securable securable, String principal, Collection<String> add, Collection<String> remove) {
        requireExists(securable);
        Map<String, Set<String>> byPrincipal = grants.computeIfAbsent(securable.key(), k -> new TreeMap<>());
        Set<String> privileges = byPrincipal.computeIfAbsent(principal, p -> new TreeSet<>());
        for (String p : add) privileges.add(checkPrivilege(p));
        for (String p : remove) privileges.remove(checkPrivilege(p));
        if (privileges.isEmpty()) byPrincipal.remove(principal);
        if (byPrincipal.isEmpty()) grants.remove(securable.key());
        save();
    }

    /** A privilege a principal holds on a securable, and where it comes from. */
    public record EffectivePrivilege(String privilege, @Nullable Securable inheritedFrom) {}

    /**
     * Privileges of {@code principal} on {@code securable}, direct and inherited from the parents, as Unity
     * Catalog's effective-permissions API lists them. Ownership counts as ALL_PRIVILEGES.
     */
    public synchronized List<EffectivePrivilege> effectivePrivileges(String principal, Securable securable) {
        requireExists(securable);
        List<EffectivePrivilege> result = new ArrayList<>();
        for (Securable s = securable; s != null; s = s.parent()) {
            Securable from = s.equals(securable) ? null : s;
            Set<String> direct = new TreeSet<>(grants.getOrDefault(s.key(), Map.of()).getOrDefault(principal, Set.of()));
            if (principal.equals(ownerOf(s))) direct.add("ALL_PRIVILEGES");
            direct.forEach(p -> result.add(new EffectivePrivilege(p, from)));
        }
        return result;
    }

    /** True if the principal holds {@code privilege} (or ALL_PRIVILEGES, or ownership) on the securable itself. */
    public synchronized boolean holdsDirectly(String principal, Securable securable, String privilege) {
        if (principal.equals(ownerOf(securable))) return true;
        Set<String> direct = grants.getOrDefault(securable.key(), Map.of()).getOrDefault(principal, Set.of());
        return direct.contains(AuthorizationDetail.normalise(privilege)) || direct.contains("ALL_PRIVILEGES");
    }

    /** True if the principal holds the privilege on the securable or on one of its parents. */
    public synchronized boolean holds(String principal, Securable securable, String privilege) {
        for (Securable s = securable; s != null; s = s.parent()) {
            if (exists(s) && holdsDirectly(principal, s, privilege)) return true;
        }
        return false;
    }

    private @Nullable String ownerOf(Securable s) {
        return switch (s.type()) {
            case CATALOG -> Optional.ofNullable(catalogs.get(s.fullName())).map(CatalogInfo::owner).orElse(null);
            case SCHEMA -> Optional.ofNullable(schemas.get(s.fullName())).map(SchemaInfo::owner).orElse(null);
            case TABLE -> Optional.ofNullable(tables.get(s.fullName())).map(TableInfo::owner).orElse(null);
        };
    }

    private boolean exists(Securable s) {
        return switch (s.type()) {
            case CATALOG -> catalogs.containsKey(s.fullName());
            case SCHEMA -> schemas.containsKey(s.fullName());
            case TABLE -> tables.containsKey(s.fullName());
        };
    }

    private void requireExists(Securable s) {
        if (!exists(s)) {
            String what = switch (s.type()) { case CATALOG -> "Catalog"; case SCHEMA -> "Schema"; case TABLE -> "Table"; };
            throw MetadataException.notFound(what, s.fullName());
        }
    }

    private static String checkPrivilege(String privilege) {
        String p = AuthorizationDetail.normalise(privilege);
        if (!PRIVILEGES.contains(p)) {
            throw MetadataException.invalid("Privilege '" + privilege + "' is not known. Use one of " + new TreeSet<>(PRIVILEGES) + ".");
        }
        return p;
    }

    private static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw MetadataException.invalid("Invalid " + what + " name '" + name
                    + "': use ASCII letters, digits and underscores (Zerobus accepts no other characters).");
        }
        return lower(name);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    // ---- persistence ----

    private record StoredColumn(String name, String typeJson, boolean nullable, @Nullable String comment) {}

    private record StoredTable(String catalogName, String schemaName, String name, String tableId, String tableType,
                               String dataSourceFormat, @Nullable String storageLocation, String owner, @Nullable String comment,
                               long createdAt, long updatedAt, List<StoredColumn> columns, Map<String, String> properties) {}

    private record Stored(int version, List<CatalogInfo> catalogs, List<SchemaInfo> schemas, List<StoredTable> tables,
                          Map<String, Map<String, Set<String>>> grants) {}

    private void save() {
        List<StoredTable> storedTables = tables.values().stream().map(t -> new StoredTable(t.catalogName(), t.schemaName(),
                t.name(), t.tableId(), t.tableType(), t.dataSourceFormat(), t.storageLocation(), t.owner(), t.comment(),
                t.createdAt(), t.updatedAt(), t.columns().stream()
                        .map(c -> new StoredColumn(c.name(), TypeParser.typeJson(c), c.nullable(), c.comment())).toList(),
                new TreeMap<>(t.properties()))).toList();
        var stored = new Stored(1, List.copyOf(catalogs.values()), List.copyOf(schemas.values()), storedTables, grants);
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(stored));
            Fsync.file(temp);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Fsync.directory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox metadata to " + file + ": " + e.getMessage(), e);
        }
    }

    private void load() {
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            stored.catalogs().forEach(c -> catalogs.put(c.name(), c));
            stored.schemas().forEach(s -> schemas.put(s.fullName(), s));
            for (StoredTable t : stored.tables()) {
                List<TableColumn> columns = t.columns().stream()
                        .map(c -> new TableColumn(c.name(), TypeParser.parse(c.typeJson(), null), c.nullable(), c.comment())).toList();
                var info = new TableInfo(t.catalogName(), t.schemaName(), t.name(), t.tableId(), t.tableType(),
                        t.dataSourceFormat(), t.storageLocation(), t.owner(), t.comment(), t.createdAt(), t.updatedAt(),
                        columns, t.properties() == null ? Map.of() : t.properties());
                tables.put(info.fullName(), info);
            }
            stored.grants().forEach((k, byPrincipal) -> {
                Map<String, Set<String>> copy = new TreeMap<>();
                byPrincipal.forEach((p, privs) -> copy.put(p, new TreeSet<>(privs)));
                grants.put(k, copy);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox metadata " + file + ": " + e.getMessage()
                    + ". Move the file away to start with a fresh workspace.", e);
        }
    }

    /** Sorted view used in tests and the admin endpoint. */
    public synchronized Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("catalogs", catalogs.keySet());
        d.put("schemas", schemas.keySet());
        d.put("tables", tables.values().stream().map(TableInfo::fullName).sorted(Comparator.naturalOrder()).toList());
        return d;
    }
}
