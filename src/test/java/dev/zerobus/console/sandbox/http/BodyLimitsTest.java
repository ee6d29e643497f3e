package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.SandboxExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 12 item 13: an unauthenticated 300 MB POST to /oidc/v1/token exhausted the heap. Every body is bounded now. */
class BodyLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();

    /** A 300 MB body is announced; the sandbox answers 413 from the headers alone, without reading it. */
    @Test
    void refusesAnAnnounced300MegabyteTokenRequestUnread() throws Exception {
        String response = rawPost("/oidc/v1/token", 300L << 20, "application/x-www-form-urlencoded");

        assertThat(response).startsWith("HTTP/1.1 413");
        JsonNode body = JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body.path("error_code").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(body.path("message").asText()).contains("1 MiB").contains("/oidc/v1/token");
    }

    @Test
    void refusesAnOversizedRestBodyBeforeTheToken() throws Exception {
        String response = rawPost("/api/2.1/unity-catalog/catalogs", 5L << 20, "application/json");

        assertThat(response).startsWith("HTTP/1.1 413");
        assertThat(response).contains("REQUEST_LIMIT_EXCEEDED").contains("4 MiB");
    }

    /** Without Content-Length (chunked), reading stops one byte past the limit. */
    @Test
    void refusesAChunkedBodyOverTheLimit() throws Exception {
        byte[] body = new byte[(int) BodyLimits.OAUTH_BYTES + 100];
        Arrays.fill(body, (byte) 'a');
        try (var http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + "/oidc/v1/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).path("error_code").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        }
    }

    @Test
    void aBodyWithinTheLimitIsStillRead() throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            String form = "grant_type=client_credentials&client_id=" + sandbox.endpoints().clientId() + "&client_secret="
                    + sandbox.endpoints().clientSecret() + "&pad=" + "x".repeat(500_000);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoints().workspaceUrl() + "/oidc/v1/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("access_token").asText()).startsWith("sbxtok-");
        }
    }

    /** Sends the headers and 1 KiB of the announced body, then reads whatever the sandbox answers. */
    private static String rawPost(String path, long declaredLength, String contentType) throws Exception {
        URI uri = URI.create(sandbox.endpoints().workspaceUrl());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + declaredLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                int headerEnd = response.indexOf("\r\n\r\n");
                if (headerEnd > 0) {
                    String headers = response.substring(0, headerEnd).toLowerCase(Locale.ROOT);
                    int cl = headers.indexOf("content-length:");
                    if (cl > 0) {
                        int length = Integer.parseInt(headers.substring(cl + 15).split("\r\n")[0].strip());
                        if (response.length() - headerEnd - 4 >= length) break;
                    }
                }
            }
            return response.toString();
        }
    }
}
