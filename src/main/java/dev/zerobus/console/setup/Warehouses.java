package dev.zerobus.console.setup;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.EndpointInfo;
import com.databricks.sdk.service.sql.GetWarehouseResponse;
import com.databricks.sdk.service.sql.ListWarehousesRequest;
import com.databricks.sdk.service.sql.StartRequest;
import dev.zerobus.console.catalog.SdkErrors;
import dev.zerobus.console.workspace.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SQL warehouses "You" can use (SQL Warehouses API through databricks-sdk-java), with their state, and starting a
 * stopped one. Every call blocks on HTTP; run it off the FX thread. Thread-safe.
 */
public final class Warehouses {
    private static final Duration POLL = Duration.ofSeconds(1);

    /** Where a warehouse stands after {@link #ensureRunning}: running now, or told to start and still starting. */
    public record Ready(Warehouse warehouse, boolean startedNow, String message) {
        public boolean isRunning() {
            return warehouse.isRunning();
        }
    }

    private final WorkspaceClient client;

    public Warehouses(WorkspaceClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    public List<Warehouse> list() {
        List<Warehouse> result = new ArrayList<>();
        try {
            for (EndpointInfo w : client.warehouses().list(new ListWarehousesRequest())) {
                result.add(new Warehouse(w.getId(), w.getName(), w.getState() == null ? null : w.getState().name()));
            }
        } catch (RuntimeException e) {
            throw new SetupException(SdkErrors.translate(e, "list the SQL warehouses").problem());
        }
        return List.copyOf(result);
    }

    public Warehouse get(String id) {
        try {
            GetWarehouseResponse w = client.warehouses().get(id);
            return new Warehouse(w.getId() == null ? id : w.getId(), w.getName(), w.getState() == null ? null : w.getState().name());
        } catch (RuntimeException e) {
            if (SdkErrors.isNotFound(e)) throw new SetupException(unknownWarehouse(id));
            throw new SetupException(SdkErrors.translate(e, "read SQL warehouse " + id).problem());
        }
    }

    /**
     * The warehouse to use: {@code id} when given (it must exist), else the first RUNNING one, else the first listed.
     * No warehouse at all is a {@link SetupException} saying how to get one.
     */
    public Warehouse pick(@Nullable String id) {
        if (id != null && !id.isBlank()) return get(id.strip());
        List<Warehouse> all = list();
        return all.stream().filter(Warehouse::isRunning).findFirst().or(() -> all.stream().findFirst())
                .orElseThrow(() -> new SetupException(new Problem("No SQL warehouse is visible to you in this workspace.",
                        "Create one (SQL > SQL Warehouses > Create), or ask an admin for CAN USE on an existing one; "
                                + "tables are created with SQL on a warehouse.")));
    }

    /**
     * Starts the warehouse when it is stopped and waits up to {@code wait} for it to be RUNNING. The result says
     * whether it runs; when it is still starting, {@link Ready#message()} tells the person so (nothing failed).
     */
    public Ready ensureRunning(String id, Duration wait) {
        Warehouse w = get(id);
        boolean started = false;
        if (w.isRunning()) return new Ready(w, false, "SQL warehouse " + w.label() + " is running.");
        if (w.isStopped()) {
            try {
                client.warehouses().start(new StartRequest().setId(id));
            } catch (RuntimeException e) {
                throw new SetupException(SdkErrors.translate(e, "start SQL warehouse " + w.name()).problem()
                        .withCopyableFix("databricks warehouses start " + id));
            }
            started = true;
        } else if (!w.isStarting()) {
            throw new SetupException(new Problem("SQL warehouse " + w.label() + " cannot run statements in state " + w.state() + ".",
                    "Pick another warehouse."));
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            w = get(id);
            if (w.isRunning()) {
                return new Ready(w, started, started ? "Started SQL warehouse " + w.name() + "; it is running." : "SQL warehouse " + w.name() + " is running.");
            }
            if (System.nanoTime() >= deadline) break;
            try {
                Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Ready(w, started, "SQL warehouse " + w.name() + " is " + w.state()
                + (started ? " (it was stopped and is starting now)" : "") + ". Starting takes a few minutes; try again when it is RUNNING.");
    }

    static Problem unknownWarehouse(String id) {
        return new Problem("There is no SQL warehouse with id '" + id + "' that you can see.",
                "Pick one from the warehouse list (`databricks warehouses list`), or leave the warehouse out to use the first running one.");
    }
}
