package dev.zerobus.console.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.UserAuth;
import org.junit.jupiter.api.Test;

/** The profile form's "You" identity, without the toolkit. */
class ProfileFormYouTest {
    @Test
    void aNewProfileSignsYouInWithATokenAndSaysWhenItIsMissing() {
        var form = new ProfileFormModel(name -> false);
        form.startNew("dev", null, false);
        assertThat(form.youTypeProperty().get()).isEqualTo(UserAuth.Type.PAT);
        assertThat(form.youErrorProperty().get()).startsWith("Personal access token:");
        form.youTokenTextProperty().set("dapi-123");
        assertThat(form.youErrorProperty().get()).isEmpty();
        assertThat(form.toProfile().you()).isEqualTo(UserAuth.pat(Secret.of("dapi-123")));
        assertThat(form.toProfile().toString()).doesNotContain("dapi-123");
    }

    @Test
    void keepsAStoredTokenMaskedUntilRevealedAndTakesSetUpsPrincipal() {
        var form = new ProfileFormModel(name -> false);
        form.load(new ConnectionProfile("dev", Source.SAVED, "https://x.cloud.databricks.com", "", "", null,
                UserAuth.pat(Secret.of("dapi-stored"))), false);
        assertThat(form.youTokenTextProperty().get()).isEmpty();
        assertThat(form.toProfile().you().token().reveal()).isEqualTo("dapi-stored");
        form.revealToken();
        assertThat(form.youTokenTextProperty().get()).isEqualTo("dapi-stored");

        form.useIngestIdentity("11111111-2222-3333-4444-555555555555", Secret.of("sp-secret"));
        ConnectionProfile profile = form.toProfile();
        assertThat(profile.clientId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(profile.hasIngestIdentity()).isTrue();
        assertThat(form.secretTextProperty().get()).isEmpty();
        assertThat(form.dirtyProperty().get()).isTrue();
    }

    @Test
    void aConfigProfileNeedsItsSectionName() {
        var form = new ProfileFormModel(name -> false);
        form.startNew("dev", null, false);
        form.youTypeProperty().set(UserAuth.Type.CONFIG_PROFILE);
        assertThat(form.youErrorProperty().get()).startsWith("Profile: enter the ~/.databrickscfg section");
        form.youConfigProfileProperty().set("staging");
        assertThat(form.toProfile().you().configProfile()).isEqualTo("staging");
    }
}
