package dev.zerobus.console.catalog;

import com.databricks.sdk.core.CredentialsProvider;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.oauth.Consent;
import com.databricks.sdk.core.oauth.OAuthClient;
import com.databricks.sdk.core.oauth.OpenIDConnectEndpoints;
import com.sun.net.httpserver.HttpServer;
import java.awt.Desktop;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * OAuth U2M ("external-browser") for "You", on databricks-sdk-java's own OAuth client: the SDK builds the
 * authorization URL (PKCE S256, state, {@code offline_access}), exchanges the code and refreshes the token
 * ({@link OAuthClient}, {@link Consent}, {@code SessionCredentials}). The console owns only what a desktop app must:
 * how the URL is opened ({@link Opener}: the desktop browser, JavaFX's HostServices, or a test's HTTP client) and the
 * loopback listener that receives the redirect, so that sign-in can time out and be retried from the UI.
 * Tokens stay in memory for the session (never written to disk). Thread-safe: one sign-in per host at a time.
 */
public final class BrowserSignIn {
    /** The OAuth client Databricks registers for desktop tools; its redirect is {@code http://localhost:8020}. */
    public static final String CLIENT_ID = "databricks-cli";
    public static final int DEFAULT_REDIRECT_PORT = 8020;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    /** Opens the authorization URL for the person (or, in tests, follows it). */
    @FunctionalInterface
    public interface Opener {
        void open(URI authorizationUrl) throws IOException;
    }

    private static volatile BrowserSignIn shared = new BrowserSignIn(BrowserSignIn::openDesktopBrowser, DEFAULT_REDIRECT_PORT, DEFAULT_TIMEOUT);

    private final Opener opener;
    private final int redirectPort;
    private final Duration timeout;
    private final Map<String, CredentialsProvider> sessions = new ConcurrentHashMap<>();

    /** {@code redirectPort} 0 picks a free port (the sandbox accepts any loopback redirect; Databricks wants 8020). */
    public BrowserSignIn(Opener opener, int redirectPort, Duration timeout) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.redirectPort = redirectPort;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The sign-in the console uses (the UI replaces the opener with its HostServices). */
    public static BrowserSignIn shared() {
        return shared;
    }

    public static void setShared(BrowserSignIn value) {
        shared = Objects.requireNonNull(value);
    }

    /** True when this session already holds a sign-in for {@code host}. */
    public boolean isSignedIn(String host) {
        return sessions.containsKey(key(host));
    }

    /** Forgets the session's tokens for {@code host}: the next call signs in again. */
    public void signOut(String host) {
        sessions.remove(key(host));
    }

    /**
     * The SDK credentials of the person signed in at {@code host}: this session's, else a new browser sign-in (blocks
     * until the redirect arrives or the timeout passes). Failures are {@link CatalogException}s saying what to do.
     */
    public CredentialsProvider credentials(String host) {
        String key = key(host);
        CredentialsProvider known = sessions.get(key);
        if (known != null) return known;
        synchronized (this) {
            known = sessions.get(key);
            if (known != null) return known;
            CredentialsProvider signedIn = signIn(key);
            sessions.put(key, signedIn);
            return signedIn;
        }
    }

    private CredentialsProvider signIn(String host) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), redirectPort), 0);
        } catch (IOException e) {
            throw new CatalogException(new dev.zerobus.console.workspace.Problem(
                    "Cannot listen on localhost:" + redirectPort + " for the browser's sign-in redirect: " + e.getMessage(),
                    "Close the program that uses port " + redirectPort + " (another sign-in, or `databricks auth login`) and try again.",
                    null, e));
        }
        CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();
        server.createContext("/", exchange -> {
            Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
            boolean ok = query.containsKey("code");
            byte[] body = (ok ? "Signed in. You can close this tab and return to the Zerobus Ingest Console."
                    : "Sign-in failed: " + query.getOrDefault("error_description", query.getOrDefault("error", "no code")))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(ok ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            if (query.containsKey("code") || query.containsKey("error")) callback.complete(query);
        });
        server.start();
        try {
            String redirect = "http://localhost:" + server.getAddress().getPort();
            var http = new CommonsHttpClient.Builder().withTimeoutSeconds(30).build();
            OpenIDConnectEndpoints endpoints = new DatabricksConfig().setHost(host).setHttpClient(http).getDatabricksOidcEndpoints();
            OAuthClient client = new OAuthClient.Builder().withHttpClient(http).withHost(host).withClientId(CLIENT_ID)
                    .withRedirectUrl(redirect).withScopes(List.of("all-apis", "offline_access"))
                    .withOpenIDConnectEndpoints(endpoints).build();
            Consent consent = client.initiateConsent();
            opener.open(URI.create(consent.getAuthUrl()));
            Map<String, String> query = callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return consent.exchangeCallbackParameters(query);
        } catch (TimeoutException e) {
            throw new CatalogException(new dev.zerobus.console.workspace.Problem(
                    "The browser sign-in to " + host + " did not finish within " + timeout.toSeconds() + " s.",
                    "Sign in again and complete the consent page in the browser that opens.", null, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Browser sign-in interrupted");
        } catch (ExecutionException | IOException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof CatalogException c) throw c;
            throw new CatalogException(new dev.zerobus.console.workspace.Problem(
                    "The browser sign-in to " + host + " failed: " + cause.getMessage(),
                    "Check the workspace URL, then sign in again; if your workspace blocks the databricks-cli OAuth app, "
                            + "use a personal access token or `databricks auth login` instead.", null, cause));
        } finally {
            server.stop(0);
        }
    }

    private static Map<String, String> parseQuery(@Nullable String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return result;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(name, value);
        }
        return result;
    }

    private static String key(String host) {
        String h = host.strip();
        return h.endsWith("/") ? h.substring(0, h.length() - 1) : h;
    }

    private static void openDesktopBrowser(URI uri) throws IOException {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            System.err.println("Open this URL in a browser to sign in: " + uri);
            return;
        }
        Desktop.getDesktop().browse(uri);
    }
}
