package dev.zerobus.console.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.GetWarehouseRequest;
import com.databricks.sdk.service.sql.State;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import com.databricks.sdk.service.sql.StartRequest;
import com.databricks.sdk.service.sql.StopRequest;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WarehousesAPI (get, start, stop) and statements sent to a warehouse that is not running, through the official SDK. */
class SqlWarehousesTest {
    private static final Duration POLL_LIMIT = Duration.ofSeconds(30);

    @TempDir Path dataDir;
    SandboxWorkspace sandbox;
    WorkspaceClient client;

    @BeforeEach
    void start() {
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dataDir));
        sandbox.faults().warehouseTransition(Duration.ofMillis(300));
        client = SdkClients.granted(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void startMovesAStoppedWarehouseThroughStartingToRunningAndStopBack() throws Exception {
        List<State> seen = new ArrayList<>();
        seen.add(state(SqlWarehouses.CLASSIC_ID));

        client.warehouses().start(new StartRequest().setId(SqlWarehouses.CLASSIC_ID));
        seen.add(state(SqlWarehouses.CLASSIC_ID));
        poll(() -> state(SqlWarehouses.CLASSIC_ID), State.RUNNING, seen);
        client.warehouses().stop(new StopRequest().setId(SqlWarehouses.CLASSIC_ID));
        seen.add(state(SqlWarehouses.CLASSIC_ID));
        poll(() -> state(SqlWarehouses.CLASSIC_ID), State.STOPPED, seen);

        List<State> transitions = new ArrayList<>();
        for (State s : seen) if (transitions.isEmpty() || transitions.getLast() != s) transitions.add(s);
        assertThat(transitions)
                .containsExactly(State.STOPPED, State.STARTING, State.RUNNING, State.STOPPING, State.STOPPED);
    }

    @Test
    void anUnknownWarehouseIsNotFoundForGetStartAndStatements() {
        assertThatThrownBy(() -> client.warehouses().get(new GetWarehouseRequest().setId("nope")))
                .isInstanceOf(NotFound.class).hasMessageContaining("SQL warehouse 'nope' does not exist");
        assertThatThrownBy(() -> client.warehouses().start(new StartRequest().setId("nope"))).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> client.statementExecution().executeStatement(new ExecuteStatementRequest()
                .setWarehouseId("nope").setStatement("SELECT 1"))).isInstanceOf(NotFound.class);
    }

    @Test
    void aStatementOnAStoppedWarehouseStartsItAndIsPendingUntilItRuns() throws Exception {
        StatementResponse pending = client.statementExecution().executeStatement(request("SELECT COUNT(*) FROM sensor_readings")
                .setWaitTimeout("0s"));

        assertThat(pending.getStatus().getState()).isEqualTo(StatementState.PENDING);
        assertThat(state(SqlWarehouses.CLASSIC_ID)).isIn(State.STARTING, State.RUNNING);
        List<StatementState> seen = new ArrayList<>();
        StatementResponse done = poll(() -> client.statementExecution().getStatement(pending.getStatementId()),
                r -> r.getStatus().getState() == StatementState.SUCCEEDED, r -> seen.add(r.getStatus().getState()));
        assertThat(done.getResult().getDataArray().iterator().next()).containsExactly("0");
        assertThat(seen).doesNotContain(StatementState.FAILED, StatementState.CANCELED);
        assertThat(state(SqlWarehouses.CLASSIC_ID)).isEqualTo(State.RUNNING);
    }

    @Test
    void aStatementThatOutwaitsWaitTimeoutContinuesOrIsCancelled() throws Exception {
        sandbox.faults().warehouseTransition(Duration.ofMinutes(5));

        StatementResponse continued = client.statementExecution().executeStatement(request("CREATE TABLE later_t (id INT)")
                .setWaitTimeout("5s").setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CONTINUE));
        StatementResponse cancelled = client.statementExecution().executeStatement(request("CREATE TABLE never_t (id INT)")
                .setWaitTimeout("0s"));
        client.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(cancelled.getStatementId()));

        assertThat(continued.getStatus().getState()).isEqualTo(StatementState.PENDING);
        assertThat(client.statementExecution().getStatement(cancelled.getStatementId()).getStatus().getState())
                .isEqualTo(StatementState.CANCELED);
        assertThat(sandbox.context().state().findTable("main.default.later_t")).isEmpty();
        // The warehouse comes up: the continued statement runs, the cancelled one never does.
        sandbox.faults().warehouseTransition(Duration.ZERO);
        client.warehouses().stop(new StopRequest().setId(SqlWarehouses.CLASSIC_ID));
        poll(() -> state(SqlWarehouses.CLASSIC_ID), State.STOPPED, new ArrayList<>());
        client.warehouses().start(new StartRequest().setId(SqlWarehouses.CLASSIC_ID));
        poll(() -> client.statementExecution().getStatement(continued.getStatementId()),
                r -> r.getStatus().getState() == StatementState.SUCCEEDED, r -> {});
        assertThat(sandbox.context().state().findTable("main.default.later_t")).isPresent();
        assertThat(sandbox.context().state().findTable("main.default.never_t")).isEmpty();
    }

    @Test
    void onWaitTimeoutCancelCancelsTheStatement() {
        sandbox.faults().warehouseTransition(Duration.ofMinutes(5));

        StatementResponse response = client.statementExecution().executeStatement(request("CREATE TABLE cancelled_t (id INT)")
                .setWaitTimeout("5s").setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CANCEL));

        assertThat(response.getStatus().getState()).isEqualTo(StatementState.CANCELED);
        assertThat(client.statementExecution().getStatement(response.getStatementId()).getStatus().getState())
                .isEqualTo(StatementState.CANCELED);
    }

    @Test
    void anInvalidWaitTimeoutIsRefused() {
        assertThatThrownBy(() -> client.statementExecution().executeStatement(request("SELECT COUNT(*) FROM sensor_readings")
                .setWarehouseId(SqlStatementApi.WAREHOUSE_ID).setWaitTimeout("3s")))
                .isInstanceOf(InvalidParameterValue.class).hasMessageContaining("use 0s (asynchronous) or 5s to 50s");
    }

    private State state(String id) {
        return client.warehouses().get(new GetWarehouseRequest().setId(id)).getState();
    }

    private static ExecuteStatementRequest request(String sql) {
        return new ExecuteStatementRequest().setWarehouseId(SqlWarehouses.CLASSIC_ID).setStatement(sql)
                .setCatalog("main").setSchema("default");
    }

    private static void poll(Supplier<State> current, State wanted, List<State> seen) throws InterruptedException {
        poll(current, s -> s == wanted, seen::add);
    }

    private static <T> T poll(Supplier<T> current, java.util.function.Predicate<T> done, java.util.function.Consumer<T> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
        while (true) {
            T value = current.get();
            seen.accept(value);
            if (done.test(value)) return value;
            if (System.nanoTime() > deadline) throw new AssertionError("Still " + value + " after " + POLL_LIMIT);
            Thread.sleep(20);
        }
    }
}
