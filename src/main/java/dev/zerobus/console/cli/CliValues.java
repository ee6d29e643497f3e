package dev.zerobus.console.cli;

import dev.zerobus.console.schema.SnippetLanguage;
import dev.zerobus.console.schema.SnippetRecordType;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values spelled the way users type them ({@code ts}, {@code JSON}), converted for picocli. */
final class CliValues {
    private CliValues() {}

    static final class Language implements ITypeConverter<SnippetLanguage> {
        @Override
        public SnippetLanguage convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "python", "py" -> SnippetLanguage.PYTHON;
                case "java" -> SnippetLanguage.JAVA;
                case "go" -> SnippetLanguage.GO;
                case "ts", "typescript" -> SnippetLanguage.TYPESCRIPT;
                case "rust", "rs" -> SnippetLanguage.RUST;
                default -> throw new TypeConversionException("'" + value + "' is not one of python, java, go, ts, rust");
            };
        }
    }

    static final class RecordType implements ITypeConverter<SnippetRecordType> {
        @Override
        public SnippetRecordType convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> SnippetRecordType.JSON;
                case "proto" -> SnippetRecordType.PROTO;
                default -> throw new TypeConversionException("'" + value + "' is not one of json, proto");
            };
        }
    }
}
