package dev.zerobus.console.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to set-up: each a clear error, and nothing half-created (no table, no principal left behind). */
class SetupFailuresTest {
    @TempDir static Path dir;
    static SandboxWorkspace sandbox;
    static ConnectionProfile admin;
    static ServicePrincipalSetup setup;

    @BeforeAll
    static void start() {
        sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("sandbox")));
        admin = SetupSandbox.userOnly(sandbox, sandbox.endpoints().userToken());
        setup = new ServicePrincipalSetup(admin);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static List<String> principals() {
        return setup.principals().list().stream().map(ServicePrincipal::displayName).sorted().toList();
    }

    private SetupException fails(ConnectionProfile profile, SetupRequest request) {
        List<String> before = principals();
        SetupException e = catchThrowableOfType(SetupException.class,
                () -> new ServicePrincipalSetup(profile).run(request, s -> {}, Cancellation.none()));
        assertThat(e).as("set-up should have failed").isNotNull();
        assertThat(e.leftBehind()).isEmpty();
        assertThat(principals()).isEqualTo(before);
        return e;
    }

    @Test
    void aFileWhoseColumnsCannotBeInferredStopsBeforeAnythingIsCreated() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "not json at all\n");

        SetupException e = fails(admin, SetupRequest.forTable("main.default.from_bad_file").withPrincipal("bad-file-sp").withFile(bad, null));

        assertThat(e.getMessage()).startsWith("The columns of bad.jsonl cannot be inferred").endsWith("Nothing was created.");
        assertThat(e.created()).isEmpty();
        assertThat(setup.tables().exists("main.default.from_bad_file")).isFalse();
    }

    @Test
    void aUserWithoutCreateTableIsToldWhichPrivilegeWhoGrantsItAndTheGrant() throws Exception {
        ConnectionProfile analyst = SetupSandbox.userOnly(sandbox, sandbox.endpoints().analystToken());

        SetupException e = fails(analyst, SetupRequest.forTable("main.default.analyst_table").withPrincipal("analyst-sp")
                .withFile(SetupSandbox.ordersCsv(dir, 3), null));

        assertThat(e.getMessage()).startsWith("You (analyst@localhost) cannot create table main.default.analyst_table: "
                + "you lack CREATE TABLE on schema main.default.").endsWith("Nothing was created.");
        assertThat(e.problem().fix()).contains("the owner of schema main.default (sandbox-admin@localhost)");
        assertThat(e.problem().copyableFix()).isEqualTo("GRANT CREATE TABLE ON SCHEMA `main`.`default` TO `analyst@localhost`;");
        assertThat(e.steps()).extracting(SetupStep::status).containsExactly(SetupStep.Status.DONE, SetupStep.Status.FAILED);
        assertThat(e.steps().get(1).equivalentCommand()).startsWith("CREATE TABLE `main`.`default`.`analyst_table` (");
        assertThat(setup.tables().exists("main.default.analyst_table")).isFalse();
    }

    @Test
    void takenNamesAreRefusedWithWhatToDoInstead() {
        var tables = new TableService(SetupSandbox.you(admin));
        assertThatThrownBy(() -> tables.create("main.default.sensor_readings",
                List.of(new TableColumn("id", ColumnType.of(ColumnType.Kind.LONG), true)), null, "sandbox", Cancellation.none()))
                .isInstanceOf(SetupException.class).hasMessage("Table main.default.sensor_readings exists already.");

        ServicePrincipal existing = setup.principals().find("sandbox-sp").orElseThrow();
        assertThatThrownBy(() -> setup.principals().create(existing.displayName()))
                .isInstanceOf(SetupException.class)
                .hasMessage("A service principal named '" + existing.displayName() + "' exists already (application id sandbox-sp).");
    }

    @Test
    void aStoppedWarehouseIsStartedAndTheRunStopsWhileItIsStartingWithNothingCreated() throws Exception {
        SetupException e = fails(admin, SetupRequest.forTable("main.default.on_classic").withPrincipal("classic-sp")
                .withFile(SetupSandbox.ordersCsv(dir, 3), null).withWarehouse("sandbox-classic", Duration.ZERO));

        assertThat(e.getMessage()).startsWith("SQL warehouse Sandbox Classic is STARTING (it was stopped and is starting now).")
                .endsWith("Nothing was created.");
        assertThat(e.problem().copyableFix()).isEqualTo("databricks warehouses start sandbox-classic");
        assertThat(setup.tables().exists("main.default.on_classic")).isFalse();

        Warehouses.Ready ready = setup.warehouses().ensureRunning("sandbox-classic", Duration.ofMinutes(1));
        assertThat(ready.isRunning()).as(ready.message()).isTrue();
        assertThat(setup.warehouses().list()).extracting(Warehouse::id, Warehouse::state)
                .contains(org.assertj.core.groups.Tuple.tuple("sandbox-classic", "RUNNING"));
    }

    @Test
    void principalNamesWithSpacesInsideAreTakenAsDatabricksTakesThemButNotPaddedOnes() throws Exception {
        SetupException e = fails(admin, SetupRequest.forTable("main.default.padded").withPrincipal(" orders team ")
                .withFile(SetupSandbox.ordersCsv(dir, 3), null));
        assertThat(e.getMessage()).startsWith("The service principal name ' orders team ' starts or ends with a space.")
                .endsWith("Nothing was created.");
        assertThat(e.problem().fix()).contains("'orders team'");
        assertThat(setup.tables().exists("main.default.padded")).isFalse();
        assertThat(PrincipalService.validateName("")).get().extracting(p -> p.message()).isEqualTo("The service principal needs a name.");
        assertThat(PrincipalService.validateName("a\tb")).isPresent();
        assertThat(PrincipalService.validateName("x".repeat(256))).isPresent();

        SetupResult result = setup.run(SetupRequest.forTable("main.default.spaced").withPrincipal("orders team")
                .withFile(SetupSandbox.ordersCsv(dir, 3), null).withDoctor(false), s -> {}, Cancellation.none());
        assertThat(result.principal().displayName()).isEqualTo("orders team");
        assertThat(result.steps().get(2).equivalentCommand()).isEqualTo("databricks service-principals create --display-name 'orders team'");
        assertThat(result.grants()).allMatch(g -> g.endsWith(" TO `" + result.clientId() + "`"));
    }

    @Test
    void anUnknownApplicationIdOrAMissingTableWithoutColumnsFailsUpFront() {
        SetupException unknown = fails(admin, SetupRequest.forTable("main.default.sensor_readings")
                .withPrincipal("00000000-0000-4000-8000-000000000000"));
        assertThat(unknown.getMessage()).startsWith("There is no service principal with application id 00000000-0000-4000-8000-000000000000");

        SetupException noColumns = fails(admin, SetupRequest.forTable("main.default.no_columns").withPrincipal("no-columns-sp"));
        assertThat(noColumns.getMessage()).startsWith("Table main.default.no_columns does not exist, and set-up has no columns for it.");
    }
}
