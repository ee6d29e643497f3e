package dev.zerobus.console.snippet;

import com.databricks.zerobus.ZerobusSdk;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/** Offline syntax checkers for the snippet tests: javac in-process, the others as local processes. */
final class SnippetToolchain {
    private SnippetToolchain() {}

    record Result(int exitCode, String output) {}

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : List.of(path.split(File.pathSeparator)));
        dirs.add(System.getProperty("user.home") + "/.cargo/bin");
        return dirs.stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    static String resolve(String tool) {
        Path cargo = Path.of(System.getProperty("user.home"), ".cargo", "bin", tool);
        return Files.isExecutable(cargo) && !onPathOnly(tool) ? cargo.toString() : tool;
    }

    private static boolean onPathOnly(String tool) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.set(0, resolve(cmd.get(0)));
        Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Compiles one source file against the test classpath (SDK, protobuf-java, protobuf-java-util); returns the errors. */
    static List<String> javacErrors(Path dir, String fileName, String source) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "-classpath", classpath(), "-d", dir.resolve("classes").toString());
            compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(null)).toList();
    }

    /** Surefire may hand the JVM a manifest-only jar, so the SDK jars are also named directly. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (Class<?> c : List.of(ZerobusSdk.class, Message.class,
                JsonFormat.class)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
