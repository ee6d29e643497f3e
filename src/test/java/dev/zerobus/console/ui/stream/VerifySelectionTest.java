package dev.zerobus.console.ui.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.UiTestSupport;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify's result belongs to the session it read: selecting another session shows that one's, or none. */
class VerifySelectionTest {
    @TempDir static Path dir;
    static SandboxWorkspace sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = UiTestSupport.startSandbox(dir.resolve("sandbox"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void showsEachSessionsOwnResultAndNothingForOneNotVerified() {
        AppContext context = UiTestSupport.context(sandbox, dir.resolve("config"));
        TableDetails table = StreamFixtures.table(context);
        var verify = new VerifyModel(context::reader, Runnable::run, Runnable::run);
        var first = new ActiveIngestion("first", table, Instant.now(), null, null, 0);
        var second = new ActiveIngestion("second", table, Instant.now(), null, null, 0);

        verify.select(first);
        verify.verify(first, context.activeProfile().get(), 0);
        String firstResult = verify.summaryProperty().get();
        assertThat(firstResult).contains("rows since the session began");
        assertThat(verify.columns()).contains("device_name");

        verify.select(second);
        assertThat(verify.summaryProperty().get()).startsWith("Verify reads the table back");
        assertThat(verify.rows()).isEmpty();
        assertThat(verify.columns()).isEmpty();

        verify.select(first);
        assertThat(verify.summaryProperty().get()).isEqualTo(firstResult);
        assertThat(verify.columns()).contains("device_name");
    }
}
