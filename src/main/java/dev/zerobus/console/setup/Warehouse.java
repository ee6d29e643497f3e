package dev.zerobus.console.setup;

import java.util.Objects;

/**
 * A SQL warehouse as {@code GET /api/2.0/sql/warehouses} lists it. {@code state} is the API's word: RUNNING,
 * STARTING, STOPPED, STOPPING, DELETING, DELETED (or UNKNOWN when the SDK cannot name it).
 */
public record Warehouse(String id, String name, String state) {
    public Warehouse {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        state = state == null ? "UNKNOWN" : state;
    }

    public boolean isRunning() {
        return state.equals("RUNNING");
    }

    public boolean isStarting() {
        return state.equals("STARTING");
    }

    /** Stopped or stopping: {@link Warehouses#ensureRunning} starts it. */
    public boolean isStopped() {
        return state.equals("STOPPED") || state.equals("STOPPING");
    }

    /** For pickers: "Serverless Starter (RUNNING)". */
    public String label() {
        return name + " (" + state + ")";
    }
}
