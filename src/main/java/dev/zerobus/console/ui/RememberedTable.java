package dev.zerobus.console.ui;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table chosen in the last session, made active again as soon as a profile is (so the top bar, the doctor and
 * the Records pane agree on it before the Catalog is opened). A table that is gone leaves none selected. FX thread.
 */
public final class RememberedTable {
    /** The settings key the Catalog pane writes when a table is selected. */
    public static final String KEY = "catalog.lastTable";
    private static final Logger LOG = LoggerFactory.getLogger(RememberedTable.class);

    private final AppContext context;
    private boolean tried;

    private RememberedTable(AppContext context) {
        this.context = context;
    }

    public static void restore(AppContext context) {
        var remembered = new RememberedTable(context);
        context.activeProfile().subscribe(remembered::profileActive);
    }

    private void profileActive(@Nullable ConnectionProfile profile) {
        String name = context.settings().get(KEY, "");
        if (tried || profile == null || name.isBlank() || context.activeTable().get() != null) return;
        tried = true;
        CompletableFuture.supplyAsync(() -> context.browser(profile).table(name), context.background())
                .whenCompleteAsync((table, error) -> opened(profile, name, table, error), context.fx());
    }

    private void opened(ConnectionProfile profile, String name, @Nullable TableDetails table, @Nullable Throwable error) {
        if (error != null) {
            LOG.info("The last session's table {} could not be read again: {}", name, error.toString());
            return;
        }
        if (context.activeTable().get() == null && profile.equals(context.activeProfile().get())) context.activeTable().set(table);
    }
}
