package dev.zerobus.console.bench;

import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.sandbox.SandboxOptions;
import dev.zerobus.console.sandbox.SandboxPrincipals;
import dev.zerobus.console.sandbox.SandboxWorkspace;
import dev.zerobus.console.schema.ColumnType;
import dev.zerobus.console.schema.TableColumn;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.PulseProbe;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.ui.records.load.GenerateModel;
import dev.zerobus.console.ui.stream.StreamFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The timing figures behind the responsiveness tests, which assert only behaviour: how soon cancel ends a catalog
 * listing whose page is in flight (CatalogBrowserTest), the FX pulse gaps during a slow catalog call and how soon the
 * Catalog pane's Cancel ends it (CatalogPaneTest), the pulse gaps during a doctor run (ConnectionPaneTest) and during
 * a full-rate generated load with the Stream pane on screen (StreamLoadTest). In-process sandbox, headless (Monocle).
 * Prints {@code name=value} lines. Run through {@code bench/ui-responsiveness [rows]}.
 */
public final class UiResponsivenessBench {
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private UiResponsivenessBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("ui-responsiveness-bench");
        try (SandboxWorkspace sandbox = SandboxWorkspace.start(SandboxOptions.defaults(dir.resolve("sandbox")))) {
            catalogBrowserCancel(sandbox);
            var started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            AppContext context = UiTestSupport.context(sandbox, Files.createDirectories(dir.resolve("config")));
            Scene scene = onFx(() -> UiTestSupport.showMainWindow(new Stage(), context, 1280, 820).getScene());
            catalogPane(sandbox, context, scene);
            doctor(context, scene);
            streamLoad(context, scene, rows);
        }
        Platform.exit();
        System.exit(0);
    }

    /** Cancel while the second page of a listing is in flight (200 ms catalog delay), 10 times. */
    private static void catalogBrowserCancel(SandboxWorkspace sandbox) throws Exception {
        var state = sandbox.context().state();
        state.createSchema("main", "slow", null, SandboxPrincipals.GRANTED);
        for (int i = 0; i < 70; i++) {
            state.createTable("main", "slow", "t%03d".formatted(i), "MANAGED", "DELTA",
                    List.of(new TableColumn("id", ColumnType.of(ColumnType.Kind.LONG), false)), null, SandboxPrincipals.GRANTED, Map.of());
        }
        var e = sandbox.endpoints();
        var profile = AppContext.sandboxProfile(e.workspaceUrl(), e.zerobusEndpoint(), e.clientId(),
                dev.zerobus.console.workspace.Secret.of(e.clientSecret()));
        var browser = new CatalogBrowser(WorkspaceClients.create(profile));
        List<Double> millis = new ArrayList<>();
        try (var caller = Executors.newSingleThreadExecutor()) {
            for (int run = 0; run < 10; run++) {
                var cancellation = new Cancellation();
                var firstPage = new CountDownLatch(50);
                var seen = new AtomicInteger();
                sandbox.faults().catalogDelay(Duration.ZERO);
                var listing = caller.submit(() -> browser.listTables("main", "slow", cancellation, t -> {
                    if (seen.incrementAndGet() == 50) sandbox.faults().catalogDelay(Duration.ofMillis(200));
                    firstPage.countDown();
                }));
                firstPage.await(1, TimeUnit.MINUTES);
                long cancelledAt = System.nanoTime();
                cancellation.cancel();
                try {
                    listing.get(1, TimeUnit.MINUTES);
                    throw new IllegalStateException("the listing was not cancelled");
                } catch (ExecutionException ended) {
                    if (!(ended.getCause() instanceof CancellationException)) throw ended;
                }
                millis.add((System.nanoTime() - cancelledAt) / 1e6);
            }
        } finally {
            sandbox.faults().catalogDelay(Duration.ZERO);
        }
        System.out.printf(Locale.ROOT, "catalog_browser_cancel_ms_p50=%.1f%ncatalog_browser_cancel_ms_max=%.1f%n", percentile(millis, 50),
                percentile(millis, 100));
    }

    /** Refresh with a 2 s catalog delay (pulse gaps), then refresh again and Cancel (time until the pane is idle). */
    private static void catalogPane(SandboxWorkspace sandbox, AppContext context, Scene scene) throws Exception {
        onFx(() -> context.selectedPane().set(PaneId.CATALOG));
        BooleanSupplier busy = () -> scene.lookup("#catalog-cancel").isVisible();
        until(() -> !busy.getAsBoolean());
        sandbox.faults().catalogDelay(Duration.ofSeconds(2));
        try {
            var loading = new PulseProbe();
            onFx(() -> {
                loading.start();
                ((Button) scene.lookup("#catalog-refresh")).fire();
            });
            until(busy);
            until(() -> !busy.getAsBoolean());
            onFx(loading::stop);
            System.out.printf(Locale.ROOT, "catalog_refresh_2s_delay_max_gap_ms=%d%ncatalog_refresh_2s_delay_pulses=%d%n", loading.maxGapMillis(),
                    loading.pulses());

            onFx(() -> ((Button) scene.lookup("#catalog-refresh")).fire());
            until(busy);
            long[] idleAt = new long[1];
            long cancelledAt = onFx(() -> {
                scene.lookup("#catalog-cancel").visibleProperty().addListener((obs, old, now) -> {
                    if (!now && idleAt[0] == 0) idleAt[0] = System.nanoTime();
                });
                long at = System.nanoTime();
                ((Button) scene.lookup("#catalog-cancel")).fire();
                return at;
            });
            until(() -> idleAt[0] != 0);
            System.out.printf(Locale.ROOT, "catalog_pane_cancel_ms=%.1f%n", (idleAt[0] - cancelledAt) / 1e6);
        } finally {
            sandbox.faults().catalogDelay(Duration.ZERO);
        }
    }

    /** The connection doctor's whole run with the sandbox principal. */
    private static void doctor(AppContext context, Scene scene) throws Exception {
        onFx(() -> context.selectedPane().set(PaneId.CONNECTION));
        until(() -> scene.lookup("#connection-pane") != null);
        Node pane = onFx(() -> scene.lookup("#connection-pane"));
        var probe = new PulseProbe();
        long start = onFx(() -> {
            probe.start();
            ((Button) pane.lookup("#check-run")).fire();
            return System.nanoTime();
        });
        until(() -> ((Label) pane.lookup("#check-summary")).getText().startsWith("All "));
        onFx(probe::stop);
        System.out.printf(Locale.ROOT, "doctor_run_ms=%.0f%ndoctor_max_gap_ms=%d%ndoctor_summary=%s%n", (System.nanoTime() - start) / 1e6,
                probe.maxGapMillis(), onFx(() -> ((Label) pane.lookup("#check-summary")).getText()));
    }

    /** A generated load at full rate through the Records pane, with the Stream pane on screen sampling it. */
    private static void streamLoad(AppContext context, Scene scene, int rows) throws Exception {
        var table = context.browser(context.sandboxProfile()).table("main.default.sensor_readings");
        onFx(() -> {
            context.activeTable().set(table);
            context.selectedPane().set(PaneId.STREAM); // built once first: its construction is not what this measures
            context.selectedPane().set(PaneId.RECORDS);
        });
        var probe = new PulseProbe();
        GenerateModel generator = onFx(() -> RecordsPane.modelOf(scene.lookup("#records-pane")).generator());
        long start = onFx(() -> {
            generator.countProperty().set(rows);
            generator.rateProperty().set(0);
            generator.streamsProperty().set(1);
            generator.start();
            context.selectedPane().set(PaneId.STREAM);
            probe.start();
            return System.nanoTime();
        });
        until(() -> generator.run().resultProperty().get() != null);
        onFx(probe::stop);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "stream_load_rows=%d%nstream_load_seconds=%.1f%nstream_load_acked=%d%n", rows, seconds,
                onFx(() -> generator.run().resultProperty().get().acked()));
        System.out.printf(Locale.ROOT, "stream_load_gap_p50_ms=%d%nstream_load_gap_p99_ms=%d%nstream_load_max_gap_ms=%d%nstream_load_pulses=%d%n",
                probe.percentileMillis(0.5), probe.percentileMillis(0.99), probe.maxGapMillis(), probe.pulses());
        System.out.printf(Locale.ROOT, "stream_longest_sample_ms=%d%n", onFx(() -> StreamFigures.longestSampleMillis(scene.lookup("#stream-pane"))));
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void onFx(Runnable task) throws Exception {
        onFx(() -> {
            task.run();
            return null;
        });
    }

    /** Polls a condition on the FX thread every 5 ms (a bench may poll; the figures come from listeners and probes). */
    private static void until(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("not reached within " + PATIENCE);
            Thread.sleep(5);
        }
    }

    private static double percentile(List<Double> values, double p) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }
}
