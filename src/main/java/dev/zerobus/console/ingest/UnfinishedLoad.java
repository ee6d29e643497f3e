package dev.zerobus.console.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A load that stopped before the end (the person stopped it, quit, or a stream failed), with what is needed to run
 * it again from where it stopped: what it read ({@link Recipe}), the table and profile, and the record indexes
 * already durable. Holds no record contents and no secrets. {@code fraction} is how far it got (0..1).
 */
public record UnfinishedLoad(String id, String name, String table, String profile, Recipe recipe, List<long[]> durable,
                             long acked, double fraction, long endedAtMillis) {
    public UnfinishedLoad {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(table);
        Objects.requireNonNull(profile);
        Objects.requireNonNull(recipe);
        durable = List.copyOf(durable);
    }

    /**
     * What a load read. A generated load is replayed exactly from its seed; a file import names the file, with its
     * size and modification time so that an edited file is not resumed by mistake.
     */
    public record Recipe(Kind kind, @Nullable String file, long fileSize, long fileModifiedMillis, long count, long seed,
                         int rate, int streams, int recordsPerRequest, RecordFormat format) {
        public enum Kind { GENERATED, FILE }

        public static Recipe generated(long count, long seed, int rate, int streams, int recordsPerRequest, RecordFormat format) {
            return new Recipe(Kind.GENERATED, null, 0, 0, count, seed, rate, streams, recordsPerRequest, format);
        }

        public static Recipe file(Path file, long size, long modifiedMillis, int streams, RecordFormat format) {
            return new Recipe(Kind.FILE, file.toAbsolutePath().toString(), size, modifiedMillis, 0, 0, 0, streams, 1, format);
        }
    }

    /** The durable indexes, for {@link LoadOptions#withAlreadyDurable}. */
    public AckedRanges ranges() {
        return AckedRanges.of(durable);
    }

    /** Rows still to send, when the load's size is known (a generated load); -1 otherwise. */
    public long remaining() {
        return recipe.kind() == Recipe.Kind.GENERATED ? Math.max(0, recipe.count() - acked) : -1;
    }
}
