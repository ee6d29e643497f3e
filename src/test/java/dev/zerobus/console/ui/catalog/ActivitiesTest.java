package dev.zerobus.console.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.workspace.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActivitiesTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<String> outcomes = new ArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private <T> Activities.Outcome<T> record() {
        return new Activities.Outcome<>(value -> outcomes.add("done " + value), problem -> outcomes.add("failed " + problem.message()),
                () -> {
                    outcomes.add("always");
                    finished.countDown();
                });
    }

    @Test
    void dropsTheResultOfACancelledCallAndIsNoLongerBusy() throws InterruptedException {
        var activities = new Activities(background, Runnable::run);
        var started = new CountDownLatch(1);
        activities.run("Loading catalogs…", token -> {
            started.countDown();
            while (!token.isCancelled()) Thread.onSpinWait();
            return "late result";
        }, record());
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(activities.busyProperty().get()).isTrue();

        activities.cancelAll();

        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).containsExactly("always");
        assertThat(activities.busyProperty().get()).isFalse();
    }

    @Test
    void reportsACatalogProblemInTheUsersWords() throws InterruptedException {
        var activities = new Activities(background, Runnable::run);
        activities.run("Reading table…", token -> {
            throw new CatalogException(new Problem("Table main.default.nope does not exist.", "Pick one of: all_types."));
        }, record());
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(outcomes).containsExactly("failed Table main.default.nope does not exist.", "always");
    }
}
