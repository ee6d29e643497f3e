package dev.zerobus.console.sandbox;

/** When the sandbox ACKs a record. */
public enum Durability {
    /** After the record is committed to its Delta table and fsynced (the default; what Zerobus promises). */
    DURABLE,
    /** On receipt, storing nothing: a null sink for benchmarks that measure the client alone. */
    NONE
}
