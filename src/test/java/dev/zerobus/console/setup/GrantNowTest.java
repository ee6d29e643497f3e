package dev.zerobus.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.doctor.CheckReport;
import dev.zerobus.console.doctor.CheckStep;
import dev.zerobus.console.doctor.ConnectionCheck;
import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's "Grant now": the owner's grant turns no-grants-sp's check green; an ordinary user gets the reason and the GRANT. */
class GrantNowTest {
    private static final String TABLE = "main.default.sensor_readings";
    @TempDir static Path dir;
    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();

    private static ConnectionProfile noGrantsAs(String userToken) {
        return SetupSandbox.userOnly(sandbox.workspace(), userToken)
                .withIngestAs(SandboxPrincipals.NO_GRANTS, SetupSandbox.secret(sandbox.secretOf(SandboxPrincipals.NO_GRANTS)));
    }

    @Test
    void withoutTheProfileTheAnalystCannotTellWhatIsMissingAndHandsOverEveryGrant() {
        ConnectionProfile analyst = noGrantsAs(sandbox.endpoints().analystToken());

        GrantOutcome refused = new TableGrants(SetupSandbox.you(analyst)).grantNow(TABLE, SandboxPrincipals.NO_GRANTS, null, Cancellation.none());

        assertThat(refused.notGranted()).isEqualTo(TableGrants.statements(TABLE, SandboxPrincipals.NO_GRANTS));
        assertThat(refused.problem().message()).contains("you lack MANAGE on catalog main");
        assertThat(refused.problem().fix()).contains("the owner of catalog main (sandbox-admin@localhost)");
    }

    @Test
    void anOrdinaryUserGetsTheReasonAndTheGrantThenTheOwnersGrantNowTurnsTheCheckGreen() {
        ConnectionProfile analyst = noGrantsAs(sandbox.endpoints().analystToken());
        CheckReport before = new ConnectionCheck(analyst, TABLE).run();
        StepResult failed = before.firstFailure().orElseThrow();
        assertThat(failed.step()).isEqualTo(CheckStep.GRANTS);
        assertThat(before.failedIdentity()).contains(CheckStep.Identity.INGEST);
        assertThat(before.step(CheckStep.YOU).detail()).isEqualTo("Signed in as analyst@localhost (Personal access token)");

        // The analyst may not read no-grants-sp's privileges; the principal may read its own: only the missing GRANT is tried.
        GrantOutcome refused = new TableGrants(SetupSandbox.you(analyst)).grantNow(analyst, TABLE, null, Cancellation.none());

        assertThat(refused.isComplete()).isFalse();
        assertThat(refused.granted()).isEmpty();
        assertThat(refused.notGranted()).containsExactly("GRANT SELECT, MODIFY ON TABLE `main`.`default`.`sensor_readings` TO `no-grants-sp`");
        assertThat(refused.problem().message()).startsWith("You (analyst@localhost) cannot run GRANT SELECT, MODIFY ON TABLE")
                .contains("you lack MANAGE on table main.default.sensor_readings");
        assertThat(refused.problem().fix()).contains("the owner of table main.default.sensor_readings (sandbox-admin@localhost)")
                .contains("MANAGE").contains("metastore admin");
        assertThat(refused.problem().copyableFix())
                .endsWith("GRANT SELECT, MODIFY ON TABLE `main`.`default`.`sensor_readings` TO `no-grants-sp`;");

        ConnectionProfile owner = noGrantsAs(sandbox.endpoints().userToken());
        GrantOutcome granted = new TableGrants(SetupSandbox.you(owner)).grantNow(owner, TABLE, null, Cancellation.none());

        assertThat(granted.isComplete()).isTrue();
        assertThat(granted.granted()).containsExactly("GRANT SELECT, MODIFY ON TABLE `main`.`default`.`sensor_readings` TO `no-grants-sp`");
        CheckReport after = new ConnectionCheck(owner, TABLE).run();
        assertThat(after.passed()).as(after.toText()).isTrue();
        assertThat(new TableGrants(SetupSandbox.you(owner)).missing(TABLE, SandboxPrincipals.NO_GRANTS)).isEmpty();
    }
}
