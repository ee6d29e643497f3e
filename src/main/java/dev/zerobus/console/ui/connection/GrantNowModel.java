package dev.zerobus.console.ui.connection;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.setup.GrantOutcome;
import dev.zerobus.console.setup.SetupException;
import dev.zerobus.console.setup.TableGrants;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The doctor's "Grant now": runs the GRANTs the ingest principal lacks as "You" (SQL on a warehouse). When you may
 * not grant, {@link #problemProperty()} says which privilege you lack and who can grant it, and
 * {@link #handoverProperty()} holds the GRANTs to hand to them. Properties are FX-thread only.
 */
public final class GrantNowModel {
    private static final Logger LOG = LoggerFactory.getLogger(GrantNowModel.class);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper handover = new ReadOnlyStringWrapper("");
    private final Executor background;
    private final Executor fx;
    private final Function<ConnectionProfile, TableGrants> grants;

    public GrantNowModel(Executor background, Executor fx) {
        this(background, fx, profile -> new TableGrants(WorkspaceClients.asYou(profile)));
    }

    GrantNowModel(Executor background, Executor fx, Function<ConnectionProfile, TableGrants> grants) {
        this.background = background;
        this.fx = fx;
        this.grants = grants;
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Why the grant was refused (message and fix), empty when it was not. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** The GRANT statements to hand to someone who may run them, empty when none. */
    public ReadOnlyStringProperty handoverProperty() { return handover.getReadOnlyProperty(); }

    /** Grants {@code profile}'s ingest principal what it lacks on {@code table}; {@code onGranted} runs on the FX thread. */
    public void grant(ConnectionProfile profile, String table, Runnable onGranted) {
        if (running.get()) return;
        running.set(true);
        problem.set("");
        handover.set("");
        CompletableFuture.supplyAsync(() -> grants.apply(profile).grantNow(table.strip(), profile.clientId(), null,
                        Cancellation.none()), background)
                .whenCompleteAsync((outcome, error) -> finished(profile, outcome, error, onGranted), fx);
    }

    /** Forgets the last refusal (another profile or table is being checked). */
    public void clear() {
        problem.set("");
        handover.set("");
    }

    private void finished(ConnectionProfile profile, @Nullable GrantOutcome outcome, @Nullable Throwable error, Runnable onGranted) {
        running.set(false);
        if (outcome != null && outcome.isComplete()) {
            onGranted.run();
            return;
        }
        Problem why = outcome != null ? outcome.problem() : problemOf(error);
        if (why == null) why = new Problem("The grant did not complete.", "Run the GRANT statements shown as the table's owner.");
        problem.set(profile.redact(why.message() + "\n" + why.fix()));
        String statements = why.copyableFix() != null ? why.copyableFix()
                : outcome != null ? String.join(";\n", outcome.notGranted()) + ";" : "";
        handover.set(statements);
    }

    private static @Nullable Problem problemOf(@Nullable Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : error;
        if (cause instanceof SetupException e) return e.problem();
        if (cause instanceof CatalogException e) return e.problem();
        LOG.warn("Grant now stopped unexpectedly", cause);
        return new Problem("Grant now stopped unexpectedly.", "Try again; if it repeats, attach the log file to a bug report.");
    }
}
