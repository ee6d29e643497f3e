package dev.zerobus.console.ui;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.ingest.UnfinishedLoads;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * What the panes share: the active connection profile and table, the sandbox (when it runs), the ingestions the
 * Stream pane shows, the service layer's executors and the remembered settings. Properties are touched on the FX
 * thread only; {@link #background()} runs service calls, {@link #fx()} brings results back.
 */
public final class AppContext {
    public static final String SANDBOX_PROFILE = "Sandbox (local)";
    /** The sandbox's principal without table grants, ready-made for trying out the doctor's grant failures. */
    public static final String SANDBOX_NO_GRANTS_PROFILE = "Sandbox (no grants)";
    public static final String SANDBOX_SERVICE_LIKE = "sandbox.serviceLike";

    private final ProfileStore profiles;
    private final UiSettings settings;
    private final ExecutorService background;
    private final Executor fx;
    private final ObjectProperty<@Nullable ConnectionProfile> activeProfile = new SimpleObjectProperty<>();
    private final ObjectProperty<@Nullable TableDetails> activeTable = new SimpleObjectProperty<>();
    private final ObjectProperty<@Nullable ConnectionProfile> sandbox = new SimpleObjectProperty<>();
    private final ObjectProperty<@Nullable ConnectionProfile> sandboxNoGrants = new SimpleObjectProperty<>();
    private final StringProperty sandboxStatus = new SimpleStringProperty("Sandbox not started");
    /** Whether the embedded sandbox behaves like the service's speed (remembered; applied by the app). */
    private final BooleanProperty sandboxServiceLike = new SimpleBooleanProperty();
    private final StringProperty tokenStatus = new SimpleStringProperty("Not checked");
    private final ObservableList<ActiveIngestion> ingestions = FXCollections.observableArrayList();
    private final Shortcuts shortcuts = new Shortcuts();
    private final UnfinishedLoads unfinishedLoads;
    private final ObjectProperty<@Nullable UnfinishedLoad> resumeRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<PaneId> selectedPane = new SimpleObjectProperty<>(PaneId.CONNECTION);
    private final RecentFiles recentFiles;
    private final List<Consumer<Runnable>> beforeQuit = new ArrayList<>();
    private @Nullable CatalogBrowser browser;
    private @Nullable TableReader reader;
    private @Nullable ConnectionProfile clientsFor;

    /** A context whose unfinished loads are kept for this run only (tests that do not look at them). */
    public AppContext(ProfileStore profiles, UiSettings settings, ExecutorService background, Executor fx) {
        this(profiles, settings, UnfinishedLoads.inMemory(), background, fx);
    }

    public AppContext(ProfileStore profiles, UiSettings settings, UnfinishedLoads unfinishedLoads, ExecutorService background,
                      Executor fx) {
        this.unfinishedLoads = unfinishedLoads;
        this.profiles = profiles;
        this.settings = settings;
        this.background = background;
        this.fx = fx;
        sandboxServiceLike.set(settings.getBoolean(SANDBOX_SERVICE_LIKE, false));
        sandboxServiceLike.addListener((obs, old, now) -> settings.putBoolean(SANDBOX_SERVICE_LIKE, now));
        this.recentFiles = new RecentFiles(settings);
        activeProfile.addListener((obs, old, now) -> {
            tokenStatus.set("Not checked"); // the state shown was the previous profile's
            synchronized (this) {
                browser = null;
                reader = null;
                clientsFor = null;
            }
        });
    }

    public ProfileStore profiles() { return profiles; }
    public UiSettings settings() { return settings; }
    /** Platform threads: SDK calls block in native code, which would pin virtual threads. */
    public ExecutorService background() { return background; }
    public Executor fx() { return fx; }
    public ObjectProperty<@Nullable ConnectionProfile> activeProfile() { return activeProfile; }
    public ObjectProperty<@Nullable TableDetails> activeTable() { return activeTable; }
    /** The running sandbox as a read-only profile named {@link #SANDBOX_PROFILE}, or null while it is not running. */
    public ObjectProperty<@Nullable ConnectionProfile> sandbox() { return sandbox; }
    /** The running sandbox's {@code no-grants-sp} as a read-only profile, or null; set before {@link #sandbox()}. */
    public ObjectProperty<@Nullable ConnectionProfile> sandboxNoGrants() { return sandboxNoGrants; }
    public StringProperty sandboxStatus() { return sandboxStatus; }
    /**
     * "Like the service": durability ACKs take about 150 ms (p50) and each stream is held to its quota by flow control,
     * as on Databricks; off (instant ACKs, no quota) by default. Remembered across runs.
     */
    public BooleanProperty sandboxServiceLike() { return sandboxServiceLike; }
    public StringProperty tokenStatus() { return tokenStatus; }
    public ObservableList<ActiveIngestion> ingestions() { return ingestions; }
    /** Keyboard shortcuts; panes add theirs (listed in Help > Shortcuts). */
    public Shortcuts shortcuts() { return shortcuts; }
    /** Files imported lately, for File > Recent files. */
    public RecentFiles recentFiles() { return recentFiles; }
    /**
     * What panes ask before the console quits (unsaved edits): each is given what lets quitting go on, and runs it
     * (at once, or after the person answered) or, when the person cancels, does not.
     */
    public List<Consumer<Runnable>> beforeQuit() { return beforeQuit; }
    /** The pane on show. Panes may switch it (e.g. after starting a load). */
    public ObjectProperty<PaneId> selectedPane() { return selectedPane; }

    /** Loads a session left unfinished (kept across launches), and how each ends. */
    public UnfinishedLoads unfinishedLoads() { return unfinishedLoads; }
    /** A load to resume, set once its profile and table are active; the Records pane takes it (and clears it). */
    public ObjectProperty<@Nullable UnfinishedLoad> resumeRequest() { return resumeRequest; }

    /** The sandbox as a connection profile, once it runs. */
    public @Nullable ConnectionProfile sandboxProfile() {
        return sandbox.get();
    }

    /** The ready-made sandbox profiles (granted, then no grants) while the sandbox runs. */
    public List<ConnectionProfile> sandboxProfiles() {
        List<ConnectionProfile> list = new ArrayList<>();
        if (sandbox.get() != null) list.add(sandbox.get());
        if (sandboxNoGrants.get() != null) list.add(sandboxNoGrants.get());
        return list;
    }

    /** A ready-made sandbox profile by name, if the sandbox runs. */
    public Optional<ConnectionProfile> sandboxProfileNamed(String name) {
        return sandboxProfiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The profile of the running sandbox's {@code no-grants-sp}. */
    public static ConnectionProfile sandboxNoGrantsProfile(String workspaceUrl, String zerobusEndpoint, String clientId, Secret secret) {
        return new ConnectionProfile(SANDBOX_NO_GRANTS_PROFILE, ConnectionProfile.Source.SANDBOX, workspaceUrl, zerobusEndpoint, clientId, secret);
    }

    /** The profile for a running sandbox's endpoints (the app and tests build it; ui itself never touches the sandbox). */
    public static ConnectionProfile sandboxProfile(String workspaceUrl, String zerobusEndpoint, String clientId, Secret secret) {
        return new ConnectionProfile(SANDBOX_PROFILE, ConnectionProfile.Source.SANDBOX, workspaceUrl, zerobusEndpoint, clientId, secret);
    }

    /** The sandbox profile with both identities: "You" = the sandbox user's personal access token, "Ingest as" = the SP. */
    public static ConnectionProfile sandboxProfile(String workspaceUrl, String zerobusEndpoint, String clientId, Secret secret,
                                                   Secret userToken) {
        return sandboxProfile(workspaceUrl, zerobusEndpoint, clientId, secret).withYou(dev.zerobus.console.workspace.UserAuth.pat(userToken));
    }

    /** A catalog browser for the given profile, signed in as "You" (cached for the active one). Call off the FX thread. */
    public synchronized CatalogBrowser browser(ConnectionProfile profile) {
        if (browser == null || !profile.equals(clientsFor)) {
            var client = WorkspaceClients.asYou(profile);
            browser = new CatalogBrowser(client);
            reader = new TableReader(client);
            clientsFor = profile;
        }
        return browser;
    }

    /** A SQL reader for the given profile (cached with the browser). Call off the FX thread. */
    public synchronized TableReader reader(ConnectionProfile profile) {
        browser(profile);
        return reader;
    }
}
