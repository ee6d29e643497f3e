package dev.zerobus.console.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.doctor.CheckStep;
import dev.zerobus.console.doctor.StepResult;
import dev.zerobus.console.sandbox.SandboxExtension;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.ui.FxQueue;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The doctor's model without the FX toolkit, against the sandbox: the test thread is the FX thread. */
class ConnectionCheckModelTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension static final SandboxExtension sandbox = new SandboxExtension();
    final FxQueue fx = new FxQueue();
    final ExecutorService background = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory());
    final List<StepResult> tokenResults = new ArrayList<>();
    final ConnectionCheckModel model = new ConnectionCheckModel(background, fx, tokenResults::add);

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void passesEveryStepWithTheGrantedPrincipal() throws Exception {
        model.run(sandbox.profile());
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("Checking sandbox…");

        fx.until(PATIENCE, () -> {}, () -> !model.runningProperty().get());

        assertThat(model.passedProperty().get()).isTrue();
        assertThat(model.failedStepProperty().get()).isNull();
        assertThat(model.summaryProperty().get()).startsWith("All 7 steps passed");
        // Seven since the doctor also signs in as "You" (CheckStep.YOU), besides the six "Ingest as" steps.
        assertThat(model.steps()).extracting(StepResult::step).containsExactly(CheckStep.values());
        assertThat(model.steps()).extracting(StepResult::status).containsOnly(StepResult.Status.PASSED);
        assertThat(tokenResults).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(StepResult.Status.PASSED));
        assertThat(model.hasReport().get()).isTrue();
        assertThat(model.reportText()).doesNotContain(sandbox.endpoints().clientSecret());
    }

    @Test
    void stopsAtTheGrantsStepForAPrincipalWithoutGrantsAndQuotesTheFix() throws Exception {
        var e = sandbox.endpoints();
        var noGrants = new ConnectionProfile("no-grants", ConnectionProfile.Source.SAVED, e.workspaceUrl(), e.zerobusEndpoint(),
                SandboxPrincipals.NO_GRANTS, Secret.of(sandbox.secretOf(SandboxPrincipals.NO_GRANTS)));

        model.run(noGrants);
        fx.until(PATIENCE, () -> {}, () -> !model.runningProperty().get());

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.failedStepProperty().get()).isIn(CheckStep.TABLE, CheckStep.GRANTS);
        assertThat(model.reportText()).contains("GRANT").contains("no-grants-sp")
                .doesNotContain(sandbox.secretOf(SandboxPrincipals.NO_GRANTS));
    }

    @Test
    void cancelFreesTheModelAtOnce() {
        model.run(sandbox.profile());
        model.cancel();

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).startsWith("Cancelled.");
        assertThat(model.steps()).extracting(StepResult::status).doesNotContain(StepResult.Status.RUNNING, StepResult.Status.PENDING);
    }
}
