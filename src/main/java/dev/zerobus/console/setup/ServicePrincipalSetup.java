package dev.zerobus.console.setup;

import com.databricks.sdk.WorkspaceClient;
import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableName;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.doctor.CheckReport;
import dev.zerobus.console.doctor.ConnectionCheck;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.source.SourceOptions;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Problem;
import dev.zerobus.console.workspace.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Service-principal set-up as "You", the guided flow and the CLI's {@code setup}: pick and start a SQL warehouse,
 * create the table when it is missing (CREATE TABLE from given or inferred columns), pick or create the service
 * principal, create an OAuth secret for it (shown once), grant it USE CATALOG, USE SCHEMA, SELECT and MODIFY, then run
 * the connection doctor as that principal. Each step reports its equivalent SQL / CLI command as it runs. A step that
 * fails stops the run; with {@link SetupRequest#rollbackOnFailure()} what the run created is removed again, and the
 * {@link SetupException} says what was created, what was removed and what (if anything) is left.
 * Blocking (HTTP, SQL): run it off the FX thread. One run at a time per instance.
 */
public final class ServicePrincipalSetup {
    private static final Logger LOG = LoggerFactory.getLogger(ServicePrincipalSetup.class);

    private final ConnectionProfile profile;
    private final WorkspaceClient you;
    private final Warehouses warehouses;
    private final TableService tables;
    private final PrincipalService principals;
    private final TableGrants grants;

    /** Signs in as the profile's "You" ({@link WorkspaceClients#asYou}). */
    public ServicePrincipalSetup(ConnectionProfile profile) {
        this(profile, WorkspaceClients.asYou(profile));
    }

    public ServicePrincipalSetup(ConnectionProfile profile, WorkspaceClient you) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.you = Objects.requireNonNull(you, "you");
        this.warehouses = new Warehouses(you);
        this.tables = new TableService(you);
        this.principals = new PrincipalService(you);
        this.grants = new TableGrants(you, tables);
    }

    public Warehouses warehouses() { return warehouses; }

    public TableService tables() { return tables; }

    public PrincipalService principals() { return principals; }

    public TableGrants grants() { return grants; }

    /** Runs the set-up; {@code listener} sees each step RUNNING and then its outcome. */
    public SetupResult run(SetupRequest request, Consumer<SetupStep> listener, Cancellation cancellation) {
        var run = new Run(request, listener, cancellation);
        try {
            return run.go();
        } catch (SetupException e) {
            throw run.fail(e.problem());
        } catch (dev.zerobus.console.catalog.CatalogException e) {
            throw run.fail(e.problem());
        } catch (java.util.concurrent.CancellationException e) {
            throw run.fail(new Problem("Set-up was cancelled.", "Run it again when you are ready."));
        }
    }

    /**
     * Removes {@code created} (newest first): REVOKEs the GRANTs, deletes the secret and the principal, drops the table.
     * Returns what was removed; what could not be is logged and left in place (its undo command says how).
     */
    public List<CreatedResource> rollback(List<CreatedResource> created, @Nullable String warehouseId) {
        List<CreatedResource> removed = new ArrayList<>();
        for (int i = created.size() - 1; i >= 0; i--) {
            CreatedResource c = created.get(i);
            try {
                switch (c.kind()) {
                    case GRANT, TABLE -> tables.run(warehouseId == null ? warehouses.pick(null).id() : warehouseId,
                            c.undoCommand(), Cancellation.none(), "undo " + c.description());
                    case SECRET -> {
                        String[] ids = c.id().split("/", 2);
                        principals.deleteSecret(new ServicePrincipal(ids[0], "", "", true), ids[1]);
                    }
                    case SERVICE_PRINCIPAL -> principals.delete(new ServicePrincipal(c.id(), "", "", true));
                }
                removed.add(c);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove {} during rollback: {}", c.description(), e.getMessage());
            }
        }
        return removed;
    }

    private final class Run {
        final SetupRequest request;
        final Consumer<SetupStep> listener;
        final Cancellation cancellation;
        final List<SetupStep> steps = new ArrayList<>();
        final List<CreatedResource> created = new ArrayList<>();
        @Nullable String warehouseId;
        SetupStep.@Nullable Kind current;
        String currentCommand = "";

        Run(SetupRequest request, Consumer<SetupStep> listener, Cancellation cancellation) {
            this.request = request;
            this.listener = listener;
            this.cancellation = cancellation;
        }

        SetupResult go() {
            TableName name = TableSql.tableName(request.table());
            // Columns first: a file that cannot be inferred fails before anything runs on the workspace.
            List<TableColumn> columns = request.columns();
            if (columns == null && request.file() != null) columns = infer(request);
            // So is a principal that can be neither found nor created (bad name, unknown application id).
            String wanted = request.principal() != null ? request.principal()
                    : !profile.clientId().isBlank() ? profile.clientId() : "zerobus-" + name.table();
            Optional<ServicePrincipal> found = principals.find(wanted);
            if (found.isEmpty() && PrincipalService.isApplicationId(wanted)) {
                throw new SetupException(new Problem("There is no service principal with application id " + wanted + " in this workspace.",
                        "Check the id (Settings > Identity and access > Service principals), or give a name to create a new principal."));
            }
            if (found.isEmpty()) PrincipalService.validateName(wanted).ifPresent(p -> { throw new SetupException(p); });

            // 1. Warehouse
            start(SetupStep.Kind.WAREHOUSE, "databricks warehouses list");
            Warehouse warehouse = warehouses.pick(request.warehouseId());
            warehouseId = warehouse.id();
            currentCommand = warehouse.isRunning() ? "databricks warehouses get " + warehouse.id() : "databricks warehouses start " + warehouse.id();
            Warehouses.Ready ready = warehouses.ensureRunning(warehouse.id(), request.warehouseWait());
            if (!ready.isRunning()) {
                throw new SetupException(new Problem(ready.message(), "Wait until the warehouse is RUNNING and run set-up again, "
                        + "or pick a running warehouse. Nothing was created.", currentCommand, null));
            }
            warehouse = ready.warehouse();
            done(ready.message());

            // 2. Table
            String createSql = null;
            boolean tableCreated = false;
            SchemaDrift drift = null;
            start(SetupStep.Kind.TABLE, "");
            cancellation.throwIfCancelled();
            if (tables.exists(name.fullName())) {
                if (columns != null) {
                    drift = tables.drift(name.fullName(), columns);
                    if (drift.hasMissingColumns() && request.addMissingColumns()) {
                        currentCommand = drift.alterSql();
                        tables.addColumns(drift, warehouse.id(), cancellation);
                        done("Added columns " + String.join(", ", drift.missing().stream().map(TableColumn::name).toList())
                                + " to the existing table.");
                    } else {
                        currentCommand = drift.alterSql() == null ? "DESCRIBE TABLE " + name.quoted() : drift.alterSql();
                        skip("Table exists" + (drift.hasMissingColumns() ? "; it lacks columns "
                                + String.join(", ", drift.missing().stream().map(TableColumn::name).toList())
                                + " (the ALTER TABLE shown adds them)" : "") + ".");
                    }
                } else {
                    currentCommand = "DESCRIBE TABLE " + name.quoted();
                    skip("Table exists.");
                }
            } else {
                if (columns == null) {
                    throw new SetupException(new Problem("Table " + name.fullName() + " does not exist, and set-up has no columns for it.",
                            "Give a file to infer the columns from (--from-file), or create the table first."));
                }
                createSql = tables.createSql(name.fullName(), columns, request.tableComment());
                currentCommand = createSql;
                TableDetails details = tables.create(name.fullName(), columns, request.tableComment(), warehouse.id(), cancellation);
                tableCreated = true;
                created.add(new CreatedResource(CreatedResource.Kind.TABLE, name.fullName(), "table " + name.fullName(),
                        TableSql.dropTable(name.fullName())));
                done("Created " + name.fullName() + " (" + details.schema().columns().size() + " columns).");
            }

            // 3. Principal
            start(SetupStep.Kind.PRINCIPAL, "databricks service-principals list");
            cancellation.throwIfCancelled();
            ServicePrincipal principal;
            boolean principalCreated = false;
            if (found.isPresent()) {
                principal = found.get();
                skip("Using " + principal.label() + ".");
            } else {
                currentCommand = PrincipalService.createCommand(wanted);
                principal = principals.create(wanted);
                principalCreated = true;
                created.add(new CreatedResource(CreatedResource.Kind.SERVICE_PRINCIPAL, principal.id(),
                        "service principal " + principal.label(), PrincipalService.deleteCommand(principal)));
                done("Created " + principal.label() + ".");
            }

            // 4. Secret
            start(SetupStep.Kind.SECRET, PrincipalService.secretCommand(principal));
            cancellation.throwIfCancelled();
            CreatedSecret secret = null;
            Secret ingestSecret;
            if (!principalCreated && principal.applicationId().equalsIgnoreCase(profile.clientId()) && profile.hasSecret()) {
                ingestSecret = profile.clientSecret();
                skip("Using the profile's secret for " + principal.applicationId() + ".");
            } else {
                secret = principals.createSecret(principal);
                ingestSecret = secret.secret();
                created.add(new CreatedResource(CreatedResource.Kind.SECRET, principal.id() + "/" + secret.secretId(),
                        "OAuth secret " + secret.secretId() + " of " + principal.label(),
                        PrincipalService.deleteSecretCommand(principal, secret.secretId())));
                done("Created secret " + secret.secretId() + (secret.expireTime() == null ? "" : ", valid until " + secret.expireTime())
                        + ". It is shown once: keep it in the keychain or copy it now.");
            }

            // 5. Grants
            List<String> todo = principalCreated ? TableGrants.statements(name.fullName(), principal.applicationId())
                    : grants.missing(name.fullName(), principal.applicationId());
            start(SetupStep.Kind.GRANTS, String.join(";\n", todo.isEmpty()
                    ? TableGrants.statements(name.fullName(), principal.applicationId()) : todo) + ";");
            cancellation.throwIfCancelled();
            GrantOutcome outcome = principalCreated
                    ? grants.grantAll(name.fullName(), principal.applicationId(), warehouse.id(), cancellation)
                    : grants.grantMissing(name.fullName(), principal.applicationId(), warehouse.id(), cancellation);
            for (String g : outcome.granted()) {
                created.add(new CreatedResource(CreatedResource.Kind.GRANT, g, g, TableSql.revokeFor(g)));
            }
            if (!outcome.isComplete()) throw new SetupException(outcome.problem());
            if (outcome.granted().isEmpty()) skip("The principal holds every privilege Zerobus needs already.");
            else done("Granted: " + String.join("; ", outcome.granted()) + ".");

            // 6. Doctor as the principal
            CheckReport report = null;
            if (request.runDoctor() && !profile.zerobusEndpoint().isBlank()) {
                start(SetupStep.Kind.DOCTOR, "zerobus-console check --table " + name.fullName());
                report = new ConnectionCheck(profile.withIngestAs(principal.applicationId(), ingestSecret), name.fullName()).run();
                if (report.passed()) {
                    done("Every check passed as " + principal.applicationId() + ".");
                } else {
                    var failure = report.firstFailure().orElseThrow();
                    // The grants are made and kept: a failed check is reported, not rolled back.
                    record(SetupStep.failed(SetupStep.Kind.DOCTOR, currentCommand, failure.problem() == null
                            ? new Problem(failure.step().label() + " failed.", "See the check's report.") : failure.problem()));
                }
            } else {
                record(SetupStep.skipped(SetupStep.Kind.DOCTOR, "zerobus-console check --table " + name.fullName(),
                        request.runDoctor() ? "The profile has no Zerobus endpoint to check." : "Not requested."));
            }
            return new SetupResult(name.fullName(), tableCreated, createSql, warehouse, principal, principalCreated, secret,
                    outcome.granted(), steps, created, report, drift);
        }

        private List<TableColumn> infer(SetupRequest r) {
            try {
                SourceOptions options = r.fileOptions() != null ? r.fileOptions() : SourceOptions.detect(r.file());
                return SchemaInference.infer(r.file(), options, SchemaInference.Limits.DEFAULT).tableColumns();
            } catch (IOException e) {
                throw new SetupException(new Problem("Cannot read " + r.file() + ": " + e.getMessage(), "Check the path and that you may read it."));
            }
        }

        void start(SetupStep.Kind kind, String command) {
            current = kind;
            currentCommand = command;
            listener.accept(SetupStep.running(kind, command));
        }

        void done(String detail) {
            record(SetupStep.done(current, currentCommand, detail));
        }

        void skip(String detail) {
            record(SetupStep.skipped(current, currentCommand, detail));
        }

        void record(SetupStep step) {
            steps.add(step);
            current = null;
            listener.accept(step);
        }

        SetupException fail(Problem problem) {
            if (current != null) record(SetupStep.failed(current, currentCommand, problem));
            List<CreatedResource> removed = request.rollbackOnFailure() && !created.isEmpty()
                    ? rollback(List.copyOf(created), warehouseId) : List.of();
            String createdText = created.isEmpty() ? " Nothing was created."
                    : " Created before the failure: " + String.join(", ", created.stream().map(CreatedResource::description).toList())
                    + (removed.size() == created.size() ? "; all removed again." : removed.isEmpty() ? "; still there."
                    : "; removed again: " + String.join(", ", removed.stream().map(CreatedResource::description).toList()) + ".");
            Problem full = problem.withText(problem.message() + createdText, problem.fix(), problem.copyableFix());
            return new SetupException(full, steps, created, removed);
        }
    }
}
