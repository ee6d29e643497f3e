package dev.zerobus.console.ui.stream;

import dev.zerobus.console.ui.ActiveIngestion;
import dev.zerobus.console.ui.AppContext;
import dev.zerobus.console.ui.PaneId;
import dev.zerobus.console.workspace.ConnectionProfile;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.util.Duration;

/** Builds the Stream pane: its models, its view, the 100 ms sampling timeline and its shortcuts. */
public final class StreamPane {
    /** Counters are sampled, not pushed per ACK: ten reads a second keep the pane live and the FX thread free. */
    static final Duration SAMPLE_EVERY = Duration.millis(100);

    private StreamPane() {}

    /** Builds the pane. Called once, on the FX thread. */
    public static Node create(AppContext context) {
        var model = new StreamModel(context.ingestions(), context.background(), context.fx());
        var verify = new VerifyModel(context::reader, context.background(), context.fx());
        model.selectedProperty().subscribe(verify::select); // Verify's result belongs to the session it read
        var files = new SessionFiles(model, () -> {
            ActiveIngestion selected = model.selectedProperty().get();
            return selected == null ? null : new SessionBundle.Content(selected, profileOf(selected, context), model.stats().get(),
                    EventRow.allOf(selected.sessions()), List.copyOf(verify.rows()));
        }, context.background(), context.fx());
        model.selectedProperty().subscribe(selected -> verify.showMonitoring(selected == null ? null : selected.table().fullName()));
        java.util.function.Consumer<dev.zerobus.console.catalog.ZerobusSystemTables.Query> runMonitoring =
                query -> verify.runMonitoring(query, model.selectedProperty().get(), context.activeProfile().get());
        var view = new StreamView[1];
        Runnable runVerify = () -> {
            verify.verify(model.selectedProperty().get(), context.activeProfile().get(), model.stats().get().recordsAcked());
            if (view[0] != null) view[0].showVerify();
        };
        view[0] = new StreamView(model, verify, files, runVerify, runMonitoring, () -> context.selectedPane().set(PaneId.RECORDS));
        var sampler = new Timeline(new KeyFrame(SAMPLE_EVERY, event -> model.sample()));
        sampler.setCycleCount(Animation.INDEFINITE);
        sampler.play();
        context.shortcuts().add("Shortcut+Shift+F", "Flush the selected stream(s)", model::flush);
        context.shortcuts().add("Shortcut+Shift+V", "Verify: read the table back", runVerify);
        context.shortcuts().add("Shortcut+P", "Pause or resume the selected load", model::togglePause);
        context.shortcuts().add("Shortcut+B", "Save the selected session as a bundle", () -> {
            context.selectedPane().set(PaneId.STREAM);
            view[0].saveBundle();
        });
        context.shortcuts().add("Shortcut+Shift+B", "Open a saved session bundle", () -> {
            context.selectedPane().set(PaneId.STREAM);
            view[0].openBundle();
        });
        return view[0];
    }

    private static ConnectionProfile profileOf(ActiveIngestion ingestion, AppContext context) {
        return ingestion.sessions().isEmpty() ? context.activeProfile().get() : ingestion.sessions().getFirst().options().profile();
    }
}
