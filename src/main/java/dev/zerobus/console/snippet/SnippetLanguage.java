package dev.zerobus.console.snippet;

/** The languages of the official Zerobus Ingest SDKs a producer snippet can be written in. */
public enum SnippetLanguage {
    PYTHON, JAVA, GO, TYPESCRIPT, RUST
}
