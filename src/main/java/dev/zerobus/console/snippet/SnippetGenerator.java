package dev.zerobus.console.snippet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes a complete producer program for one table in the language of an official Zerobus Ingest SDK, and the
 * matching command line of our own CLI. Snippets never contain the client secret: they read it from
 * {@code DATABRICKS_CLIENT_SECRET}. Stateless and thread-safe.
 */
public final class SnippetGenerator {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    public String generate(SnippetRequest request) {
        SnippetContext ctx = SnippetContext.of(request);
        return switch (request.language()) {
            case PYTHON -> PythonSnippet.write(ctx);
            case JAVA -> JavaSnippet.write(ctx);
            case GO -> GoSnippet.write(ctx);
            case TYPESCRIPT -> TypeScriptSnippet.write(ctx);
            case RUST -> RustSnippet.write(ctx);
        };
    }

    /** The file name the snippet's header tells the user to save it as (for Java, the public class's name). */
    public String fileName(SnippetRequest request) {
        return switch (request.language()) {
            case PYTHON -> "producer.py";
            case JAVA -> JavaSnippet.className(SnippetContext.of(request)) + ".java";
            case GO -> "main.go";
            case TYPESCRIPT -> "producer.ts";
            case RUST -> "main.rs";
        };
    }

    /**
     * Our CLI's equivalent: {@code zerobus-console ingest --table T --file F --format jsonl|csv --record-type
     * json|proto [--profile P]}. The format follows the file's extension ({@code .csv} -> csv, anything else
     * jsonl); arguments are quoted for a POSIX shell where needed.
     */
    public String cliCommand(String tableFullName, String file, SnippetRecordType recordType, @Nullable String profileName) {
        String format = file.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "jsonl";
        List<String> args = new ArrayList<>(List.of("zerobus-console", "ingest", "--table", tableFullName, "--file", file,
                "--format", format, "--record-type", recordType.cliName()));
        if (profileName != null && !profileName.isBlank()) {
            args.add("--profile");
            args.add(profileName);
        }
        return String.join(" ", args.stream().map(SnippetGenerator::shellQuote).toList());
    }

    public String cliCommand(SnippetRequest request, String file, @Nullable String profileName) {
        return cliCommand(request.table().fullName(), file, request.recordType(), profileName);
    }

    static String shellQuote(String arg) {
        if (SHELL_SAFE.matcher(arg).matches()) return arg;
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
