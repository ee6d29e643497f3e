package dev.zerobus.console.codec;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How {@link RecordCodec} reads friendly input. Immutable.
 *
 * @param zone       zone for timestamps given without an offset ({@code 2024-05-01 12:30:00}, {@code 2024-05-01})
 * @param epochUnit  unit of bare numbers given to TIMESTAMP and TIMESTAMP_NTZ columns
 * @param emptyText  what an empty or blank top-level text value means (CSV cells and form fields are text)
 */
public record CodecOptions(ZoneId zone, EpochUnit epochUnit, EmptyText emptyText) {

    public enum EpochUnit {
        SECONDS(1_000_000L, "seconds", "1714566600"),
        MILLIS(1_000L, "millis", "1714566600000"),
        MICROS(1L, "micros", "1714566600000000");

        private final long micros;
        private final String label;
        private final String example;

        EpochUnit(long micros, String label, String example) {
            this.micros = micros;
            this.label = label;
            this.example = example;
        }

        /** Microseconds in one unit. */
        public long micros() { return micros; }
        public String label() { return label; }
        /** 2024-05-01T12:30:00Z in this unit. */
        public String example() { return example; }
    }

    public enum EmptyText {
        /** {@code ""} is a value: an empty STRING, an empty BINARY, and an error for every other type. */
        IS_TEXT,
        /** {@code ""} or blank text is SQL NULL, as a CSV reader would want. */
        IS_NULL
    }

    public CodecOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(epochUnit, "epochUnit");
        Objects.requireNonNull(emptyText, "emptyText");
    }

    /** UTC, epoch micros, empty text is text. */
    public static CodecOptions defaults() {
        return new CodecOptions(ZoneOffset.UTC, EpochUnit.MICROS, EmptyText.IS_TEXT);
    }

    /** As {@link #defaults()} but empty cells are NULL. */
    public static CodecOptions forCsv() {
        return defaults().withEmptyText(EmptyText.IS_NULL);
    }

    public CodecOptions withZone(ZoneId zone) { return new CodecOptions(zone, epochUnit, emptyText); }
    public CodecOptions withEpochUnit(EpochUnit unit) { return new CodecOptions(zone, unit, emptyText); }
    public CodecOptions withEmptyText(EmptyText empty) { return new CodecOptions(zone, epochUnit, empty); }
}
