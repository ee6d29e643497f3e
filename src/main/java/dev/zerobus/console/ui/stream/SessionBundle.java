package dev.zerobus.console.ui.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zerobus.console.ingest.SessionOptions;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A repro bundle of one session, a zip to reopen or attach to a ticket: profile.json (never the secret), schema.json,
 * options.json, summary.json, events.log and sample.jsonl (the rows Verify read back; the console keeps no copy of
 * what it sent). Writing and reading are file I/O: call them off the FX thread.
 */
public final class SessionBundle {
    static final String SECRET_PLACEHOLDER = "(not saved: ask the owner of the service principal)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What goes in, captured on the FX thread. */
    public record Content(ActiveIngestion ingestion, @Nullable ConnectionProfile profile, StreamStats stats,
                          List<EventRow> events, List<Map<String, @Nullable String>> sampleRows) {}

    private SessionBundle() {}

    /** A readable zip that Save session did not write. */
    static final class NotABundleException extends IOException {
        NotABundleException(String file) {
            super(file + " is not a session bundle: it has no profile.json or events.log.");
        }
    }

    public static void write(Path zip, Content content) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.txt", readme(content));
        files.put("profile.json", JSON.writeValueAsString(profile(content.profile())));
        files.put("schema.json", JSON.writeValueAsString(schema(content.ingestion())));
        files.put("options.json", JSON.writeValueAsString(options(content.ingestion())));
        files.put("summary.json", JSON.writeValueAsString(summary(content.stats())));
        StringBuilder log = new StringBuilder();
        content.events().forEach(e -> log.append(e.line()).append('\n'));
        files.put("events.log", log.isEmpty() ? "(no events)\n" : log.toString());
        StringBuilder sample = new StringBuilder();
        for (Map<String, @Nullable String> row : content.sampleRows()) sample.append(JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(row)).append('\n');
        files.put("sample.jsonl", sample.toString());
        Path tmp = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp); var z = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                z.putNextEntry(new ZipEntry(file.getKey()));
                z.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every file of a bundle, by name, in the order written. */
    public static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readNBytes(4 << 20), StandardCharsets.UTF_8));
            }
        }
        if (!files.containsKey("profile.json") || !files.containsKey("events.log")) {
            throw new NotABundleException(zip.getFileName().toString());
        }
        return files;
    }

    private static String readme(Content c) {
        String sample = c.sampleRows().isEmpty()
                ? "sample.jsonl is empty: the console keeps no copy of the records it sends. Run Verify before saving to include the newest rows of the table."
                : "sample.jsonl holds the " + c.sampleRows().size() + " newest rows Verify read back from the table.";
        return "Zerobus Ingest Console session bundle: " + c.ingestion().name() + "\n"
                + "Table: " + c.ingestion().table().fullName() + ", started " + c.ingestion().started() + "\n"
                + "profile.json has no client secret. " + sample + "\n"
                + "Open it again with Stream > Open bundle…\n";
    }

    private static Map<String, Object> profile(@Nullable ConnectionProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (p == null) return Map.of("profile", "unknown");
        m.put("name", p.name());
        m.put("source", p.source().name());
        m.put("workspaceUrl", p.workspaceUrl());
        m.put("zerobusEndpoint", p.zerobusEndpoint());
        m.put("clientId", p.clientId());
        m.put("clientSecret", SECRET_PLACEHOLDER);
        return m;
    }

    private static Map<String, Object> schema(ActiveIngestion i) {
        List<Map<String, Object>> columns = i.table().schema().columns().stream().map(SessionBundle::column).toList();
        return Map.of("table", i.table().fullName(), "columns", columns);
    }

    private static Map<String, Object> column(TableColumn c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("type", c.type().typeText());
        m.put("nullable", c.nullable());
        if (c.comment() != null) m.put("comment", c.comment());
        return m;
    }

    private static Map<String, Object> summary(StreamStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.badge().text());
        m.put("streams", s.streams());
        m.put("recordsSent", s.recordsSent());
        m.put("recordsAcked", s.recordsAcked());
        m.put("recordsInFlight", s.recordsInFlight());
        m.put("recordsFailed", s.recordsFailed());
        m.put("recordsResent", s.recordsResent());
        m.put("retries", s.retries());
        m.put("recoveries", s.recoveries());
        m.put("rotations", s.rotations());
        m.put("recordsQuotaPerStream", s.recordsQuota());
        m.put("errors", s.errors());
        m.put("latencyP50Ms", s.latencyP50().toMillis());
        m.put("latencyP99Ms", s.latencyP99().toMillis());
        m.put("elapsedSeconds", s.elapsed().toSeconds());
        if (s.lastProblem() != null) m.put("lastProblem", s.lastProblem().line());
        return m;
    }

    private static Map<String, Object> options(ActiveIngestion i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", i.job() != null ? "load" : "composer session");
        m.put("name", i.name());
        m.put("started", i.started().toString());
        m.put("rowsBefore", i.rowsBefore());
        m.put("streams", i.sessions().size());
        if (!i.sessions().isEmpty()) {
            SessionOptions o = i.sessions().getFirst().options();
            m.put("format", o.format().name());
            m.put("maxInflightRequests", o.maxInflightRequests());
            m.put("ackTimeoutMs", o.ackTimeout().toMillis());
            m.put("flushTimeoutMs", o.flushTimeout().toMillis());
            m.put("retry", Map.of("maxAttempts", o.retry().maxAttempts(), "initialBackoffMs", o.retry().initialBackoff().toMillis(),
                    "maxBackoffMs", o.retry().maxBackoff().toMillis()));
        }
        return m;
    }
}
