package dev.zerobus.console.ui;

import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.ingest.UnfinishedLoad;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * What the last session left unfinished, offered once at launch: a load that stopped (the person quit, or a stream
 * failed) with its resume point. Resume makes its profile and table active and hands it to the Records pane, which
 * sends the rest and skips what landed; Discard forgets it. FX thread only.
 */
public final class LastSessionModel {
    private final AppContext context;
    private final ReadOnlyObjectWrapper<@Nullable UnfinishedLoad> offered = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding canResume;

    public LastSessionModel(AppContext context) {
        this.context = context;
        context.unfinishedLoads().all().stream().reduce((first, second) -> second).ifPresent(offered::set); // the latest
        canResume = Bindings.createBooleanBinding(() -> offered.get() != null && profileOf(offered.get()).isPresent(),
                offered, context.sandbox(), context.sandboxNoGrants());
    }

    /** The load offered for resuming, or null once resumed or discarded. */
    public ReadOnlyObjectProperty<@Nullable UnfinishedLoad> offeredProperty() { return offered.getReadOnlyProperty(); }
    /** Why Resume failed, or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** False while the load's profile is missing (the sandbox still starting, or a deleted profile). */
    public BooleanBinding canResume() { return canResume; }

    /** The notice: what stopped, where, how far it got. */
    public static String describe(UnfinishedLoad load) {
        String reached = load.remaining() >= 0
                ? String.format(Locale.ROOT, "%,d of %,d rows landed (%.0f %%)", load.acked(), load.recipe().count(),
                        100.0 * load.acked() / Math.max(1, load.recipe().count()))
                : String.format(Locale.ROOT, "%,d rows landed, %.0f %% of the file read", load.acked(), load.fraction() * 100);
        return "The last session stopped “" + load.name() + "” into " + load.table() + ": " + reached
                + ". Resume sends the rest and skips what landed.";
    }

    public void resume() {
        UnfinishedLoad load = offered.get();
        if (load == null) return;
        Optional<ConnectionProfile> profile = profileOf(load);
        if (profile.isEmpty()) {
            problem.set("The profile “" + load.profile() + "” no longer exists. Add it again on the Connection pane, or Discard.");
            return;
        }
        if (!profile.get().equals(context.activeProfile().get())) context.activeProfile().set(profile.get());
        problem.set("");
        ConnectionProfile p = profile.get();
        CompletableFuture.supplyAsync(() -> context.browser(p).table(load.table()), context.background())
                .whenCompleteAsync((table, error) -> opened(load, table, error), context.fx());
    }

    public void discard() {
        UnfinishedLoad load = offered.get();
        if (load == null) return;
        context.unfinishedLoads().remove(load.id());
        offered.set(null);
    }

    private void opened(UnfinishedLoad load, @Nullable TableDetails table, @Nullable Throwable error) {
        if (table == null) {
            Throwable cause = error != null && error.getCause() != null ? error.getCause() : error;
            problem.set(cause instanceof CatalogException e
                    ? "Could not open " + load.table() + ": " + e.problem().message() + " " + e.problem().fix()
                    : "Could not open " + load.table() + ". Check the connection on the Connection pane, then Resume again.");
            return;
        }
        offered.set(null);
        context.activeTable().set(table);
        context.resumeRequest().set(load);
        context.selectedPane().set(PaneId.RECORDS);
    }

    private Optional<ConnectionProfile> profileOf(UnfinishedLoad load) {
        return context.sandboxProfileNamed(load.profile()).or(() -> context.profiles().find(load.profile()));
    }
}
