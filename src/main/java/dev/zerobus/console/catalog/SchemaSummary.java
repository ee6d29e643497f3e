package dev.zerobus.console.catalog;

import org.jspecify.annotations.Nullable;

/** One schema as listed; {@code fullName} is {@code catalog.schema}. */
public record SchemaSummary(String name, String fullName, @Nullable String comment, @Nullable String owner) {}
