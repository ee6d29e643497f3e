package dev.zerobus.console.catalog;

import org.jspecify.annotations.Nullable;

/** One catalog as listed (a catalog's full name is its name). */
public record CatalogSummary(String name, String fullName, @Nullable String comment, @Nullable String owner) {}
