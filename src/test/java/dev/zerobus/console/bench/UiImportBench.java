package dev.zerobus.console.bench;

import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.sandbox.SandboxProcess;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.ui.PulseProbe;
import dev.zerobus.console.ui.UiSettings;
import dev.zerobus.console.ui.UiTestSupport;
import dev.zerobus.console.ui.records.RecordsModel;
import dev.zerobus.console.ui.records.RecordsPane;
import dev.zerobus.console.workspace.ProfileStore;
import dev.zerobus.console.workspace.Secret;
import dev.zerobus.console.workspace.SecretStore;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A 1,000,000-row CSV import through the UI path at full rate: the Records pane's import (view model, mapping,
 * LoadJob) with the Stream pane on screen sampling the sessions, against a durable sandbox in its own JVM. Prints
 * the FX thread's largest pulse gap and this JVM's heap peak. Run through {@code bench/ui-import [rows]}.
 */
public final class UiImportBench {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("ui-import-bench");
        Path csv = dir.resolve("readings.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("device_name,temp,humidity,ts\n");
            for (int i = 0; i < rows; i++) {
                w.write("sensor-" + i + "," + (15 + i % 20) + "," + (30 + i % 60) + ",2024-05-01 12:" + String.format(Locale.ROOT,
                        "%02d:%02d", (i / 60) % 60, i % 60) + "\n");
            }
        }
        try (var sandbox = SandboxProcess.start(dir.resolve("sandbox"), "--durability", "durable")) {
            var profile = AppContext.sandboxProfile(sandbox.endpoint("workspaceUrl"), sandbox.endpoint("zerobusEndpoint"),
                    sandbox.endpoint("clientId"), Secret.of(sandbox.endpoint("clientSecret")));
            var table = new CatalogBrowser(WorkspaceClients.create(profile)).table("main.default.sensor_readings");
            var started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();

            var memory = ManagementFactory.getMemoryMXBean();
            AtomicLong heapPeak = new AtomicLong();
            var sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
            sampler.scheduleAtFixedRate(() -> heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, TimeUnit.MILLISECONDS);

            var probe = new PulseProbe();
            var done = new CompletableFuture<String>();
            long[] startNanos = new long[1];
            Platform.runLater(() -> {
                var background = Executors.newCachedThreadPool(Thread.ofPlatform().name("bench-worker-", 0).daemon().factory());
                var profiles = new ProfileStore(dir.resolve("config"), dir.resolve("none.cfg"), Map.of(), new SecretStore.NoKeychain("bench"));
                var context = new AppContext(profiles, new UiSettings(Preferences.userRoot().node("dev/zerobus/console-bench/" + UUID.randomUUID())),
                        background, Platform::runLater);
                context.sandbox().set(profile);
                context.activeProfile().set(profile);
                context.activeTable().set(table);
                var scene = UiTestSupport.showMainWindow(new Stage(), context, 1280, 820).getScene();
                // Build the Stream pane first: its one-off construction is not what this bench measures.
                context.selectedPane().set(PaneId.STREAM);
                context.selectedPane().set(PaneId.RECORDS);
                RecordsModel model = RecordsPane.modelOf(scene.lookup("#records-pane"));
                var importer = model.importer();
                importer.previewProperty().subscribe(preview -> {
                    if (preview == null || startNanos[0] != 0) return;
                    startNanos[0] = System.nanoTime();
                    probe.start();
                    importer.start();
                    context.selectedPane().set(PaneId.STREAM); // the Stream pane samples the running load while it runs
                });
                importer.run().resultProperty().subscribe(result -> {
                    if (result != null) {
                        probe.stop();
                        done.complete(result.toJson());
                    }
                });
                importer.importFile(csv);
            });
            String summary = done.get(30, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - startNanos[0]) / 1e9;
            sampler.shutdownNow();
            System.out.printf(Locale.ROOT, "ui_import_rows=%d seconds=%.1f rows_per_s=%.0f%n", rows, seconds, rows / seconds);
            System.out.println("load_summary=" + summary);
            System.out.printf(Locale.ROOT, "fx_pulse_gap_ms p50=%d p99=%d over_100ms=%d of %d pulses%n", probe.percentileMillis(0.5),
                    probe.percentileMillis(0.99), probe.gapsLongerThan(100), probe.pulses());
            System.out.printf(Locale.ROOT, "fx_max_pulse_gap_ms=%d%n", probe.maxGapMillis());
            System.out.printf(Locale.ROOT, "heap_peak_mb=%.0f (max heap %.0f MB)%n", heapPeak.get() / 1e6,
                    memory.getHeapMemoryUsage().getMax() / 1e6);
            sandbox.terminate();
        }
        Platform.exit();
        System.exit(0);
    }
}
