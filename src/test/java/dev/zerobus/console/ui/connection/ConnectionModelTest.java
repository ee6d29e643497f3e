package dev.zerobus.console.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.doctor.CheckStep;
import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.UiSettings;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model without the toolkit: both executors run inline, so every command has finished when it returns. */
class ConnectionModelTest {
    @TempDir Path dir;
    ExecutorService unused = Executors.newSingleThreadExecutor();
    ProfileStore store;
    AppContext context;
    ConnectionModel model;

    @BeforeEach
    void setUp() {
        store = new ProfileStore(dir, dir.resolve("no.databrickscfg"), Map.of("DATABRICKS_HOST", "dbc-1.cloud.databricks.com"),
                new SecretStore.NoKeychain("No keychain in tests"));
        var settings = new UiSettings(Preferences.userRoot().node("dev/zerobus/console-test/" + UUID.randomUUID()));
        context = new AppContext(store, settings, unused, Runnable::run);
        model = new ConnectionModel(context, Runnable::run, Runnable::run);
        model.reload(null);
    }

    @AfterEach
    void tearDown() {
        unused.shutdownNow();
    }

    @Test
    void savesANewProfileAndSelectsIt() {
        model.newProfile();
        fill("dev", "https://dbc-1234abcd-5678.cloud.databricks.com", "1234567890123456.zerobus.us-west-2.cloud.databricks.com");
        model.save();
        assertThat(store.find("dev")).isPresent();
        assertThat(model.selectedProperty().get().name()).isEqualTo("dev");
        assertThat(model.form().dirtyProperty().get()).isFalse();
        assertThat(model.noticeProperty().get().text()).startsWith("Saved 'dev'.");
    }

    @Test
    void savesTheWorkspacesRecordsQuotaAndRefusesANonNumber() {
        model.newProfile();
        fill("gcp", "https://1234567890123456.0.gcp.databricks.com", "1234567890123456.zerobus.us-central1.gcp.databricks.com");
        assertThat(model.form().recordsQuotaProperty().get()).isEqualTo("100,000");
        model.form().recordsQuotaProperty().set("fast");
        assertThat(model.form().recordsQuotaErrorProperty().get()).startsWith("Records/s quota: enter a whole number");
        assertThat(model.form().canSave().get()).isFalse();
        model.form().recordsQuotaProperty().set("250,000");
        assertThat(model.form().recordsQuotaErrorProperty().get()).isEmpty();
        model.save();
        assertThat(store.find("gcp").orElseThrow().recordsPerSecondQuota()).isEqualTo(250_000);
        assertThat(model.form().endpointInfoProperty().get().summary()).isEqualTo("Google Cloud us-central1, workspace 1234567890123456");
    }

    @Test
    void renamesASavedProfileWhenItsNameIsEdited() {
        model.newProfile();
        fill("dev", "https://dbc-1.cloud.databricks.com", "");
        model.save();
        model.form().nameProperty().set("staging");
        model.save();
        assertThat(store.savedProfiles()).extracting(ConnectionProfile::name).containsExactly("staging");
    }

    @Test
    void namesTheFieldWhenTheNameIsTakenOrReserved() {
        model.newProfile();
        model.form().nameProperty().set("environment");
        assertThat(model.form().nameErrorProperty().get()).startsWith("Name: 'environment' is reserved");
        assertThat(model.form().canSave().get()).isFalse();
    }

    @Test
    void readsCloudRegionAndWorkspaceFromTheEndpointAsYouType() {
        model.newProfile();
        fill("dev", "https://dbc-1234abcd-5678.cloud.databricks.com", "1234567890123456.zerobus.us-west-2.cloud.databricks.com");
        assertThat(model.form().endpointInfoProperty().get().summary()).isEqualTo("AWS us-west-2, workspace 1234567890123456");
    }

    @Test
    void keepsAStoredSecretMaskedUntilRevealed() {
        var withSecret = model.profiles().get(0).withSecret(Secret.of("s3cret-value"));
        model.form().load(withSecret, false);
        assertThat(model.form().secretTextProperty().get()).isEmpty();
        model.form().revealSecret();
        assertThat(model.form().secretTextProperty().get()).isEqualTo("s3cret-value");
    }

    @Test
    void keepsTheSecretForThisSessionWhenNoKeychainTakesIt() {
        model.newProfile();
        fill("dev", "https://dbc-1.cloud.databricks.com", "");
        model.form().secretTextProperty().set("s3cret-value");
        model.save();
        assertThat(model.selectedProperty().get().hasSecret()).isTrue();
        assertThat(store.find("dev").orElseThrow().hasSecret()).isFalse();
        assertThat(model.noticeProperty().get().text()).contains("kept for this session only");
    }

    @Test
    void deletesAProfileAndUndoesTheDelete() {
        model.newProfile();
        fill("dev", "https://dbc-1.cloud.databricks.com", "");
        model.save();
        model.delete();
        assertThat(store.find("dev")).isEmpty();
        assertThat(model.noticeProperty().get().canUndo()).isTrue();
        model.undoDelete();
        assertThat(store.find("dev")).isPresent();
    }

    @Test
    void duplicatesAReadOnlyProfileIntoAnEditableOne() {
        model.selectedProperty().set(model.profiles().get(0));
        assertThat(model.form().editable().get()).isFalse();
        model.duplicate();
        assertThat(model.form().editable().get()).isTrue();
        assertThat(model.form().nameProperty().get()).isEqualTo("environment-copy");
        assertThat(model.form().workspaceUrlProperty().get()).isEqualTo("https://dbc-1.cloud.databricks.com");
    }

    @Test
    void keepsUnsavedEditsWhenAnotherProfileIsSelected() {
        model.newProfile();
        fill("dev", "https://dbc-1.cloud.databricks.com", "");
        model.save();
        model.form().clientIdProperty().set("edited-client");
        model.selectedProperty().set(model.profiles().get(0));
        model.selectedProperty().set(model.profiles().stream().filter(p -> p.name().equals("dev")).findFirst().orElseThrow());
        assertThat(model.form().clientIdProperty().get()).isEqualTo("edited-client");
        assertThat(model.form().dirtyProperty().get()).isTrue();
    }

    @Test
    void quittingNamesEveryUnsavedProfileAndSaveAllStoresThemAll() {
        saved("prod-aws");
        saved("dev");
        select("prod-aws");
        model.form().clientIdProperty().set("edited-client");
        select("dev");
        assertThat(model.form().clientIdProperty().get()).as("dev on show, prod-aws kept as a draft").isEqualTo("client-1");
        assertThat(model.hasUnsavedChanges(profile("prod-aws"))).isTrue();
        assertThat(model.hasUnsavedChanges(profile("dev"))).isFalse();
        int revision = model.unsavedRevisionProperty().get();
        model.form().endpointProperty().set("1234567890123456.zerobus.us-west-2.cloud.databricks.com");
        assertThat(model.hasUnsavedChanges(profile("dev"))).as("edits on show count too").isTrue();
        assertThat(model.unsavedRevisionProperty().get()).as("the list redraws its marks").isGreaterThan(revision);
        model.newProfile(); // dev's edit becomes a draft too
        model.form().nameProperty().set("new-one");
        model.form().clientIdProperty().set("client-2");

        assertThat(model.unsavedProfiles()).extracting(ConnectionModel.UnsavedProfile::label)
                .containsExactlyInAnyOrder("prod-aws (edited)", "dev (edited)", "new-one (new)");
        assertThat(model.unsavedProfiles().getLast().label()).as("the new one last").isEqualTo("new-one (new)");
        assertThat(model.unsavedOnQuitQuestion()).startsWith("3 profiles have unsaved changes: ")
                .contains("prod-aws (edited)", "dev (edited)").endsWith(", new-one (new). Save all, discard all, or cancel to go on editing.");
        assertThat(model.canSaveAll()).isTrue();

        var done = new AtomicBoolean();
        model.saveAll(() -> done.set(true));
        assertThat(done).isTrue();
        assertThat(store.find("prod-aws").orElseThrow().clientId()).isEqualTo("edited-client");
        assertThat(store.find("dev").orElseThrow().zerobusEndpoint()).isEqualTo("1234567890123456.zerobus.us-west-2.cloud.databricks.com");
        assertThat(store.find("new-one").orElseThrow().clientId()).isEqualTo("client-2");
        assertThat(model.unsavedProfiles()).isEmpty();
        assertThat(model.unsavedOnQuitQuestion()).isEmpty();
        assertThat(model.hasUnsavedChanges(profile("prod-aws"))).isFalse();
        assertThat(model.form().nameProperty().get()).as("the form shows the new profile, saved").isEqualTo("new-one");
        assertThat(model.form().dirtyProperty().get()).isFalse();
    }

    @Test
    void oneUnsavedProfileIsNamedInTheSingular() {
        saved("prod-aws");
        model.form().clientIdProperty().set("edited-client");
        assertThat(model.unsavedOnQuitQuestion())
                .isEqualTo("1 profile has unsaved changes: prod-aws (edited). Save it, discard it, or cancel to go on editing.");
    }

    @Test
    void aDraftThatCannotBeSavedBlocksSaveAllAndSaysWhy() {
        saved("prod-aws");
        saved("dev");
        select("prod-aws");
        model.form().nameProperty().set("dev"); // taken
        model.form().recordsQuotaProperty().set("fast");
        select("dev");
        model.form().clientIdProperty().set("edited-client");

        assertThat(model.unsavedProfiles()).extracting(ConnectionModel.UnsavedProfile::name).containsExactlyInAnyOrder("prod-aws", "dev");
        var blocked = model.unsavedProfiles().stream().filter(u -> u.name().equals("prod-aws")).findFirst().orElseThrow();
        assertThat(blocked.cannotSave()).startsWith("Name: a profile named 'dev' exists already").contains("Records/s quota:");
        assertThat(model.canSaveAll()).isFalse();
        assertThat(model.unsavedOnQuitQuestion()).contains("'prod-aws' cannot be saved as it is: Name: a profile named 'dev' exists already").doesNotContain("'dev' cannot")
                .endsWith("Discard, or cancel to fix it.");
        var done = new AtomicBoolean();
        model.saveAll(() -> done.set(true));
        assertThat(done).as("quitting waits").isFalse();
        assertThat(store.find("dev").orElseThrow().clientId()).as("nothing stored").isEqualTo("client-1");

        select("prod-aws");
        assertThat(model.form().nameProperty().get()).as("the draft comes back whole").isEqualTo("dev");
        assertThat(model.form().recordsQuotaProperty().get()).isEqualTo("fast");
    }

    @Test
    void twoUnsavedProfilesRenamedToTheSameNameCannotBothBeSaved() {
        saved("a");
        saved("b");
        select("a");
        model.form().nameProperty().set("same");
        select("b");
        model.form().nameProperty().set("same");
        assertThat(model.unsavedProfiles()).extracting(ConnectionModel.UnsavedProfile::cannotSave)
                .containsOnly("Name: another unsaved profile is also named 'same'; choose another name.");
        assertThat(model.canSaveAll()).isFalse();
    }

    @Test
    void whenTheStoreRefusesSaveAllKeepsEveryEditAndQuittingWaits() throws Exception {
        saved("prod-aws");
        saved("dev");
        select("prod-aws");
        model.form().clientIdProperty().set("edited-client");
        select("dev");
        model.form().clientIdProperty().set("edited-dev");
        Path blocker = dir.resolve("profiles.json.tmp"); // a folder where the store writes its temporary file
        Files.createDirectories(blocker.resolve("in-the-way"));

        var done = new AtomicBoolean();
        model.saveAll(() -> done.set(true));
        assertThat(done).as("quitting waits").isFalse();
        assertThat(model.noticeProperty().get().isError()).isTrue();
        assertThat(model.noticeProperty().get().text()).contains("Could not save profile '").contains("its edits are kept");
        assertThat(model.unsavedProfiles()).extracting(ConnectionModel.UnsavedProfile::label)
                .containsExactlyInAnyOrder("prod-aws (edited)", "dev (edited)");
        assertThat(store.find("prod-aws").orElseThrow().clientId()).isEqualTo("client-1");

        Files.delete(blocker.resolve("in-the-way"));
        Files.delete(blocker);
        model.saveAll(() -> done.set(true));
        assertThat(done).isTrue();
        assertThat(store.find("prod-aws").orElseThrow().clientId()).isEqualTo("edited-client");
        assertThat(store.find("dev").orElseThrow().clientId()).isEqualTo("edited-dev");
    }

    private void saved(String name) {
        model.newProfile();
        fill(name, "https://dbc-1.cloud.databricks.com", "");
        model.save();
    }

    private ConnectionProfile profile(String name) {
        return model.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private void select(String name) {
        model.selectedProperty().set(profile(name));
    }

    @Test
    void makesTheSelectedProfileActive() {
        model.selectedProperty().set(model.profiles().get(0));
        model.useSelected();
        assertThat(context.activeProfile().get().name()).isEqualTo("environment");
    }

    @Test
    void showsTheTokenStepAsTheStatusBarsTokenState() {
        var passed = new StepResult(CheckStep.TOKEN, StepResult.Status.PASSED, Duration.ofMillis(5),
                "Token issued, valid until 2026-01-01T10:15:30", null);
        var failed = new StepResult(CheckStep.TOKEN, StepResult.Status.FAILED, Duration.ofMillis(5), "", null);
        assertThat(TokenStatus.of(passed)).isEqualTo("OK, expires 10:15");
        assertThat(TokenStatus.of(failed)).isEqualTo("rejected");
    }

    private void fill(String name, String workspaceUrl, String endpoint) {
        model.form().nameProperty().set(name);
        model.form().workspaceUrlProperty().set(workspaceUrl);
        model.form().endpointProperty().set(endpoint);
        model.form().clientIdProperty().set("client-1");
    }
}
