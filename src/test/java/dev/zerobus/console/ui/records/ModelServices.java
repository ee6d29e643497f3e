package dev.zerobus.console.ui.records;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.ingest.RecordSender;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.ingest.UnfinishedLoads;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.FxQueue;
import dev.zerobus.console.ui.UiSandbox;
import dev.zerobus.console.ui.UiSettings;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.records.compose.ComposerModel;
import dev.zerobus.console.ui.records.load.LoadRunModel;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a toolkit-free Records model test hands its model instead of an {@code AppContext}: the sandbox's profile, a
 * background executor, the test's thread as the FX thread ({@link FxQueue}), fresh settings, and lists that catch what
 * the model hands to the Stream pane and to a resume.
 */
public final class ModelServices {
    public final FxQueue fx = new FxQueue();
    public final ExecutorService background = Executors.newCachedThreadPool(Thread.ofPlatform().name("model-test-", 0).daemon().factory());
    public final ObjectProperty<@Nullable ConnectionProfile> profile;
    public final UiSettings settings = UiTestSupport.settings();
    public final UnfinishedLoads unfinishedLoads = UnfinishedLoads.inMemory();
    /** What the model listed in the Stream pane. */
    public final List<ActiveIngestion> streamList = new ArrayList<>();
    /** The stopped loads the model asked to resume. */
    public final List<UnfinishedLoad> resumeRequests = new ArrayList<>();

    public ModelServices(UiSandbox sandbox) {
        profile = new SimpleObjectProperty<>(sandbox.profile());
    }

    /** A table as the Catalog pane would hand it over. */
    public TableDetails table(String fullName) {
        return new CatalogBrowser(WorkspaceClients.asYou(profile.get())).table(fullName);
    }

    public TableReader reader(ConnectionProfile p) {
        return new TableReader(WorkspaceClients.asYou(p));
    }

    public ComposerModel.Senders senders() {
        return (options, onOpened) -> new RecordSender(options, background, onOpened);
    }

    public LoadRunModel loadRun() {
        return new LoadRunModel(unfinishedLoads, this::reader, streamList::add, resumeRequests::add, background, fx);
    }
}
