package dev.zerobus.console.codec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link RecordCodec} made of one record: the encoded value, or every problem found in it.
 *
 * @param <T> {@code String} (JSON record), {@code byte[]} (proto message) or {@code Object[]} (row values)
 */
public sealed interface CodecResult<T> {

    /** Note: a record holding an array compares arrays by identity; compare the value itself. */
    record Encoded<T>(T value) implements CodecResult<T> {}

    /** All field errors of the record, in column order, never empty. */
    record Invalid<T>(List<FieldError> errors) implements CodecResult<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) throw new IllegalArgumentException("an Invalid result needs at least one error");
        }

        /** One line per error. */
        public String describe() {
            return errors.stream().map(FieldError::describe).collect(Collectors.joining("\n"));
        }
    }
}
