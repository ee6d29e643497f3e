package dev.zerobus.console.ui.connection;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.setup.PrincipalService;
import dev.zerobus.console.setup.ServicePrincipal;
import dev.zerobus.console.setup.ServicePrincipalSetup;
import dev.zerobus.console.setup.SetupException;
import dev.zerobus.console.setup.SetupRequest;
import dev.zerobus.console.setup.SetupResult;
import dev.zerobus.console.setup.SetupStep;
import dev.zerobus.console.setup.Warehouse;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import dev.zerobus.console.workspace.Secret;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guided "Set up a service principal" flow, as "You": pick a warehouse, pick or name the principal, then run
 * {@link ServicePrincipalSetup} (secret, grants, doctor) with each step and its equivalent command shown as it goes.
 * The new secret is held here once, masked, until it is handed to the profile. What was typed stays on failure.
 * Properties are FX-thread only; service calls run on {@code background}.
 */
public final class SetupModel {
    private static final Logger LOG = LoggerFactory.getLogger(SetupModel.class);

    /** A step as the flow shows it: waiting (no result yet) or the service's latest word on it. */
    public record StepView(SetupStep.Kind kind, @Nullable SetupStep step) {}

    private final StringProperty table = new SimpleStringProperty("");
    private final StringProperty principal = new SimpleStringProperty("");
    private final ObjectProperty<@Nullable Warehouse> warehouse = new SimpleObjectProperty<>();
    private final ObservableList<Warehouse> warehouses = FXCollections.observableArrayList();
    private final ObservableList<ServicePrincipal> principals = FXCollections.observableArrayList();
    private final ObservableList<StepView> steps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<@Nullable Problem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable SetupResult> result = new ReadOnlyObjectWrapper<>();
    private final StringBinding inputError;
    private final BooleanBinding canRun;
    private final ConnectionProfile profile;
    private final Function<ConnectionProfile, ServicePrincipalSetup> setups;
    private final BiConsumer<String, Secret> useForIngest;
    private final Executor background;
    private final Executor fx;
    private @Nullable ServicePrincipalSetup setup;
    private @Nullable Cancellation cancellation;

    /** {@code useForIngest} receives the principal's client id and new secret when a run succeeds (FX thread). */
    public SetupModel(ConnectionProfile profile, String table, BiConsumer<String, Secret> useForIngest, Executor background, Executor fx) {
        this(profile, table, p -> new ServicePrincipalSetup(p, WorkspaceClients.asYou(p)), useForIngest, background, fx);
    }

    SetupModel(ConnectionProfile profile, String table, Function<ConnectionProfile, ServicePrincipalSetup> setups,
               BiConsumer<String, Secret> useForIngest, Executor background, Executor fx) {
        this.profile = profile;
        this.setups = setups;
        this.useForIngest = useForIngest;
        this.background = background;
        this.fx = fx;
        this.table.set(table);
        this.principal.set(profile.clientId().isBlank() ? "zerobus-" + table.substring(table.lastIndexOf('.') + 1) : profile.clientId());
        inputError = Bindings.createStringBinding(this::validate, this.table, principal, warehouse, principals);
        canRun = inputError.isEmpty().and(running.not());
        resetSteps();
    }

    public StringProperty tableProperty() { return table; }
    /** A principal's application id or display name (used when it exists), or the name of a new one. */
    public StringProperty principalProperty() { return principal; }
    public ObjectProperty<@Nullable Warehouse> warehouseProperty() { return warehouse; }
    public ObservableList<Warehouse> warehouses() { return warehouses; }
    public ObservableList<ServicePrincipal> principals() { return principals; }
    public ObservableList<StepView> steps() { return steps; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<@Nullable Problem> problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<@Nullable SetupResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** What to fix before running, naming the field; empty when nothing. */
    public StringBinding inputError() { return inputError; }
    public BooleanBinding canRun() { return canRun; }
    /** Whether {@link #principalProperty()} names an existing principal (else set-up creates one by that name). */
    public boolean principalExists() { return existing(principal.get()) != null; }

    /** Reads the warehouses (with their state) and the service principals you can see. */
    public void load() {
        status.set("Reading the SQL warehouses and service principals…");
        CompletableFuture.supplyAsync(() -> {
            ServicePrincipalSetup s = setup();
            return new Object[] {s.warehouses().list(), s.principals().list()};
        }, background).whenCompleteAsync((lists, error) -> {
            if (error != null) {
                fail(error);
                return;
            }
            @SuppressWarnings("unchecked") List<Warehouse> w = (List<Warehouse>) lists[0];
            @SuppressWarnings("unchecked") List<ServicePrincipal> p = (List<ServicePrincipal>) lists[1];
            warehouses.setAll(w);
            principals.setAll(p);
            if (warehouse.get() == null) warehouse.set(w.stream().filter(Warehouse::isRunning).findFirst().orElse(w.isEmpty() ? null : w.get(0)));
            status.set(w.isEmpty() ? "No SQL warehouse is visible to you: GRANTs run on one. Ask an admin for CAN USE on a warehouse." : "");
        }, fx);
    }

    /** Runs the whole set-up; each step appears as it runs. */
    public void run() {
        if (!canRun.get()) return;
        var token = new Cancellation();
        cancellation = token;
        running.set(true);
        problem.set(null);
        result.set(null);
        resetSteps();
        status.set("Setting up " + principal.get().strip() + " for " + table.get().strip() + "…");
        Warehouse w = warehouse.get();
        SetupRequest request = SetupRequest.forTable(table.get().strip()).withPrincipal(principal.get().strip())
                .withWarehouse(w == null ? null : w.id(), SetupRequest.DEFAULT_WAREHOUSE_WAIT);
        CompletableFuture.supplyAsync(() -> setup().run(request, step -> fx.execute(() -> show(step)), token), background)
                .whenCompleteAsync(this::finished, fx);
    }

    /** Stops after the step in flight; what the run created is removed again (rollback). */
    public void cancel() {
        if (cancellation != null && running.get()) {
            cancellation.cancel();
            status.set("Cancelling after the current step…");
        }
    }

    private void finished(@Nullable SetupResult done, @Nullable Throwable error) {
        running.set(false);
        if (done == null) {
            fail(error);
            return;
        }
        result.set(done);
        if (done.secret() != null) useForIngest.accept(done.clientId(), done.secret().secret());
        status.set(done.doctorPassed() ? "Done: " + done.principal().label() + " can write to " + done.table() + "."
                : "Set up " + done.principal().label() + "; the connection check did not pass: see its step.");
    }

    private void fail(@Nullable Throwable error) {
        Throwable cause = error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error;
        Problem why = switch (cause) {
            case SetupException e -> e.problem();
            case CatalogException e -> e.problem();
            case null, default -> {
                LOG.warn("Service principal set-up stopped unexpectedly", cause);
                yield new Problem("Set-up stopped unexpectedly.", "Try again; if it repeats, attach the log file to a bug report.");
            }
        };
        problem.set(why);
        status.set("");
    }

    private void show(SetupStep step) {
        steps.set(step.kind().ordinal(), new StepView(step.kind(), step));
    }

    private void resetSteps() {
        steps.setAll(Arrays.stream(SetupStep.Kind.values()).map(k -> new StepView(k, null)).toList());
    }

    private synchronized ServicePrincipalSetup setup() {
        if (setup == null) setup = setups.apply(profile);
        return setup;
    }

    private @Nullable ServicePrincipal existing(String text) {
        String key = text == null ? "" : text.strip();
        return principals.stream().filter(p -> p.applicationId().equalsIgnoreCase(key) || p.displayName().equals(key))
                .findFirst().orElse(null);
    }

    private String validate() {
        if (!table.get().strip().matches("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+\\.[A-Za-z0-9_]+")) {
            return "Table: enter catalog.schema.table, e.g. main.default.orders.";
        }
        String name = principal.get();
        if (existing(name) == null && !PrincipalService.isApplicationId(name)) {
            var bad = PrincipalService.validateName(name);
            if (bad.isPresent()) return "Service principal: " + bad.get().message() + " " + bad.get().fix();
        }
        return "";
    }
}
