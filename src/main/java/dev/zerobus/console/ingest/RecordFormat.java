package dev.zerobus.console.ingest;

/** What a stream carries: JSON text records or protobuf-encoded records. */
public enum RecordFormat {
    JSON, PROTO
}
