package dev.zerobus.console.ui.connection;

import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connection pane's state and commands: the profiles (sandbox first, then environment, ~/.databrickscfg and
 * saved ones), the profile being edited, and the connection check. Store calls run on {@code background}; results
 * come back through {@code fx}. Secrets that the keychain did not take are kept for this session only, never on disk.
 */
public final class ConnectionModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionModel.class);

    /** A message above the form: what just happened, or what went wrong and what to do. */
    public record Notice(String text, boolean isError, boolean canUndo) {}

    private final AppContext context;
    private final ProfileStore store;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<@Nullable ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<@Nullable Notice> notice = new ReadOnlyObjectWrapper<>();
    /** Counts new profiles started, so that the view brings the form into view and focuses its first field. */
    private final ReadOnlyIntegerWrapper newProfilesStarted = new ReadOnlyIntegerWrapper();
    private final ProfileFormModel form;
    private final ConnectionCheckModel check;
    private final GrantNowModel grantNow;
    private final Map<String, Secret> sessionSecrets = new HashMap<>();
    private final Map<String, Secret> sessionTokens = new HashMap<>();
    private final Set<String> inKeychain = new HashSet<>();
    private final Map<String, ConnectionProfile> drafts = new HashMap<>();
    private final BooleanBinding canDelete;
    private final BooleanBinding selectedIsActive;
    private @Nullable ConnectionProfile lastDeleted;

    public ConnectionModel(AppContext context, Executor background, Executor fx) {
        this.context = context;
        this.store = context.profiles();
        this.background = background;
        this.fx = fx;
        this.form = new ProfileFormModel(name -> profiles.stream().anyMatch(p -> p.name().equals(name)));
        // The status bar's token state is the active profile's: a check of another profile leaves it alone.
        this.check = new ConnectionCheckModel(background, fx, this::tokenStep);
        this.grantNow = new GrantNowModel(background, fx);
        check.runningProperty().addListener((obs, was, running) -> { if (running) grantNow.clear(); });
        canDelete = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().source() == Source.SAVED
                && !busy.get(), selected, busy);
        selectedIsActive = Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().equals(context.activeProfile().get()), selected, context.activeProfile());
        selected.addListener((obs, old, now) -> onSelected(now));
        context.activeTable().subscribe(t -> { if (t != null && !check.runningProperty().get()) check.tableProperty().set(t.fullName()); });
        context.sandbox().addListener(o -> reload(selectedName()));
    }

    public ObservableList<ConnectionProfile> profiles() { return profiles; }
    public ObjectProperty<@Nullable ConnectionProfile> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<@Nullable Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty newProfilesStartedProperty() { return newProfilesStarted.getReadOnlyProperty(); }
    public ProfileFormModel form() { return form; }
    public ConnectionCheckModel check() { return check; }
    public GrantNowModel grantNow() { return grantNow; }
    public BooleanBinding canDelete() { return canDelete; }
    /** True when the selected profile is already the one in use. */
    public BooleanBinding selectedIsActive() { return selectedIsActive; }
    public ObjectProperty<@Nullable ConnectionProfile> activeProfile() { return context.activeProfile(); }
    public boolean isKeychainAvailable() { return store.secrets().isAvailable(); }
    public String keychainUnavailableReason() { return store.secrets().unavailableReason().orElse(""); }

    /**
     * Reads the profiles again and selects {@code name} (else the active profile, else the first). A new profile being
     * typed stays in the form: only the list is refreshed (the sandbox may come up meanwhile).
     */
    public void reload(@Nullable String name) {
        reload(name, () -> {});
    }

    private void reload(@Nullable String name, Runnable then) {
        List<ConnectionProfile> sandboxes = context.sandboxProfiles();
        submit(store::all, all -> {
            List<ConnectionProfile> list = new ArrayList<>(sandboxes);
            inKeychain.clear();
            for (ConnectionProfile p : all) {
                if (p.source() == Source.SAVED && p.hasSecret()) inKeychain.add(p.name());
                Secret session = sessionSecrets.get(p.name());
                ConnectionProfile withSession = session != null && p.source() == Source.SAVED && !p.hasSecret() ? p.withSecret(session) : p;
                Secret token = sessionTokens.get(p.name());
                list.add(token != null && p.source() == Source.SAVED && !p.you().hasToken()
                        ? withSession.withYou(p.you().withToken(token)) : withSession);
            }
            profiles.setAll(list);
            if (form.unsavedNewProperty().get()) return;
            ConnectionProfile active = context.activeProfile().get();
            String wanted = name != null ? name : active != null ? active.name() : null;
            selected.set(list.stream().filter(p -> p.name().equals(wanted)).findFirst().orElse(list.isEmpty() ? null : list.get(0)));
            then.run();
        }, "Could not read the saved profiles.", "Check the console's config folder (profiles.json); move a damaged file away.");
    }

    /** Starts a new, empty profile. */
    public void newProfile() {
        startNew(uniqueName("new-profile"), null);
    }

    /** Copies the selected profile into a new saved one (the way to edit sandbox, environment or ~/.databrickscfg ones). */
    public void duplicate() {
        ConnectionProfile source = selected.get();
        if (source != null) startNew(uniqueName(source.name().replace(' ', '-').replaceAll("[()]", "") + "-copy"), source);
    }

    public void save() {
        save(() -> {});
    }

    /** True when the form holds edits that leaving it would lose: a new profile typed into, or a changed saved one. */
    public boolean hasUnsavedEdits() {
        return form.unsavedNewProperty().get() || form.editable().get() && form.dirtyProperty().get() && !form.isNewProperty().get();
    }

    /** What the question before leaving the form names: "The new profile 'x'" or "Your changes to 'x'", and why Save cannot. */
    public String unsavedQuestion() {
        String name = form.nameProperty().get().strip();
        String what = form.isNewProperty().get() ? "The new profile '" + name + "' is not saved."
                : "Your changes to '" + (form.originalName() == null ? name : form.originalName()) + "' are not saved.";
        String cannot = String.join(" ", Stream.of(form.nameErrorProperty().get(), form.recordsQuotaErrorProperty().get())
                .filter(e -> !e.isEmpty()).toList());
        return what + (cannot.isEmpty() ? " Save it, discard it, or cancel to go on editing."
                : " It cannot be saved as it is (" + cannot + "): discard it, or cancel to fix it.");
    }

    /** Saves the form, then (once saved and the list is read again) runs {@code then}; on failure only the notice says why. */
    public void save(Runnable then) {
        if (!form.canSave().get()) return;
        ConnectionProfile profile = form.toProfile();
        String original = form.originalName();
        boolean remember = form.rememberSecretProperty().get();
        submit(() -> {
            if (original != null && !original.equals(profile.name())) store.rename(original, profile.name());
            return store.save(profile, remember);
        }, remembered -> {
            if (original != null) drafts.remove(original);
            form.load(profile, remembered); // the form now shows what is stored, even when the list's entry compares equal
            if (!remembered && profile.hasSecret()) sessionSecrets.put(profile.name(), profile.clientSecret());
            else sessionSecrets.remove(profile.name());
            if (!remembered && profile.you().hasToken()) sessionTokens.put(profile.name(), profile.you().token());
            else sessionTokens.remove(profile.name());
            ConnectionProfile active = context.activeProfile().get();
            if (active != null && active.source() == Source.SAVED && active.name().equals(original)) context.activeProfile().set(profile);
            notice.set(new Notice("Saved '" + profile.name() + "'." + secretNote(profile, remember, remembered), false, false));
            reload(profile.name(), then);
        }, "Could not save profile '" + profile.name() + "'.", "Check that the console's config folder is writable, then save again; your edits are still in the form.");
    }

    public void delete() {
        ConnectionProfile profile = selected.get();
        if (profile == null || profile.source() != Source.SAVED) return;
        submit(() -> { store.delete(profile.name()); return profile; }, deleted -> {
            lastDeleted = deleted;
            drafts.remove(deleted.name());
            ConnectionProfile active = context.activeProfile().get();
            if (active != null && active.name().equals(deleted.name())) context.activeProfile().set(context.sandboxProfile());
            notice.set(new Notice("Deleted '" + deleted.name() + "'.", false, true));
            reload(null);
        }, "Could not delete profile '" + profile.name() + "'.", "Check that the console's config folder is writable, then try again.");
    }

    public void undoDelete() {
        ConnectionProfile profile = lastDeleted;
        if (profile == null) return;
        boolean remember = inKeychain.contains(profile.name()) || !sessionSecrets.containsKey(profile.name()) && profile.hasSecret();
        lastDeleted = null;
        submit(() -> store.save(profile, remember), remembered -> {
            notice.set(new Notice("Restored '" + profile.name() + "'.", false, false));
            reload(profile.name());
        }, "Could not restore profile '" + profile.name() + "'.", "Check that the console's config folder is writable.");
    }

    /** Makes the selected profile the one the other panes use. */
    public void useSelected() {
        ConnectionProfile profile = selected.get();
        if (profile == null) return;
        context.activeProfile().set(profile);
        boolean youOnly = !profile.you().isServicePrincipal() && !profile.hasIngestIdentity();
        notice.set(new Notice("Using '" + profile.name() + "' in the Catalog, Records and Stream panes."
                + (profile.hasSecret() ? "" : youOnly ? " It has no service principal to ingest as yet: browse and create tables as "
                + "You, then press 'Set up a service principal…'." : " It has no client secret: enter one and save before connecting."),
                !profile.hasSecret() && !youOnly, false));
    }

    /** Checks the profile exactly as the form shows it, saved or not. */
    public void testConnection() {
        check.run(form.toProfile());
    }

    /** "Grant now" on the failed grants step: grants as You what the ingest principal lacks, then tests again. */
    public void grantMissing() {
        ConnectionProfile profile = form.toProfile();
        String table = check.tableProperty().get().strip();
        grantNow.grant(profile, table, () -> {
            notice.set(new Notice("Granted " + profile.clientId() + " what Zerobus needs on " + table + ". Testing again…", false, false));
            check.run(profile);
        });
    }

    /** The guided set-up for the profile as the form shows it; a new principal and secret become its "Ingest as". */
    public SetupModel newSetup() {
        return new SetupModel(form.toProfile(), check.tableProperty().get().strip(), this::useForIngest, background, fx);
    }

    private void useForIngest(String clientId, Secret secret) {
        form.useIngestIdentity(clientId, secret);
        if (form.canSave().get()) {
            save();
        } else {
            notice.set(new Notice("The new principal " + clientId + " is in the form; this profile is read-only, so "
                    + "duplicate it to keep the principal and its secret.", false, false));
        }
    }

    public void dismissNotice() {
        notice.set(null);
    }

    private void tokenStep(StepResult step) {
        ConnectionProfile active = context.activeProfile().get();
        ConnectionProfile checked = check.checkedProfile();
        if (active != null && checked != null && active.name().equals(checked.name())) context.tokenStatus().set(TokenStatus.of(step));
    }

    private void onSelected(@Nullable ConnectionProfile now) {
        if (form.dirtyProperty().get() && !form.isNewProperty().get() && form.originalName() != null) {
            drafts.put(form.originalName(), form.toProfile());
        }
        check.showFor(now == null ? null : now.name());
        if (now == null) return;
        boolean remembered = inKeychain.contains(now.name());
        ConnectionProfile draft = drafts.remove(now.name());
        if (draft != null) form.restore(now, draft, remembered);
        else form.load(now, remembered);
    }

    private void startNew(String name, @Nullable ConnectionProfile template) {
        selected.set(null);
        form.startNew(name, template, isKeychainAvailable());
        notice.set(null);
        newProfilesStarted.set(newProfilesStarted.get() + 1);
    }

    private String uniqueName(String base) {
        String name = base;
        for (int i = 2; exists(name); i++) name = base + "-" + i;
        return name;
    }

    private boolean exists(String name) {
        return drafts.containsKey(name) || profiles.stream().anyMatch(p -> p.name().equals(name));
    }

    private String secretNote(ConnectionProfile profile, boolean remember, boolean remembered) {
        if (!profile.hasSecret()) return " It has no client secret yet.";
        if (remembered) return " The secret is stored in the OS keychain.";
        if (remember || !isKeychainAvailable()) return " No OS keychain is available, so the secret is kept for this session only.";
        return " The secret is kept for this session only (tick 'Remember the secret in the OS keychain' to store it).";
    }

    private <T> void submit(Supplier<T> work, Consumer<T> done, String failure, String fix) {
        busy.set(true);
        CompletableFuture.supplyAsync(work, background).whenCompleteAsync((result, error) -> {
            busy.set(false);
            if (error == null) {
                done.accept(result);
            } else {
                LOG.warn("{}", failure, error);
                notice.set(new Notice(failure + " " + fix, true, false));
            }
        }, fx);
    }

    private @Nullable String selectedName() {
        ConnectionProfile p = selected.get();
        return p == null ? null : p.name();
    }
}
