package dev.zerobus.console.codec;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.DescriptorComparison;
import dev.zerobus.console.schema.ProtoSchema;
import dev.zerobus.console.schema.ProtoSchemaMapper;
import dev.zerobus.console.schema.ProtoText;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.schema.TableSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every difference between a table and what a producer would send it: a {@code .proto} text, a
 * {@code DescriptorProto}, or one sample JSON record. Descriptors are judged by {@link DescriptorComparison} (the
 * sandbox's own create_stream check) and JSON values by {@link RecordCodec}; this class sorts their findings into
 * {@link Kind}s and adds the one thing neither says: that a missing column and an extra field are probably the same
 * thing renamed. Immutable.
 *
 * <p>Leniency (https://docs.databricks.com/aws/en/ingestion/zerobus-schema-management: "Columns that allow null values
 * in the table can be omitted from the record and are written as NULL"): a nullable top-level column left out of a
 * descriptor or a JSON sample is {@link Kind#OMITTED}, which Zerobus accepts and {@link #isMatch()} does not count;
 * a NOT NULL one is {@link Kind#MISSING}. Values are read as the console reads input (friendly forms
 * such as ISO timestamps are accepted), so a match means the console can send the record, not that the text can be
 * sent unchanged by another producer.
 */
public record SchemaDiff(List<Difference> differences) {
    /** OMITTED: a nullable column left out, accepted (it lands as NULL); every other kind is refused by Zerobus. */
    public enum Kind {
        MISSING, EXTRA, TYPE, OPTIONALITY, RENAMED, INVALID, OMITTED;

        public boolean blocks() {
            return this != OMITTED;
        }
    }

    /**
     * One difference.
     *
     * @param path    the column or field concerned ({@code device_name}, {@code c_struct.zip}); empty for the whole input
     * @param message what is different, in plain words
     */
    public record Difference(Kind kind, String path, String message) {
        public Difference {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }
    }

    public SchemaDiff {
        differences = List.copyOf(differences);
    }

    /** True when Zerobus accepts the input: no difference but nullable columns left out. */
    public boolean isMatch() {
        return differences.stream().noneMatch(d -> d.kind().blocks());
    }

    /** The differences Zerobus refuses the input for. */
    public List<Difference> blocking() {
        return differences.stream().filter(d -> d.kind().blocks()).toList();
    }

    /** Nullable columns the input leaves out: accepted, they land as NULL. */
    public List<String> omitted() {
        return differences.stream().filter(d -> d.kind() == Kind.OMITTED).map(Difference::path).toList();
    }

    /** Compares the message in {@code protoText} named like the table (else the only top-level message). */
    public static SchemaDiff ofProtoText(TableSchema table, String protoText) {
        DescriptorProto descriptor;
        try {
            descriptor = ProtoText.toDescriptor(protoText, table.tableName());
        } catch (ProtoText.Invalid e) {
            return new SchemaDiff(List.of(new Difference(Kind.INVALID, e.path(), e.getMessage())));
        }
        return ofDescriptor(table, descriptor);
    }

    public static SchemaDiff ofDescriptor(TableSchema table, DescriptorProto descriptor) {
        ProtoSchema expected = ProtoSchemaMapper.map(table);
        if (!expected.isUsable()) {
            return new SchemaDiff(expected.problems().stream()
                    .map(p -> new Difference(Kind.INVALID, p.columnPath(), p.message())).toList());
        }
        List<Difference> found = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (DescriptorComparison.Finding f : DescriptorComparison.check(table, descriptor).findings()) {
            switch (f.kind()) {
                case FIELD_COUNT -> counts.add(f.message());
                case UNPARSEABLE, UNSUPPORTED_COLUMN -> found.add(new Difference(Kind.INVALID, f.path(), f.message()));
                case MISSING_FIELD -> found.add(new Difference(Kind.MISSING, f.path(), f.message()));
                case UNKNOWN_FIELD -> found.add(new Difference(Kind.EXTRA, f.path(), f.message()));
                case TYPE_MISMATCH -> found.add(new Difference(Kind.TYPE, f.path(), f.message()));
                case LABEL_MISMATCH -> found.add(new Difference(Kind.OPTIONALITY, f.path(), f.message()));
                case OMITTED_NULLABLE -> found.add(new Difference(Kind.OMITTED, f.path(), f.message()));
            }
        }
        // "The descriptor has 3 fields but ... 4 columns" only restates the other entries; keep it if alone and blocking.
        if (found.stream().noneMatch(d -> d.kind() == Kind.MISSING || d.kind() == Kind.EXTRA || d.kind() == Kind.OMITTED)) {
            counts.forEach(c -> found.add(new Difference(Kind.INVALID, "", c)));
        }
        return new SchemaDiff(pairRenames(found, parent -> List.of(), "Field"));
    }

    private static Difference omitted(String column) {
        return new Difference(Kind.OMITTED, column, "Column '" + column + "' is left out (accepted: the column is nullable and lands as NULL)");
    }

    /** Compares the keys and values of one JSON record with the table's columns. */
    public static SchemaDiff ofJsonSample(TableSchema table, String json) {
        var codec = RecordCodec.forTable(table, CodecOptions.defaults());
        List<Difference> found = new ArrayList<>();
        List<FieldError> errors = codec.toRow(json) instanceof CodecResult.Invalid<Object[]> invalid ? invalid.errors() : List.of();
        for (FieldError e : errors) {
            Kind kind = e.path().isEmpty() ? Kind.INVALID
                    : e.expected().equals("a column name") || e.expected().equals("a field name") ? Kind.EXTRA
                    : e.message().startsWith("is missing, but") ? Kind.MISSING
                    : e.message().startsWith("is null, but the column is NOT NULL") ? Kind.OPTIONALITY
                    : Kind.TYPE;
            found.add(new Difference(kind, e.path(), e.describe()));
        }
        Object parsed;
        try {
            parsed = JsonInput.parse(json);
        } catch (JsonInput.NotJson e) {
            return new SchemaDiff(found);
        }
        List<Difference> paired = new ArrayList<>(pairRenames(found, parent -> absentFields(table, parsed, parent), "Key"));
        Set<String> named = new HashSet<>();
        paired.forEach(d -> named.add(d.path()));
        for (String name : absentFields(table, parsed, "")) {
            boolean nullable = table.column(name).map(TableColumn::nullable).orElse(false);
            if (nullable && !named.contains(name)) paired.add(omitted(name));
        }
        return new SchemaDiff(paired);
    }

    // ---- renamed-looking pairs ------------------------------------------------------------------------------------

    /** Names of the fields at {@code parent} (a column or struct path) that the input leaves out, beyond MISSING ones. */
    private interface Absent {
        List<String> at(String parent);
    }

    /**
     * Replaces each extra field that looks like a missing (or absent) column at the same level with one RENAMED
     * entry. Best pairs first: equal ignoring case, underscores and hyphens, then by edit distance (at most 2).
     */
    private static List<Difference> pairRenames(List<Difference> found, Absent absent, String noun) {
        record Candidate(Difference extra, @Nullable Difference missing, String columnPath, int score) {}
        List<Candidate> candidates = new ArrayList<>();
        for (Difference extra : found) {
            if (extra.kind() != Kind.EXTRA) continue;
            String parent = parent(extra.path());
            Set<String> seen = new HashSet<>();
            for (Difference missing : found) {
                if ((missing.kind() == Kind.MISSING || missing.kind() == Kind.OMITTED) && parent(missing.path()).equals(parent)
                        && seen.add(missing.path())) {
                    int score = likeness(leaf(extra.path()), leaf(missing.path()));
                    if (score >= 0) candidates.add(new Candidate(extra, missing, missing.path(), score));
                }
            }
            for (String name : absent.at(parent)) {
                String path = parent.isEmpty() ? name : parent + "." + name;
                if (!seen.add(path)) continue;
                int score = likeness(leaf(extra.path()), name);
                if (score >= 0) candidates.add(new Candidate(extra, null, path, score));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score));
        List<Difference> out = new ArrayList<>(found);
        Set<String> usedColumns = new HashSet<>();
        Set<Difference> usedExtras = new HashSet<>();
        for (Candidate c : candidates) {
            if (usedExtras.contains(c.extra()) || !usedColumns.add(c.columnPath())) continue;
            usedExtras.add(c.extra());
            int at = out.indexOf(c.extra());
            boolean top = !c.columnPath().contains(".");
            out.set(at, new Difference(Kind.RENAMED, c.columnPath(), noun + " '" + c.extra().path() + "' looks like "
                    + (top ? "column" : "struct field") + " '" + c.columnPath() + "' renamed; Zerobus matches names exactly"));
            if (c.missing() != null) out.remove(c.missing());
        }
        return out;
    }

    /**
     * 0 for names equal ignoring case, '_' and '-'; 1..2 for that edit distance (case-insensitive); 3 when one is a
     * prefix of the other (a dropped or added suffix: 'placed' / 'placed_at'); -1 when not alike.
     */
    static int likeness(String a, String b) {
        String na = normalise(a), nb = normalise(b);
        if (na.equals(nb)) return 0;
        int d = editDistance(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
        // Short names are all close to each other ('id' vs 'ts'): the edits must leave at least half the name.
        if (d <= 2 && 2 * d <= Math.min(a.length(), b.length())) return d;
        String shorter = na.length() <= nb.length() ? na : nb;
        String longer = shorter == na ? nb : na;
        return shorter.length() >= 4 && longer.startsWith(shorter) ? 3 : -1;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    // ---- JSON: fields a sample leaves out -------------------------------------------------------------------------

    /** Column or struct-field names under {@code parent} whose key the sample does not have. */
    private static List<String> absentFields(TableSchema table, Object parsed, String parent) {
        List<String> names = new ArrayList<>();
        Object value = parsed;
        ColumnType type = null;
        List<ColumnType.Field> fields = null;
        if (!parent.isEmpty()) {
            for (String segment : parent.split("\\.")) {
                String name = segment.replaceAll("\\[.*$", "");
                if (type == null) {
                    type = table.column(name).map(TableColumn::type).orElse(null);
                } else if (type instanceof ColumnType.Struct s) {
                    type = s.fields().stream().filter(f -> f.name().equals(name)).map(ColumnType.Field::type).findFirst().orElse(null);
                } else {
                    return names;
                }
                value = value instanceof Map<?, ?> m ? m.get(name) : null;
                Matcher index = Pattern.compile("\\[(\\d+)]").matcher(segment);
                while (index.find() && type instanceof ColumnType.Array a) {
                    int i = Integer.parseInt(index.group(1));
                    value = value instanceof List<?> l && i < l.size() ? l.get(i) : null;
                    type = a.element();
                }
                if (type == null) return names;
            }
            if (!(type instanceof ColumnType.Struct s)) return names;
            fields = s.fields();
        }
        if (!(value instanceof Map<?, ?> present)) return names;
        if (fields == null) {
            for (TableColumn c : table.columns()) if (!present.containsKey(c.name())) names.add(c.name());
        } else {
            for (ColumnType.Field f : fields) if (!present.containsKey(f.name())) names.add(f.name());
        }
        return names;
    }
}
