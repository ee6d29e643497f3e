package dev.zerobus.console.cli;

import dev.zerobus.console.codec.CodecOptions;
import dev.zerobus.console.snippet.SnippetLanguage;
import dev.zerobus.console.snippet.SnippetRecordType;
import dev.zerobus.console.source.ErrorPolicy;
import dev.zerobus.console.source.SourceFormat;
import java.time.DateTimeException;
import java.time.ZoneId;
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

    static final class FileFormat implements ITypeConverter<SourceFormat> {
        @Override
        public SourceFormat convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> SourceFormat.CSV;
                case "jsonl", "ndjson" -> SourceFormat.JSON_LINES;
                case "json" -> SourceFormat.JSON_ARRAY;
                default -> throw new TypeConversionException("'" + value + "' is not one of csv, jsonl, json");
            };
        }
    }

    /** {@code stop}, {@code skip} or {@code max=N}. */
    static final class OnError implements ITypeConverter<ErrorPolicy> {
        @Override
        public ErrorPolicy convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("stop")) return ErrorPolicy.stopAtFirst();
            if (v.equals("skip")) return ErrorPolicy.skip();
            if (v.matches("max=[1-9][0-9]{0,17}")) return ErrorPolicy.stopAfter(Long.parseLong(v.substring(4)));
            throw new TypeConversionException("'" + value + "' is not one of stop, skip, max=N (N at least 1)");
        }
    }

    static final class TimeZone implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a time zone (use e.g. UTC, Europe/Berlin or +02:00)");
            }
        }
    }

    static final class EpochUnit implements ITypeConverter<CodecOptions.EpochUnit> {
        @Override
        public CodecOptions.EpochUnit convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "s" -> CodecOptions.EpochUnit.SECONDS;
                case "ms" -> CodecOptions.EpochUnit.MILLIS;
                case "us" -> CodecOptions.EpochUnit.MICROS;
                default -> throw new TypeConversionException("'" + value + "' is not an epoch unit (use s, ms or us; "
                        + "nanoseconds do not fit a timestamp's microseconds)");
            };
        }
    }
}
