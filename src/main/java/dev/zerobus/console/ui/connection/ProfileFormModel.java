package dev.zerobus.console.ui.connection;

import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import dev.zerobus.console.workspace.EndpointInfo;
import dev.zerobus.console.workspace.EndpointParser;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.ZerobusQuotas;
import dev.zerobus.console.workspace.UserAuth;
import java.net.URI;
import java.util.function.Predicate;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * The profile being edited: its fields for both identities ("You": how the person signs in; "Ingest as": the service
 * principal's client id and secret), what the endpoint says about itself as you type, and inline errors that name the
 * field. A stored secret or token stays masked (the text field is empty) until the user asks to reveal it or types a
 * new one. FX thread only.
 */
public final class ProfileFormModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty workspaceUrl = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    /** The workspace's records/s quota per stream, as typed (see ZerobusQuotas). */
    private final StringProperty recordsQuota = new SimpleStringProperty(ZerobusQuotas.count(ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM));
    private final ReadOnlyStringWrapper recordsQuotaError = new ReadOnlyStringWrapper("");
    private final StringProperty secretText = new SimpleStringProperty("");
    private final BooleanProperty rememberSecret = new SimpleBooleanProperty();
    private final ObjectProperty<UserAuth.Type> youType = new SimpleObjectProperty<>(UserAuth.Type.PAT);
    private final StringProperty youTokenText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<@Nullable Secret> storedToken = new ReadOnlyObjectWrapper<>();
    private final StringProperty youConfigProfile = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper youError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable Secret> storedSecret = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(Source.SAVED);
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    /** A new profile the person has typed into (or changed from the copy it started as), not saved yet. */
    private final ReadOnlyBooleanWrapper unsavedNew = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<EndpointInfo> endpointInfo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper workspaceUrlError = new ReadOnlyStringWrapper("");
    private final BooleanBinding editable = source.isEqualTo(Source.SAVED);
    private final BooleanBinding canSave = editable.and(dirty).and(nameError.isEmpty()).and(recordsQuotaError.isEmpty());
    private final Predicate<String> nameTakenByAnother;
    private @Nullable ConnectionProfile loaded;
    /** A new profile as it was started (empty, or the copy), to tell whether anything was typed since. */
    private @Nullable ConnectionProfile started;
    private boolean loadedRemember;
    private boolean loading;
    private @Nullable String loadedConfigFile;

    /** {@code nameTakenByAnother} tells whether a name belongs to another profile than the one loaded. */
    public ProfileFormModel(Predicate<String> nameTakenByAnother) {
        this.nameTakenByAnother = nameTakenByAnother;
        secretText.addListener((obs, old, now) -> {
            if (!loading && !now.isEmpty()) storedSecret.set(null); // typing replaces the stored secret
        });
        youTokenText.addListener((obs, old, now) -> {
            if (!loading && !now.isEmpty()) storedToken.set(null);
        });
        Observable[] fields = {name, workspaceUrl, endpoint, clientId, recordsQuota, secretText, rememberSecret, storedSecret,
            youType, youTokenText, storedToken, youConfigProfile};
        for (Observable field : fields) field.addListener(o -> refresh());
        refresh();
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty workspaceUrlProperty() { return workspaceUrl; }
    public StringProperty endpointProperty() { return endpoint; }
    public StringProperty clientIdProperty() { return clientId; }
    public StringProperty recordsQuotaProperty() { return recordsQuota; }
    public ReadOnlyStringProperty recordsQuotaErrorProperty() { return recordsQuotaError.getReadOnlyProperty(); }
    /** What the secret field shows: empty while a stored secret is masked. */
    public StringProperty secretTextProperty() { return secretText; }
    public BooleanProperty rememberSecretProperty() { return rememberSecret; }
    public ReadOnlyObjectProperty<@Nullable Secret> storedSecretProperty() { return storedSecret.getReadOnlyProperty(); }
    /** How "You" sign in. */
    public ObjectProperty<UserAuth.Type> youTypeProperty() { return youType; }
    /** "You"'s personal access token as the field shows it: empty while a stored token is masked. */
    public StringProperty youTokenTextProperty() { return youTokenText; }
    public ReadOnlyObjectProperty<@Nullable Secret> storedTokenProperty() { return storedToken.getReadOnlyProperty(); }
    /** The ~/.databrickscfg section "You" sign in with (type CONFIG_PROFILE). */
    public StringProperty youConfigProfileProperty() { return youConfigProfile; }
    /** What is missing for "You", naming the field; empty when nothing is. */
    public ReadOnlyStringProperty youErrorProperty() { return youError.getReadOnlyProperty(); }
    public BooleanBinding hasStoredToken() { return Bindings.isNotNull(storedToken); }
    public ReadOnlyObjectProperty<Source> sourceProperty() { return source.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty isNewProperty() { return isNew.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    /** True for a new profile with edits since it was started: what leaving it (another profile, quitting) would lose. */
    public ReadOnlyBooleanProperty unsavedNewProperty() { return unsavedNew.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<EndpointInfo> endpointInfoProperty() { return endpointInfo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty nameErrorProperty() { return nameError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty workspaceUrlErrorProperty() { return workspaceUrlError.getReadOnlyProperty(); }
    public BooleanBinding editable() { return editable; }
    public BooleanBinding canSave() { return canSave; }
    public BooleanBinding hasStoredSecret() { return Bindings.isNotNull(storedSecret); }

    /** The name the profile had when it was loaded (null for a new one): what a rename moves from. */
    public @Nullable String originalName() {
        return loaded == null || isNew.get() ? null : loaded.name();
    }

    /** Shows a profile as it is stored. */
    public void load(ConnectionProfile profile, boolean remembered) {
        fill(profile, remembered);
        loaded = profile;
        loadedRemember = remembered;
        isNew.set(false);
        refresh();
    }

    /** Starts a new, unsaved profile (empty, or a copy of {@code template}) that will be saved under {@code newName}. */
    public void startNew(String newName, @Nullable ConnectionProfile template, boolean remember) {
        // A new profile signs "You" in with a personal access token: what every Databricks user can make.
        var profile = template == null ? new ConnectionProfile(newName, Source.SAVED, "", "", "", null, UserAuth.pat(null))
                : template.withName(newName, Source.SAVED);
        fill(profile, remember);
        loaded = null;
        started = null;
        isNew.set(true);
        refresh();
        started = toProfile();
        refresh();
    }

    /** Restores edits kept from before the user looked at another profile. */
    public void restore(ConnectionProfile original, ConnectionProfile edited, boolean remember) {
        load(original, remember);
        fill(edited, remember);
        refresh();
    }

    /** Puts the stored secret into the field in clear text: only on the user's explicit "reveal". */
    public void revealSecret() {
        Secret stored = storedSecret.get();
        if (stored == null) return;
        loading = true;
        secretText.set(stored.reveal());
        loading = false;
        storedSecret.set(null);
    }

    /** Puts the stored personal access token into the field in clear text: only on the user's explicit "reveal". */
    public void revealToken() {
        Secret stored = storedToken.get();
        if (stored == null) return;
        loading = true;
        youTokenText.set(stored.reveal());
        loading = false;
        storedToken.set(null);
    }

    /** Sets "Ingest as" to a principal set-up just made (its secret stays masked, as a stored one). */
    public void useIngestIdentity(String newClientId, Secret secret) {
        clientId.set(newClientId);
        loading = true;
        secretText.set("");
        loading = false;
        storedSecret.set(secret);
    }

    /** The profile as the form shows it now (saved or not). */
    public ConnectionProfile toProfile() {
        String text = secretText.get();
        Secret secret = !text.isEmpty() ? Secret.of(text) : storedSecret.get();
        Long quota = ZerobusQuotas.parseRecordsQuota(recordsQuota.get());
        long kept = loaded != null ? loaded.recordsPerSecondQuota() : ZerobusQuotas.RECORDS_PER_SECOND_PER_STREAM;
        return new ConnectionProfile(name.get().strip(), source.get(), workspaceUrl.get(), endpoint.get(), clientId.get(), secret,
                you(), quota == null ? kept : quota);
    }

    private UserAuth you() {
        UserAuth.Type type = youType.get() == null ? UserAuth.Type.SERVICE_PRINCIPAL : youType.get();
        String token = youTokenText.get();
        return switch (type) {
            case PAT -> UserAuth.pat(!token.isEmpty() ? Secret.of(token) : storedToken.get());
            // Blank: the SDK's own default section (the form shows the error until one is typed).
            case CONFIG_PROFILE -> UserAuth.configProfile(youConfigProfile.get().isBlank() ? "DEFAULT" : youConfigProfile.get().strip(),
                    loadedConfigFile);
            default -> new UserAuth(type, null, null, null);
        };
    }

    private void fill(ConnectionProfile profile, boolean remember) {
        loading = true;
        source.set(profile.source());
        name.set(profile.name());
        workspaceUrl.set(profile.workspaceUrl());
        endpoint.set(profile.zerobusEndpoint());
        clientId.set(profile.clientId());
        recordsQuota.set(ZerobusQuotas.count(profile.recordsPerSecondQuota()));
        secretText.set("");
        storedSecret.set(profile.clientSecret());
        rememberSecret.set(remember);
        UserAuth you = profile.you();
        youType.set(you.type());
        youTokenText.set("");
        storedToken.set(you.token());
        youConfigProfile.set(you.configProfile() == null ? "" : you.configProfile());
        loadedConfigFile = you.configFile();
        loading = false;
    }

    private void refresh() {
        endpointInfo.set(EndpointParser.parse(endpoint.get(), workspaceUrl.get()));
        nameError.set(validateName(name.get().strip()));
        workspaceUrlError.set(validateWorkspaceUrl(workspaceUrl.get().strip()));
        recordsQuotaError.set(ZerobusQuotas.parseRecordsQuota(recordsQuota.get()) != null ? ""
                : "Records/s quota: enter a whole number of records per second per stream, e.g. 100,000 (the quotas page's "
                        + "default) or the quota Databricks set for your workspace.");
        youError.set(validateYou());
        dirty.set(isNew.get() || loaded != null && (!loaded.equals(toProfile()) || loadedRemember != rememberSecret.get()));
        unsavedNew.set(isNew.get() && started != null && !started.equals(toProfile()));
    }

    private String validateName(String value) {
        if (source.get() != Source.SAVED) return "";
        if (value.isEmpty()) return "Name: enter a name for the profile, e.g. dev-workspace.";
        if (value.equals(ProfileStore.ENVIRONMENT_PROFILE) || value.equals(AppContext.SANDBOX_PROFILE)
                || value.equals(AppContext.SANDBOX_NO_GRANTS_PROFILE)) {
            return "Name: '" + value + "' is reserved for a built-in profile; choose another name.";
        }
        if (ProfileStore.isReservedName(value)) return "Name: names starting with '(sandbox) ' are reserved; choose another name.";
        if (nameTakenByAnother.test(value) && !value.equals(originalName())) {
            return "Name: a profile named '" + value + "' exists already; choose another name.";
        }
        return "";
    }

    private String validateYou() {
        if (source.get() != Source.SAVED) return "";
        return switch (youType.get()) {
            case PAT -> youTokenText.get().isEmpty() && storedToken.get() == null
                    ? "Personal access token: paste yours (User settings > Developer > Access tokens), or pick another sign-in." : "";
            case CONFIG_PROFILE -> youConfigProfile.get().isBlank() ? "Profile: enter the ~/.databrickscfg section, e.g. DEFAULT." : "";
            case SERVICE_PRINCIPAL -> clientId.get().isBlank() ? "Ingest as: enter the service principal's client id." : "";
            default -> "";
        };
    }

    private static String validateWorkspaceUrl(String value) {
        if (value.isEmpty()) return "";
        try {
            URI uri = URI.create(value);
            if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return "";
            }
        } catch (IllegalArgumentException e) {
            // falls through to the explanation below
        }
        return "Workspace URL: enter the address you see in the browser, e.g. https://dbc-1234abcd-5678.cloud.databricks.com.";
    }
}
