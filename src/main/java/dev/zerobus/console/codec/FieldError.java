package dev.zerobus.console.codec;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One bad value in one record.
 *
 * @param path     where: {@code ts}, {@code c_struct.geo.lat}, {@code c_array[2]}, {@code c_map["k"]}; empty for the
 *                 record as a whole
 * @param value    the offending value as the user wrote it, quoted when it was text and cut to about 60
 *                 characters; null when there was no value (missing field)
 * @param expected the column type, as UC prints it ({@code timestamp}, {@code decimal(10,2)})
 * @param message  what is wrong, in plain words: {@code '2024-13-01 10:00' is not a timestamp}
 * @param example  what a good value looks like: {@code ISO-8601 like 2024-05-01T12:30:00Z, ...}
 */
public record FieldError(String path, @Nullable String value, String expected, String message, String example) {
    public FieldError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(example, "example");
    }

    /** {@code ts: '2024-13-01 10:00' is not a timestamp. Expected ISO-8601 like 2024-05-01T12:30:00Z, ...} */
    public String describe() {
        String where = path.isEmpty() ? "" : path + ": ";
        return example.isEmpty() ? where + message : where + message + ". Expected " + example;
    }
}
