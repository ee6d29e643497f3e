package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.FaultPlan;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's SQL warehouses ({@code /api/2.0/sql/warehouses}: list, get, start, stop, as WarehousesAPI of
 * databricks-sdk-java calls them): a running serverless one and a stopped classic one. Start moves a STOPPED
 * warehouse through STARTING to RUNNING, stop a RUNNING one through STOPPING to STOPPED, each taking
 * {@link FaultPlan#warehouseTransition()}. A statement sent to a warehouse that is not running starts it and waits
 * in PENDING ("waiting for warehouse", https://docs.databricks.com/api/workspace/statementexecution/executestatement).
 * Everyone may use every warehouse (CAN USE for all users): the sandbox keeps no warehouse permissions.
 * Thread-safe: state changes are synchronized on the warehouse.
 */
final class SqlWarehouses {
    static final String SERVERLESS_ID = "sandbox";
    static final String CLASSIC_ID = "sandbox-classic";
    private static final String BASE = "/api/2.0/sql/warehouses";

    enum State { RUNNING, STARTING, STOPPING, STOPPED }

    /** One warehouse; {@link #running()} completes when it is RUNNING. */
    static final class Warehouse {
        final String id;
        final String name;
        final boolean serverless;
        private State state;
        private CompletableFuture<Void> running;
        private long generation;

        Warehouse(String id, String name, boolean serverless, State state) {
            this.id = id;
            this.name = name;
            this.serverless = serverless;
            this.state = state;
            this.running = state == State.RUNNING ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }

        synchronized State state() { return state; }

        /** Completes once the warehouse is RUNNING (now, or after the start under way). */
        synchronized CompletableFuture<Void> running() { return running; }
    }

    private final UcAccess access;
    private final FaultPlan faults;
    private final Map<String, Warehouse> warehouses = new LinkedHashMap<>();

    SqlWarehouses(UcAccess access, FaultPlan faults) {
        this.access = access;
        this.faults = faults;
        warehouses.put(SERVERLESS_ID, new Warehouse(SERVERLESS_ID, "Sandbox Serverless", true, State.RUNNING));
        warehouses.put(CLASSIC_ID, new Warehouse(CLASSIC_ID, "Sandbox Classic", false, State.STOPPED));
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, this::list),
                Route.of("GET", BASE + "/(?<id>[^/]+)", this::get),
                Route.of("POST", BASE + "/(?<id>[^/]+)/start", this::start),
                Route.of("POST", BASE + "/(?<id>[^/]+)/stop", this::stop));
    }

    private void list(HttpExchangeContext request) throws IOException {
        access.authenticate(request);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        var list = body.putArray("warehouses");
        warehouses.values().forEach(w -> list.add(json(w)));
        request.respond(200, body);
    }

    private void get(HttpExchangeContext request) throws IOException {
        access.authenticate(request);
        request.respond(200, json(require(request.path("id"))));
    }

    /** Starting a warehouse that is running or starting already changes nothing, as on Databricks. */
    private void start(HttpExchangeContext request) throws IOException {
        access.authenticate(request);
        start(require(request.path("id")));
        request.respond(200, JsonNodeFactory.instance.objectNode());
    }

    private void stop(HttpExchangeContext request) throws IOException {
        access.authenticate(request);
        Warehouse w = require(request.path("id"));
        long generation;
        synchronized (w) {
            if (w.state == State.STOPPED || w.state == State.STOPPING) {
                request.respond(200, JsonNodeFactory.instance.objectNode());
                return;
            }
            w.state = State.STOPPING;
            generation = ++w.generation;
            if (w.running.isDone()) w.running = new CompletableFuture<>();
        }
        after(() -> {
            synchronized (w) {
                if (w.generation == generation) w.state = State.STOPPED;
            }
        });
        request.respond(200, JsonNodeFactory.instance.objectNode());
    }

    /** Starts a stopped (or stopping) warehouse; returns the future that completes once it runs. */
    CompletableFuture<Void> start(Warehouse w) {
        CompletableFuture<Void> running;
        long generation;
        synchronized (w) {
            if (w.state == State.RUNNING || w.state == State.STARTING) return w.running;
            w.state = State.STARTING;
            generation = ++w.generation;
            running = w.running;
        }
        after(() -> {
            synchronized (w) {
                if (w.generation != generation) return;
                w.state = State.RUNNING;
            }
            running.complete(null);
        });
        return running;
    }

    /**
     * The warehouse, or the error Databricks gives for an id it does not know. The reference does not spell the
     * body out; the stricter reading is a 404 RESOURCE_DOES_NOT_EXIST naming the id (the SDK maps it to NotFound).
     */
    Warehouse require(String id) {
        Warehouse w = id == null ? null : warehouses.get(id);
        if (w == null) {
            throw new ApiException(404, "RESOURCE_DOES_NOT_EXIST", "SQL warehouse '" + id + "' does not exist. The sandbox's"
                    + " warehouses are " + warehouses.keySet() + " (GET /api/2.0/sql/warehouses).");
        }
        return w;
    }

    private void after(Runnable action) {
        Duration delay = faults.warehouseTransition();
        CompletableFuture.runAsync(action, CompletableFuture.delayedExecutor(Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS));
    }

    private static ObjectNode json(Warehouse w) {
        State state = w.state();
        boolean up = state == State.RUNNING || state == State.STOPPING;
        return JsonNodeFactory.instance.objectNode().put("id", w.id).put("name", w.name).put("state", state.name())
                .put("cluster_size", "2X-Small").put("warehouse_type", w.serverless ? "PRO" : "CLASSIC")
                .put("enable_serverless_compute", w.serverless).put("num_clusters", up ? 1 : 0).put("min_num_clusters", 1)
                .put("max_num_clusters", 1).put("auto_stop_mins", w.serverless ? 10 : 45)
                .put("creator_name", SandboxPrincipals.ADMIN);
    }
}
