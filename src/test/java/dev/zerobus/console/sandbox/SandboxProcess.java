package dev.zerobus.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A sandbox running as its own JVM, started the way users start it: {@code zerobus-console sandbox ...}. */
public final class SandboxProcess implements AutoCloseable {
    private final Process process;
    private final JsonNode endpoints;
    private final Path stderr;

    private SandboxProcess(Process process, JsonNode endpoints, Path stderr) {
        this.process = process;
        this.endpoints = endpoints;
        this.stderr = stderr;
    }

    public static SandboxProcess start(Path dataDir, String... extraArgs) throws IOException {
        Path stderr = Files.createTempFile("sandbox-stderr", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "dev.zerobus.console.app.Main", "sandbox", "--data", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("The sandbox process printed nothing; stderr: " + Files.readString(stderr));
        }
        return new SandboxProcess(process, new ObjectMapper().readTree(line), stderr);
    }

    public JsonNode endpoints() { return endpoints; }
    public String endpoint(String name) { return endpoints.path(name).asText(); }
    public Process process() { return process; }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** SIGTERM, then wait for the JVM to finish its shutdown hook. Returns the exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        return process.exitValue();
    }

    /** kill -9: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
