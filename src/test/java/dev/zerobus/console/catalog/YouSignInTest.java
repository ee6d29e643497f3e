package dev.zerobus.console.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.catalog.CatalogInfo;
import com.databricks.sdk.service.catalog.ListCatalogsRequest;
import com.databricks.sdk.service.iam.MeRequest;
import dev.zerobus.console.doctor.CheckReport;
import dev.zerobus.console.doctor.CheckStep;
import dev.zerobus.console.doctor.ConnectionCheck;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import dev.zerobus.console.workspace.UserAuth;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "You" through the console's own paths ({@link WorkspaceClients#asYou}): OAuth U2M with the consent completed by the
 * test (playing the browser), a ~/.databrickscfg profile with a token, one with only a service principal, and a
 * broken token that the doctor blames on "You".
 */
class YouSignInTest {
    @TempDir static Path dir;
    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();

    private static ConnectionProfile profile(UserAuth you) {
        var e = sandbox.endpoints();
        return new ConnectionProfile("you", ConnectionProfile.Source.SAVED, e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(),
                Secret.of(e.clientSecret()), you);
    }

    private static String me(WorkspaceClient client) {
        return client.currentUser().me(new MeRequest()).getUserName();
    }

    /** The browser: opens the authorize URL (the sandbox's signed-in user consents at once) and follows to the callback. */
    private static BrowserSignIn.Opener browser(AtomicInteger opened, String extraQuery) {
        return url -> {
            opened.incrementAndGet();
            try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
                var authorize = http.send(HttpRequest.newBuilder(URI.create(url + extraQuery)).GET().build(), HttpResponse.BodyHandlers.discarding());
                String callback = authorize.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + authorize.statusCode()));
                http.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(), HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            }
        };
    }

    @Test
    void oauthU2mInTheBrowserListsTheCatalogAsTheSignedInUserAndSignsInOncePerSession() {
        var opened = new AtomicInteger();
        var signIn = new BrowserSignIn(browser(opened, ""), 0, Duration.ofSeconds(30));
        ConnectionProfile profile = profile(UserAuth.externalBrowser());

        WorkspaceClient you = WorkspaceClients.asYou(profile, signIn);

        assertThat(StreamSupport.stream(you.catalogs().list(new ListCatalogsRequest()).spliterator(), false).map(CatalogInfo::getName))
                .contains("main");
        assertThat(me(you)).isEqualTo(SandboxPrincipals.ADMIN);
        assertThat(me(WorkspaceClients.asYou(profile, signIn))).isEqualTo(SandboxPrincipals.ADMIN);
        assertThat(opened).hasValue(1);
        assertThat(signIn.isSignedIn(profile.workspaceUrl())).isTrue();

        signIn.signOut(profile.workspaceUrl());
        var analystSignIn = new BrowserSignIn(browser(opened, "&login_hint=" + SandboxPrincipals.ANALYST), 0, Duration.ofSeconds(30));
        assertThat(me(WorkspaceClients.asYou(profile, analystSignIn))).isEqualTo(SandboxPrincipals.ANALYST);
    }

    @Test
    void aRefusedConsentIsAClearError() {
        var signIn = new BrowserSignIn(browser(new AtomicInteger(), "&login_hint=mallory@localhost"), 0, Duration.ofSeconds(30));

        assertThatThrownBy(() -> WorkspaceClients.asYou(profile(UserAuth.externalBrowser()), signIn))
                .isInstanceOf(CatalogException.class).hasMessageStartingWith("The browser sign-in to " + sandbox.endpoints().workspaceUrl() + " failed: ");
    }

    @Test
    void databricksCfgProfilesOfAnyAuthTypeAreResolvedByTheSdk() throws Exception {
        var e = sandbox.endpoints();
        Path cfg = dir.resolve("databrickscfg");
        Files.writeString(cfg, "[user]\nhost = " + e.workspaceUrl() + "\ntoken = " + e.userToken() + "\nzerobus_endpoint = " + e.zerobusEndpoint()
                + "\n\n[sp-only]\nhost = " + e.workspaceUrl() + "\nclient_id = " + e.clientId() + "\nclient_secret = " + e.clientSecret() + "\n");
        var store = new ProfileStore(dir.resolve("config"), cfg, Map.of(), new SecretStore.NoKeychain("tests"));

        ConnectionProfile user = store.find("user").orElseThrow();
        assertThat(user.you()).isEqualTo(UserAuth.configProfile("user", cfg.toString()));
        assertThat(user.hasIngestIdentity()).isFalse();
        assertThat(me(WorkspaceClients.asYou(user))).isEqualTo(SandboxPrincipals.ADMIN);

        ConnectionProfile spOnly = store.find("sp-only").orElseThrow();
        assertThat(me(WorkspaceClients.asYou(spOnly))).isEqualTo(SandboxPrincipals.GRANTED); // one principal for both
    }

    @Test
    void theDoctorSaysItIsYouWhoFailedWhenYourTokenIsWrong() {
        CheckReport report = new ConnectionCheck(profile(UserAuth.pat(Secret.of("dapi-not-a-real-token"))), "main.default.sensor_readings").run();

        assertThat(report.firstFailure().orElseThrow().step()).isEqualTo(CheckStep.YOU);
        assertThat(report.failedIdentity()).contains(CheckStep.Identity.YOU);
        assertThat(report.step(CheckStep.YOU).problem().message()).startsWith("As you (Personal access token): ");
        assertThat(report.toText()).doesNotContain("dapi-not-a-real-token").contains("  you:       Personal access token");

        var e = sandbox.endpoints();
        var youOnly = new ConnectionProfile("you-only", ConnectionProfile.Source.SAVED, e.workspaceUrl(), e.zerobusEndpoint(), "", null,
                UserAuth.pat(Secret.of(e.userToken())));
        CheckReport noSp = new ConnectionCheck(youOnly, "main.default.sensor_readings").run();
        assertThat(noSp.step(CheckStep.YOU).status()).isEqualTo(dev.zerobus.console.doctor.StepResult.Status.PASSED);
        assertThat(noSp.firstFailure().orElseThrow().step()).isEqualTo(CheckStep.TOKEN);
        assertThat(noSp.failedIdentity()).contains(CheckStep.Identity.INGEST);
        assertThat(noSp.step(CheckStep.TOKEN).problem().message()).isEqualTo("The ingest service principal's client id or secret is missing.");
        assertThat(noSp.step(CheckStep.TOKEN).problem().fix()).contains("zerobus-console setup --table main.default.sensor_readings");

        CheckReport good = new ConnectionCheck(profile(UserAuth.pat(Secret.of(sandbox.endpoints().userToken()))), "main.default.sensor_readings").run();
        assertThat(good.passed()).as(good.toText()).isTrue();
        assertThat(good.step(CheckStep.YOU).detail()).isEqualTo("Signed in as sandbox-admin@localhost (Personal access token)");
    }
}
