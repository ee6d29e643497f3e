package dev.zerobus.console.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import dev.zerobus.console.workspace.Secret;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The profile form's rules without the FX toolkit: names, URL, dirty state and the masked secret. */
class ProfileFormModelTest {
    private static final ConnectionProfile DEV = new ConnectionProfile("dev", Source.SAVED,
            "https://adb-1234567890123456.7.azuredatabricks.net", "1234567890123456.zerobus.westeurope.azuredatabricks.net",
            "6f1c2a9e-0b7d-4c55-9a3e-2d8f1b7c4e10", Secret.of("s3cret-value"));

    private final ProfileFormModel model = new ProfileFormModel(Set.of("dev", "prod")::contains);

    @Test
    void aLoadedProfileIsCleanUntilAFieldChanges() {
        model.load(DEV, true);
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.canSave().get()).isFalse();
        assertThat(model.originalName()).isEqualTo("dev");

        model.clientIdProperty().set("another-client");

        assertThat(model.dirtyProperty().get()).isTrue();
        assertThat(model.canSave().get()).isTrue();
        assertThat(model.toProfile().clientId()).isEqualTo("another-client");
    }

    @Test
    void namesMustBeGivenUniqueAndNotReserved() {
        model.startNew("", null, false);
        assertThat(model.nameErrorProperty().get()).startsWith("Name: enter a name");
        model.nameProperty().set("prod");
        assertThat(model.nameErrorProperty().get()).isEqualTo("Name: a profile named 'prod' exists already; choose another name.");
        model.nameProperty().set(AppContext.SANDBOX_PROFILE);
        assertThat(model.nameErrorProperty().get()).contains("is reserved for a built-in profile");
        assertThat(model.canSave().get()).isFalse();
        model.nameProperty().set("staging");
        assertThat(model.nameErrorProperty().get()).isEmpty();
        assertThat(model.canSave().get()).isTrue();
    }

    @Test
    void keepingItsOwnNameIsNoClash() {
        model.load(DEV, true);
        model.nameProperty().set("dev");
        assertThat(model.nameErrorProperty().get()).isEmpty();
    }

    @Test
    void explainsAWorkspaceUrlThatIsNotOne() {
        model.startNew("new", null, false);
        model.workspaceUrlProperty().set("adb-123.azuredatabricks");
        assertThat(model.workspaceUrlErrorProperty().get()).startsWith("Workspace URL: enter the address you see in the browser");
        model.workspaceUrlProperty().set("https://dbc-1234abcd-5678.cloud.databricks.com");
        assertThat(model.workspaceUrlErrorProperty().get()).isEmpty();
    }

    @Test
    void theStoredSecretStaysMaskedUntilRevealedAndTypingReplacesIt() {
        model.load(DEV, true);
        assertThat(model.secretTextProperty().get()).isEmpty();
        assertThat(model.hasStoredSecret().get()).isTrue();
        assertThat(model.toProfile().clientSecret()).isEqualTo(DEV.clientSecret());

        model.revealSecret();
        assertThat(model.secretTextProperty().get()).isEqualTo("s3cret-value");

        model.secretTextProperty().set("typed-secret");
        assertThat(model.hasStoredSecret().get()).isFalse();
        assertThat(model.toProfile().clientSecret().reveal()).isEqualTo("typed-secret");
    }

    @Test
    void aNewProfileCountsAsUnsavedOnlyOnceSomethingWasTypedIntoIt() {
        model.startNew("new-profile", null, false);
        assertThat(model.unsavedNewProperty().get()).as("nothing to lose yet").isFalse();
        model.endpointProperty().set("1");
        assertThat(model.unsavedNewProperty().get()).isTrue();
        model.endpointProperty().set("");
        assertThat(model.unsavedNewProperty().get()).as("back as it started").isFalse();

        model.startNew("dev-copy", DEV, false);
        assertThat(model.unsavedNewProperty().get()).as("an untouched copy").isFalse();
        model.clientIdProperty().set("other");
        assertThat(model.unsavedNewProperty().get()).isTrue();

        model.load(DEV, true);
        assertThat(model.unsavedNewProperty().get()).as("a saved profile is no new one").isFalse();
    }
}
