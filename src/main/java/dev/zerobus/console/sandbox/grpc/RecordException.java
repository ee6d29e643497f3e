package dev.zerobus.console.sandbox.grpc;

/** A record that does not decode or does not fit the table; the message starts with the field path. */
final class RecordException extends Exception {
    RecordException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem, null, false, false);
    }
}
