package dev.zerobus.console.ui;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.ObjectProperty;
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

    private final ProfileStore profiles;
    private final UiSettings settings;
    private final ExecutorService background;
    private final Executor fx;
    private final ObjectProperty<@Nullable ConnectionProfile> activeProfile = new SimpleObjectProperty<>();
    private final ObjectProperty<@Nullable TableDetails> activeTable = new SimpleObjectProperty<>();
    private final ObjectProperty<@Nullable ConnectionProfile> sandbox = new SimpleObjectProperty<>();
    private final StringProperty sandboxStatus = new SimpleStringProperty("Sandbox not started");
    private final StringProperty tokenStatus = new SimpleStringProperty("Not checked");
    private final ObservableList<ActiveIngestion> ingestions = FXCollections.observableArrayList();
    private final Shortcuts shortcuts = new Shortcuts();
    private final ObjectProperty<PaneId> selectedPane = new SimpleObjectProperty<>(PaneId.CONNECTION);
    private final RecentFiles recentFiles;
    private @Nullable CatalogBrowser browser;
    private @Nullable TableReader reader;
    private @Nullable ConnectionProfile clientsFor;

    public AppContext(ProfileStore profiles, UiSettings settings, ExecutorService background, Executor fx) {
        this.profiles = profiles;
        this.settings = settings;
        this.background = background;
        this.fx = fx;
        this.recentFiles = new RecentFiles(settings);
        activeProfile.addListener((obs, old, now) -> {
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
    public StringProperty sandboxStatus() { return sandboxStatus; }
    public StringProperty tokenStatus() { return tokenStatus; }
    public ObservableList<ActiveIngestion> ingestions() { return ingestions; }
    /** Keyboard shortcuts; panes add theirs (listed in Help > Shortcuts). */
    public Shortcuts shortcuts() { return shortcuts; }
    /** Files imported lately, for File > Recent files. */
    public RecentFiles recentFiles() { return recentFiles; }
    /** The pane on show. Panes may switch it (e.g. after starting a load). */
    public ObjectProperty<PaneId> selectedPane() { return selectedPane; }

    /** The sandbox as a connection profile, once it runs. */
    public @Nullable ConnectionProfile sandboxProfile() {
        return sandbox.get();
    }

    /** The profile for a running sandbox's endpoints (the app and tests build it; ui itself never touches the sandbox). */
    public static ConnectionProfile sandboxProfile(String workspaceUrl, String zerobusEndpoint, String clientId, Secret secret) {
        return new ConnectionProfile(SANDBOX_PROFILE, ConnectionProfile.Source.SANDBOX, workspaceUrl, zerobusEndpoint, clientId, secret);
    }

    /** A catalog browser for the given profile (cached for the active one). Call off the FX thread. */
    public synchronized CatalogBrowser browser(ConnectionProfile profile) {
        if (browser == null || !profile.equals(clientsFor)) {
            var client = WorkspaceClients.create(profile);
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
