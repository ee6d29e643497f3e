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
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
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

    /**
     * A profile with edits not saved yet, new or a saved one changed: what quitting would lose. {@code cannotSave} says
     * why it cannot be saved as it is (naming the field), empty when it can.
     */
    public record UnsavedProfile(String name, boolean isNew, String cannotSave) {
        /** "prod-aws (edited)" or "new-profile (new)". */
        public String label() { return name + (isNew ? " (new)" : " (edited)"); }
    }

    /**
     * A saved profile's edits kept while another profile is on show, with the keychain choice and the records/s quota
     * as typed (a profile holds only a valid number, and a half-typed one must come back too).
     */
    private record Draft(ConnectionProfile edited, boolean remember, String quotaText) {}

    /** One profile to store: {@code original} is the stored name it replaces (null for a new one). */
    private record ToSave(@Nullable String original, ConnectionProfile profile, boolean remember, boolean inForm, String quotaText) {}

    private record Stored(ToSave what, boolean remembered) {}

    /** What a "Save all" stored, and where it stopped when the store refused one. */
    private record SaveAllOutcome(List<Stored> stored, @Nullable ToSave failed, @Nullable RuntimeException error) {}

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
    /** Edits of saved profiles (by stored name) kept while another profile is on show; never written anywhere. */
    private final ObservableMap<String, Draft> drafts = FXCollections.observableHashMap();
    /** Changes whenever which profiles have unsaved edits may have changed: the list redraws its marks. */
    private final ReadOnlyIntegerWrapper unsavedRevision = new ReadOnlyIntegerWrapper();
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
        drafts.addListener((MapChangeListener<String, Draft>) change -> markUnsavedChanged());
        form.dirtyProperty().addListener(o -> markUnsavedChanged());
        form.unsavedNewProperty().addListener(o -> markUnsavedChanged());
    }

    public ObservableList<ConnectionProfile> profiles() { return profiles; }
    public ObjectProperty<@Nullable ConnectionProfile> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<@Nullable Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty newProfilesStartedProperty() { return newProfilesStarted.getReadOnlyProperty(); }
    /** Changes whenever the set of profiles with unsaved edits may have changed (see {@link #hasUnsavedChanges}). */
    public ReadOnlyIntegerProperty unsavedRevisionProperty() { return unsavedRevision.getReadOnlyProperty(); }
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

    /**
     * True when {@code profile} (a list entry) has edits not saved: kept as a draft, or on show in the form. What the
     * profile list marks.
     */
    public boolean hasUnsavedChanges(ConnectionProfile profile) {
        if (profile.source() != Source.SAVED) return false;
        return drafts.containsKey(profile.name()) || editedInForm() && profile.name().equals(form.originalName());
    }

    /**
     * Every profile with edits not saved, in the list's order, a new one last: the drafts of saved profiles, and the
     * form's profile when it holds edits. Empty when quitting loses nothing.
     */
    public List<UnsavedProfile> unsavedProfiles() {
        List<ToSave> pending = pendingSaves();
        Map<String, Integer> targets = new HashMap<>();
        for (ToSave p : pending) targets.merge(p.profile().name(), 1, Integer::sum);
        List<UnsavedProfile> unsaved = new ArrayList<>();
        for (ToSave p : pending) {
            String cannot = p.inForm() ? formCannotSave() : draftCannotSave(p);
            // A name wanted twice: the rename or the new profile is at fault, not a profile that keeps its own name.
            if (cannot.isEmpty() && targets.get(p.profile().name()) > 1 && !p.profile().name().equals(p.original())) {
                cannot = "Name: another unsaved profile is also named '" + p.profile().name() + "'; choose another name.";
            }
            unsaved.add(new UnsavedProfile(p.original() != null ? p.original() : p.profile().name(), p.original() == null, cannot));
        }
        return unsaved;
    }

    /**
     * The question before quitting: "2 profiles have unsaved changes: prod-aws (edited), new-profile (new)." and what
     * Save all would do, or which cannot be saved and why. Empty when nothing is unsaved.
     */
    public String unsavedOnQuitQuestion() {
        List<UnsavedProfile> unsaved = unsavedProfiles();
        if (unsaved.isEmpty()) return "";
        String which = (unsaved.size() == 1 ? "1 profile has" : unsaved.size() + " profiles have") + " unsaved changes: "
                + String.join(", ", unsaved.stream().map(UnsavedProfile::label).toList()) + ".";
        List<UnsavedProfile> blocked = unsaved.stream().filter(u -> !u.cannotSave().isEmpty()).toList();
        if (blocked.isEmpty()) {
            return which + (unsaved.size() == 1 ? " Save it, discard it," : " Save all, discard all,") + " or cancel to go on editing.";
        }
        return which + " " + String.join(" ", blocked.stream().map(u -> "'" + u.name() + "' cannot be saved as it is: "
                + u.cannotSave()).toList()) + " Discard, or cancel to fix " + (blocked.size() == 1 ? "it." : "them.");
    }

    /** True when Save all can store every unsaved profile as it is. */
    public boolean canSaveAll() {
        return unsavedProfiles().stream().allMatch(u -> u.cannotSave().isEmpty());
    }

    /**
     * Saves every unsaved profile (the drafts and the form's), then runs {@code then}. When one cannot be saved, nothing
     * is; when the store refuses one, those stored before it stay stored, the notice names the one refused, its edits
     * are kept, and {@code then} does not run.
     */
    public void saveAll(Runnable then) {
        List<ToSave> pending = pendingSaves();
        if (pending.isEmpty()) {
            then.run();
            return;
        }
        if (!canSaveAll()) return;
        submit(() -> {
            List<Stored> stored = new ArrayList<>();
            for (ToSave p : pending) {
                try {
                    if (p.original() != null && !p.original().equals(p.profile().name())) store.rename(p.original(), p.profile().name());
                    stored.add(new Stored(p, store.save(p.profile(), p.remember())));
                } catch (RuntimeException e) {
                    return new SaveAllOutcome(stored, p, e);
                }
            }
            return new SaveAllOutcome(stored, null, null);
        }, outcome -> {
            String select = selectedName();
            for (Stored s : outcome.stored()) {
                applySaved(s.what().original(), s.what().profile(), s.remembered());
                if (s.what().inForm()) {
                    form.load(s.what().profile(), s.remembered());
                    select = s.what().profile().name();
                }
            }
            String names = String.join(", ", outcome.stored().stream().map(s -> "'" + s.what().profile().name() + "'").toList());
            ToSave failed = outcome.failed();
            if (failed == null) {
                notice.set(new Notice("Saved " + names + ".", false, false));
                reload(select, then);
            } else {
                LOG.warn("Could not save profile '{}'", failed.profile().name(), outcome.error());
                notice.set(new Notice((names.isEmpty() ? "" : "Saved " + names + ". ") + "Could not save profile '"
                        + failed.profile().name() + "'. Check that the console's config folder is writable, then save again; "
                        + "its edits are kept.", true, false));
                reload(select);
            }
            markUnsavedChanged();
        }, "Could not save the profiles.", "Check that the console's config folder is writable, then save again; your edits are kept.");
    }

    /** What the question before leaving the form names: "The new profile 'x'" or "Your changes to 'x'", and why Save cannot. */
    public String unsavedQuestion() {
        String name = form.nameProperty().get().strip();
        String what = form.isNewProperty().get() ? "The new profile '" + name + "' is not saved."
                : "Your changes to '" + (form.originalName() == null ? name : form.originalName()) + "' are not saved.";
        String cannot = formCannotSave();
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
            applySaved(original, profile, remembered);
            form.load(profile, remembered); // the form now shows what is stored, even when the list's entry compares equal
            notice.set(new Notice("Saved '" + profile.name() + "'." + secretNote(profile, remember, remembered), false, false));
            reload(profile.name(), then);
        }, "Could not save profile '" + profile.name() + "'.", "Check that the console's config folder is writable, then save again; your edits are still in the form.");
    }

    /** After {@code profile} is stored (under {@code original} before, null when new): drafts, session secrets, the active profile. */
    private void applySaved(@Nullable String original, ConnectionProfile profile, boolean remembered) {
        if (original != null) drafts.remove(original);
        if (!remembered && profile.hasSecret()) sessionSecrets.put(profile.name(), profile.clientSecret());
        else sessionSecrets.remove(profile.name());
        if (!remembered && profile.you().hasToken()) sessionTokens.put(profile.name(), profile.you().token());
        else sessionTokens.remove(profile.name());
        ConnectionProfile active = context.activeProfile().get();
        if (active != null && active.source() == Source.SAVED && active.name().equals(original)) context.activeProfile().set(profile);
    }

    /** The unsaved profiles as they would be stored: drafts and the form's edited one in the list's order, a new one last. */
    private List<ToSave> pendingSaves() {
        List<ToSave> pending = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        String inForm = editedInForm() ? form.originalName() : null;
        for (ConnectionProfile p : profiles) {
            if (p.source() != Source.SAVED || !listed.add(p.name())) continue;
            if (p.name().equals(inForm)) {
                pending.add(fromForm(inForm));
            } else if (drafts.get(p.name()) instanceof Draft d) {
                pending.add(new ToSave(p.name(), d.edited(), d.remember(), false, d.quotaText()));
            }
        }
        // Drafts or a form whose stored profile is not in the list (read again meanwhile) are not dropped.
        drafts.forEach((name, d) -> {
            if (!listed.contains(name)) pending.add(new ToSave(name, d.edited(), d.remember(), false, d.quotaText()));
        });
        if (inForm != null && !listed.contains(inForm)) pending.add(fromForm(inForm));
        if (form.unsavedNewProperty().get()) pending.add(fromForm(null));
        return pending;
    }

    private ToSave fromForm(@Nullable String original) {
        return new ToSave(original, form.toProfile(), form.rememberSecretProperty().get(), true, form.recordsQuotaProperty().get());
    }

    /** The form holds edits of a saved profile (not a new one). */
    private boolean editedInForm() {
        return form.editable().get() && form.dirtyProperty().get() && !form.isNewProperty().get() && form.originalName() != null;
    }

    private String formCannotSave() {
        return String.join(" ", Stream.of(form.nameErrorProperty().get(), form.recordsQuotaErrorProperty().get())
                .filter(e -> !e.isEmpty()).toList());
    }

    /** Why a draft cannot be stored as it is: the form's own checks, run on a scratch form holding the draft. */
    private String draftCannotSave(ToSave draft) {
        ConnectionProfile stored = profiles.stream().filter(p -> p.source() == Source.SAVED && p.name().equals(draft.original()))
                .findFirst().orElse(null);
        if (stored == null) return "";
        var scratch = new ProfileFormModel(name -> profiles.stream().anyMatch(p -> p.name().equals(name)));
        scratch.restore(stored, draft.profile(), draft.remember());
        scratch.recordsQuotaProperty().set(draft.quotaText());
        return String.join(" ", Stream.of(scratch.nameErrorProperty().get(), scratch.recordsQuotaErrorProperty().get())
                .filter(e -> !e.isEmpty()).toList());
    }

    private void markUnsavedChanged() {
        unsavedRevision.set(unsavedRevision.get() + 1);
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
        if (editedInForm()) {
            drafts.put(form.originalName(), new Draft(form.toProfile(), form.rememberSecretProperty().get(),
                    form.recordsQuotaProperty().get()));
        }
        check.showFor(now == null ? null : now.name());
        if (now != null) {
            boolean remembered = inKeychain.contains(now.name());
            Draft draft = drafts.remove(now.name());
            if (draft != null) {
                form.restore(now, draft.edited(), remembered);
                form.rememberSecretProperty().set(draft.remember());
                form.recordsQuotaProperty().set(draft.quotaText());
            } else {
                form.load(now, remembered);
            }
        }
        markUnsavedChanged();
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
