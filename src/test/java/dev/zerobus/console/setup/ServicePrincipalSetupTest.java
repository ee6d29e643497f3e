package dev.zerobus.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.TableReader;
import dev.zerobus.console.catalog.TableSql;
import dev.zerobus.console.ingest.LoadResult;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up flow through the service layer against a fresh sandbox, with the official clients: a user with only a
 * personal access token creates a table from a CSV's inferred schema, a service principal and its secret, grants it,
 * ingests 10,000 rows as that principal and reads them back as the user.
 */
class ServicePrincipalSetupTest {
    @TempDir static Path dir;
    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();

    @Test
    void aUserWithOnlyAPatSetsUpATableFromACsvAndIngests10000RowsAsTheNewPrincipal() throws Exception {
        ConnectionProfile user = SetupSandbox.userOnly(sandbox.workspace(), sandbox.endpoints().userToken());
        Path csv = SetupSandbox.ordersCsv(dir, 10_000);
        List<SetupStep> seen = new ArrayList<>();

        SetupResult result = new ServicePrincipalSetup(user).run(SetupRequest.forTable("main.default.orders_trial")
                .withPrincipal("orders-ingest").withFile(csv, null), seen::add, Cancellation.none());

        assertThat(result.tableCreated()).isTrue();
        assertThat(result.principalCreated()).isTrue();
        assertThat(result.principal().displayName()).isEqualTo("orders-ingest");
        assertThat(result.clientId()).matches("[0-9a-f-]{36}");
        assertThat(result.secret()).isNotNull();
        assertThat(result.secret().toString()).doesNotContain(result.secret().secret().reveal());
        assertThat(result.grants()).isEqualTo(TableSql.ingestGrants("main.default.orders_trial", result.clientId()));
        assertThat(result.doctorPassed()).as(result.doctor() == null ? "no doctor" : result.doctor().toText()).isTrue();
        assertThat(result.createTableSql()).isEqualTo("""
                CREATE TABLE `main`.`default`.`orders_trial` (
                  `id` BIGINT,
                  `name` STRING,
                  `price` DOUBLE,
                  `paid` BOOLEAN,
                  `day` DATE,
                  `at` TIMESTAMP
                )""");
        // Every step was announced, then finished, each with its equivalent command.
        assertThat(seen.stream().filter(s -> s.status() != SetupStep.Status.RUNNING).map(SetupStep::kind))
                .containsExactly(SetupStep.Kind.values());
        assertThat(result.steps()).extracting(SetupStep::status).containsExactly(SetupStep.Status.DONE, SetupStep.Status.DONE,
                SetupStep.Status.DONE, SetupStep.Status.DONE, SetupStep.Status.DONE, SetupStep.Status.DONE);
        assertThat(result.steps().get(2).equivalentCommand()).isEqualTo("databricks service-principals create --display-name orders-ingest");
        assertThat(result.steps().get(3).equivalentCommand()).startsWith("databricks service-principal-secrets-proxy create ");
        assertThat(result.steps().get(4).equivalentCommand()).contains("GRANT SELECT, MODIFY ON TABLE `main`.`default`.`orders_trial`");
        assertThat(result.created()).extracting(CreatedResource::kind).containsExactly(CreatedResource.Kind.TABLE,
                CreatedResource.Kind.SERVICE_PRINCIPAL, CreatedResource.Kind.SECRET, CreatedResource.Kind.GRANT,
                CreatedResource.Kind.GRANT, CreatedResource.Kind.GRANT);
        assertThat(result.toJson(false)).doesNotContain("clientSecret").contains("\"tableCreated\":true");
        assertThat(result.toJson(true)).contains("\"clientSecret\":\"" + result.secret().secret().reveal() + "\"");

        TableDetails table = new TableService(SetupSandbox.you(user)).table("main.default.orders_trial");
        assertThat(table.schema().columns()).extracting(TableColumn::type).extracting(ColumnType::typeText)
                .containsExactly("bigint", "string", "double", "boolean", "date", "timestamp");
        assertThat(table.tableType()).isEqualTo("MANAGED");

        ConnectionProfile ingestAs = user.withIngestAs(result.clientId(), result.secret().secret());
        LoadResult load = SetupSandbox.ingest(ingestAs, table.schema(), csv);
        assertThat(load.succeeded()).as(load.toJson()).isTrue();
        assertThat(load.acked()).isEqualTo(10_000);

        var reader = new TableReader(SetupSandbox.you(user));
        assertThat(reader.count("main.default.orders_trial")).isEqualTo(10_000);
        List<Map<String, String>> last = reader.lastRows(table.schema(), 1, "id");
        assertThat(last.getFirst()).containsEntry("id", "10000").containsEntry("name", "name 10000").containsEntry("paid", "true");
    }

    @Test
    void anExistingTableAndTheProfilesPrincipalAreUsedAsTheyAreAndOnlyMissingGrantsAreMade() {
        var e = sandbox.endpoints();
        ConnectionProfile user = SetupSandbox.userOnly(sandbox.workspace(), e.userToken())
                .withIngestAs("no-grants-sp", SetupSandbox.secret(sandbox.secretOf("no-grants-sp")));

        SetupResult result = new ServicePrincipalSetup(user).run(SetupRequest.forTable("main.default.all_types"),
                step -> {}, Cancellation.none());

        assertThat(result.tableCreated()).isFalse();
        assertThat(result.principalCreated()).isFalse();
        assertThat(result.secret()).isNull();
        assertThat(result.grants()).containsExactly("GRANT SELECT, MODIFY ON TABLE `main`.`default`.`all_types` TO `no-grants-sp`");
        assertThat(result.steps()).extracting(SetupStep::status).containsExactly(SetupStep.Status.DONE, SetupStep.Status.SKIPPED,
                SetupStep.Status.SKIPPED, SetupStep.Status.SKIPPED, SetupStep.Status.DONE, SetupStep.Status.DONE);
        assertThat(result.doctorPassed()).as(result.doctor().toText()).isTrue();
    }

    @Test
    void rollbackRemovesTheTablePrincipalSecretAndGrantsASetupCreated() throws Exception {
        ConnectionProfile user = SetupSandbox.userOnly(sandbox.workspace(), sandbox.endpoints().userToken());
        var setup = new ServicePrincipalSetup(user);
        SetupResult result = setup.run(SetupRequest.forTable("main.default.rolled_back").withPrincipal("rolled-back-sp")
                .withFile(SetupSandbox.ordersCsv(dir, 5), null).withDoctor(false), s -> {}, Cancellation.none());

        List<CreatedResource> removed = setup.rollback(result.created(), result.warehouse().id());

        assertThat(removed).containsExactlyInAnyOrderElementsOf(result.created());
        assertThat(setup.tables().exists("main.default.rolled_back")).isFalse();
        assertThat(setup.principals().find("rolled-back-sp")).isEmpty();
    }

    @Test
    void aRunCancelledAfterCreatingTheTableDropsItAgainAndSaysSo() throws Exception {
        ConnectionProfile user = SetupSandbox.userOnly(sandbox.workspace(), sandbox.endpoints().userToken());
        var cancellation = new Cancellation();
        var setup = new ServicePrincipalSetup(user);

        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(SetupException.class, () -> setup.run(
                SetupRequest.forTable("main.default.cancelled").withPrincipal("cancelled-sp").withFile(SetupSandbox.ordersCsv(dir, 3), null),
                step -> { if (step.kind() == SetupStep.Kind.TABLE && step.status() == SetupStep.Status.DONE) cancellation.cancel(); },
                cancellation));

        assertThat(thrown.getMessage()).startsWith("Set-up was cancelled. Created before the failure: table main.default.cancelled; all removed again.");
        assertThat(thrown.created()).extracting(CreatedResource::kind).containsExactly(CreatedResource.Kind.TABLE);
        assertThat(thrown.leftBehind()).isEmpty();
        assertThat(setup.tables().exists("main.default.cancelled")).isFalse();
        assertThat(setup.principals().find("cancelled-sp")).isEmpty();
    }
}
