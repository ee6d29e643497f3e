package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.oauth.Consent;
import com.databricks.sdk.core.oauth.ExternalBrowserCredentialsProvider;
import com.databricks.sdk.core.oauth.FileTokenCache;
import com.databricks.sdk.core.oauth.OAuthClient;
import com.databricks.sdk.core.oauth.SessionCredentials;
import com.databricks.sdk.core.oauth.Token;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.iam.MeRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.sandbox.auth.TokenGrant;
import dev.zerobus.console.sandbox.auth.TokenService;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth U2M (authorization code + PKCE) as databricks-sdk-java's {@code external-browser} auth does it. There is no
 * browser here: the test plays it, fetching the SDK's authorize URL without following the redirect and handing the
 * callback parameters back to the SDK's Consent, exactly what its callback server would receive. The SDK's token cache
 * is a file in a temp dir, never the real $HOME.
 */
class OAuthU2MTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://localhost:8020/callback";

    @TempDir static Path dataDir;
    static SandboxWorkspace sandbox;
    static MutableClock clock;
    static HttpClient browser;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir).withClock(clock));
        browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        browser.close();
        sandbox.close();
    }

    private static String url() {
        return sandbox.endpoints().workspaceUrl();
    }

    /** The consent, built as ExternalBrowserCredentialsProvider.performBrowserAuth builds it (discovery included). */
    private static Consent consent() throws Exception {
        var config = new DatabricksConfig().setHost(url()).setAuthType("external-browser").resolve();
        OAuthClient client = new OAuthClient.Builder()
                .withHttpClient(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build())
                .withClientId("databricks-cli")
                .withHost(url())
                .withRedirectUrl(config.getEffectiveOAuthRedirectUrl())
                .withScopes(List.of("all-apis", "offline_access"))
                .withOpenIDConnectEndpoints(config.getDatabricksOidcEndpoints())
                .build();
        return client.initiateConsent();
    }

    /** What the browser does: open the authorize URL; the sandbox's signed-in user consents; follow to the callback. */
    private static Map<String, String> signIn(Consent consent, String loginHint) throws Exception {
        String authUrl = consent.getAuthUrl() + (loginHint == null ? "" : "&login_hint=" + URLEncoder.encode(loginHint, StandardCharsets.UTF_8));
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(authUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(consent.getRedirectUrl() + "?");
        return query(URI.create(location).getRawQuery());
    }

    @Test
    void theSdkSignsInTheAdminAndListsTheCatalogs() throws Exception {
        Consent consent = consent();
        assertThat(consent.getAuthUrl()).startsWith(url() + "/oidc/v1/authorize?").contains("code_challenge_method=S256");

        SessionCredentials credentials = consent.exchangeCallbackParameters(signIn(consent, null));
        WorkspaceClient client = new WorkspaceClient(new DatabricksConfig().setHost(url()).setCredentialsProvider(credentials));
        List<String> catalogs = StreamSupport.stream(client.catalogs().list(new ListCatalogsRequest()).spliterator(), false)
                .map(CatalogInfo::getName).toList();

        assertThat(catalogs).contains("main");
        assertThat(client.currentUser().me(new MeRequest()).getUserName()).isEqualTo(SandboxPrincipals.ADMIN);
    }

    /**
     * The external-browser provider itself, unmodified, with a cached expired token: it refreshes with the refresh
     * token (rotated), saves the new one to its cache and lists the catalogs as the analyst who signed in.
     */
    @Test
    void theExternalBrowserProviderRefreshesItsCachedTokenAndListsTheCatalogs(@TempDir Path home) throws Exception {
        Consent consent = consent();
        Map<String, String> callback = signIn(consent, SandboxPrincipals.ANALYST);
        JsonNode first = JSON.readTree(exchange(consent, callback));
        String firstRefresh = first.path("refresh_token").asText();
        Path cacheFile = home.resolve(".config/databricks-sdk-java/oauth/sandbox");
        var cache = new FileTokenCache(cacheFile);
        cache.save(new Token(first.path("access_token").asText(), "Bearer", firstRefresh, Instant.now().minusSeconds(60)));

        var config = new DatabricksConfig().setHost(url()).setAuthType("external-browser")
                .setCredentialsProvider(new ExternalBrowserCredentialsProvider(cache));
        WorkspaceClient client = new WorkspaceClient(config);
        List<String> catalogs = StreamSupport.stream(client.catalogs().list(new ListCatalogsRequest()).spliterator(), false)
                .map(CatalogInfo::getName).toList();
        String me = client.currentUser().me(new MeRequest()).getUserName();

        assertThat(catalogs).containsExactly("main");
        assertThat(me).isEqualTo(SandboxPrincipals.ANALYST);
        Token cached = new FileTokenCache(cacheFile).load();
        assertThat(cached.getRefreshToken()).isNotBlank().isNotEqualTo(firstRefresh);
        assertThat(Files.readString(cacheFile)).doesNotContain(first.path("access_token").asText());
        var lookup = (TokenService.Lookup.Valid) sandbox.context().tokens().lookup("Bearer " + cached.getAccessToken());
        assertThat(lookup.grant().type()).isEqualTo(TokenGrant.Type.OAUTH_U2M);

        // The refresh token was rotated: the old one is refused.
        HttpResponse<String> reuse = token("grant_type=refresh_token&client_id=databricks-cli&refresh_token=" + firstRefresh);
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reuse.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aCodeIsSingleUseAndNeedsItsVerifierAndRedirectUri() throws Exception {
        Pkce pkce = Pkce.create();
        String code = authorize(pkce, "admin-state").get("code");
        HttpResponse<String> wrongVerifier = redeem(code, Pkce.create().verifier(), REDIRECT);
        HttpResponse<String> afterFailure = redeem(code, pkce.verifier(), REDIRECT);

        String code2 = authorize(pkce, "s2").get("code");
        HttpResponse<String> wrongRedirect = redeem(code2, pkce.verifier(), "http://localhost:9999/other");

        String code3 = authorize(pkce, "s3").get("code");
        HttpResponse<String> ok = redeem(code3, pkce.verifier(), REDIRECT);
        HttpResponse<String> again = redeem(code3, pkce.verifier(), REDIRECT);

        assertError(wrongVerifier, 400, "invalid_grant", "code_verifier");
        assertError(afterFailure, 400, "invalid_grant", "single-use");
        assertError(wrongRedirect, 400, "invalid_grant", "redirect_uri");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("refresh_token").asText()).startsWith("sbxrefresh-");
        assertError(again, 400, "invalid_grant", "already used");
    }

    @Test
    void aCodeExpiresAfterAMinute() throws Exception {
        Pkce pkce = Pkce.create();
        String code = authorize(pkce, "late").get("code");
        clock.advance(TokenService.CODE_LIFETIME.plusSeconds(1));

        assertError(redeem(code, pkce.verifier(), REDIRECT), 400, "invalid_grant", "expired");
    }

    @Test
    void authorizeRefusesBadClientsRedirectsAndPkce() throws Exception {
        Pkce pkce = Pkce.create();
        String good = "response_type=code&client_id=databricks-cli&redirect_uri=" + enc(REDIRECT) + "&scope=all-apis&state=st"
                + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";

        HttpResponse<String> unknownClient = get(good.replace("client_id=databricks-cli", "client_id=evil-app"));
        HttpResponse<String> remoteRedirect = get(good.replace(enc(REDIRECT), enc("https://evil.example/cb")));
        Map<String, String> plain = redirected(get(good.replace("code_challenge_method=S256", "code_challenge_method=plain")));
        Map<String, String> noPkce = redirected(get(good.replace("&code_challenge=" + pkce.challenge(), "")));
        Map<String, String> badScope = redirected(get(good.replace("scope=all-apis", "scope=root")));
        Map<String, String> noSuchUser = redirected(get(good + "&login_hint=" + enc("mallory@localhost")));

        assertError(unknownClient, 400, "invalid_client", "evil-app");
        assertThat(unknownClient.headers().firstValue("Location")).isEmpty();
        assertError(remoteRedirect, 400, "invalid_request", "loopback");
        assertThat(remoteRedirect.headers().firstValue("Location")).isEmpty();
        assertThat(plain).containsEntry("error", "invalid_request").containsEntry("state", "st").doesNotContainKey("code");
        assertThat(plain.get("error_description")).contains("S256");
        assertThat(noPkce).containsEntry("error", "invalid_request").doesNotContainKey("code");
        assertThat(badScope).containsEntry("error", "invalid_scope");
        assertThat(noSuchUser).containsEntry("error", "access_denied").doesNotContainKey("code");
    }

    @Test
    void aUserCannotUseTheClientCredentialsGrant() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials&client_id=" + enc(SandboxPrincipals.ADMIN)
                + "&client_secret=" + sandbox.endpoints().userToken());

        assertError(response, 401, "invalid_client", "unknown client_id");
    }

    // ---- helpers ----

    record Pkce(String verifier, String challenge) {
        static Pkce create() throws Exception {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
    }

    private static Map<String, String> authorize(Pkce pkce, String state) throws Exception {
        return redirected(get("response_type=code&client_id=databricks-cli&redirect_uri=" + enc(REDIRECT)
                + "&scope=" + enc("all-apis offline_access") + "&state=" + state + "&code_challenge=" + pkce.challenge()
                + "&code_challenge_method=S256"));
    }

    private static String exchange(Consent consent, Map<String, String> callback) throws Exception {
        HttpResponse<String> response = token("grant_type=authorization_code&client_id=databricks-cli&code=" + enc(callback.get("code"))
                + "&redirect_uri=" + enc(consent.getRedirectUrl()) + "&code_verifier=" + consent.getVerifier());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> redeem(String code, String verifier, String redirect) throws Exception {
        return token("grant_type=authorization_code&client_id=databricks-cli&code=" + enc(code) + "&redirect_uri="
                + enc(redirect) + "&code_verifier=" + verifier);
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url() + "/oidc/v1/authorize?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> redirected(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        return query(URI.create(location).getRawQuery());
    }

    private static HttpResponse<String> token(String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url() + "/oidc/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String error, String descriptionPart) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).contains(descriptionPart);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A clock the test moves forward, to expire codes without waiting. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) { this.now = start; }

        void advance(Duration by) { now = now.plus(by); }

        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
