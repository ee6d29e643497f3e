package dev.zerobus.console.ui.connection;

import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ConnectionProfile.Source;
import dev.zerobus.console.workspace.EndpointInfo;
import dev.zerobus.console.workspace.EndpointParser;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * The profile being edited: its fields, what the endpoint says about itself as you type, and inline errors that
 * name the field. A stored secret stays masked (the text field is empty) until the user asks to reveal it or types a
 * new one. FX thread only.
 */
public final class ProfileFormModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty workspaceUrl = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty secretText = new SimpleStringProperty("");
    private final BooleanProperty rememberSecret = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<@Nullable Secret> storedSecret = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Source> source = new ReadOnlyObjectWrapper<>(Source.SAVED);
    private final ReadOnlyBooleanWrapper isNew = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<EndpointInfo> endpointInfo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper workspaceUrlError = new ReadOnlyStringWrapper("");
    private final BooleanBinding editable = source.isEqualTo(Source.SAVED);
    private final BooleanBinding canSave = editable.and(dirty).and(nameError.isEmpty());
    private final Predicate<String> nameTakenByAnother;
    private @Nullable ConnectionProfile loaded;
    private boolean loadedRemember;
    private boolean loading;

    /** {@code nameTakenByAnother} tells whether a name belongs to another profile than the one loaded. */
    public ProfileFormModel(Predicate<String> nameTakenByAnother) {
        this.nameTakenByAnother = nameTakenByAnother;
        secretText.addListener((obs, old, now) -> {
            if (!loading && !now.isEmpty()) storedSecret.set(null); // typing replaces the stored secret
        });
        Observable[] fields = {name, workspaceUrl, endpoint, clientId, secretText, rememberSecret, storedSecret};
        for (Observable field : fields) field.addListener(o -> refresh());
        refresh();
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty workspaceUrlProperty() { return workspaceUrl; }
    public StringProperty endpointProperty() { return endpoint; }
    public StringProperty clientIdProperty() { return clientId; }
    /** What the secret field shows: empty while a stored secret is masked. */
    public StringProperty secretTextProperty() { return secretText; }
    public BooleanProperty rememberSecretProperty() { return rememberSecret; }
    public ReadOnlyObjectProperty<@Nullable Secret> storedSecretProperty() { return storedSecret.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Source> sourceProperty() { return source.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty isNewProperty() { return isNew.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
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
        var profile = template == null ? new ConnectionProfile(newName, Source.SAVED, "", "", "", null)
                : template.withName(newName, Source.SAVED);
        fill(profile, remember);
        loaded = null;
        isNew.set(true);
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

    /** The profile as the form shows it now (saved or not). */
    public ConnectionProfile toProfile() {
        String text = secretText.get();
        Secret secret = !text.isEmpty() ? Secret.of(text) : storedSecret.get();
        return new ConnectionProfile(name.get().strip(), source.get(), workspaceUrl.get(), endpoint.get(), clientId.get(), secret);
    }

    private void fill(ConnectionProfile profile, boolean remember) {
        loading = true;
        source.set(profile.source());
        name.set(profile.name());
        workspaceUrl.set(profile.workspaceUrl());
        endpoint.set(profile.zerobusEndpoint());
        clientId.set(profile.clientId());
        secretText.set("");
        storedSecret.set(profile.clientSecret());
        rememberSecret.set(remember);
        loading = false;
    }

    private void refresh() {
        endpointInfo.set(EndpointParser.parse(endpoint.get(), workspaceUrl.get()));
        nameError.set(validateName(name.get().strip()));
        workspaceUrlError.set(validateWorkspaceUrl(workspaceUrl.get().strip()));
        dirty.set(isNew.get() || loaded != null && (!loaded.equals(toProfile()) || loadedRemember != rememberSecret.get()));
    }

    private String validateName(String value) {
        if (source.get() != Source.SAVED) return "";
        if (value.isEmpty()) return "Name: enter a name for the profile, e.g. dev-workspace.";
        if (value.equals(ProfileStore.ENVIRONMENT_PROFILE) || value.equals(AppContext.SANDBOX_PROFILE)
                || value.equals(AppContext.SANDBOX_NO_GRANTS_PROFILE)) {
            return "Name: '" + value + "' is reserved for a built-in profile; choose another name.";
        }
        if (nameTakenByAnother.test(value) && !value.equals(originalName())) {
            return "Name: a profile named '" + value + "' exists already; choose another name.";
        }
        return "";
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
