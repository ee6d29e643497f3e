package dev.zerobus.console.ui;

import dev.zerobus.console.ingest.IngestException;
import dev.zerobus.console.ingest.IngestionSession;
import dev.zerobus.console.ingest.LoadJob;
import dev.zerobus.console.ingest.LoadProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quitting: File > Quit, Shortcut+Q and the window's close button all come here, so they ask the same question and
 * shut down the same way. A running load is finished, or stopped after flushing (its landed rows are kept as a resume
 * point for the next launch), and every open stream is flushed and closed before the window goes. FX thread only.
 */
public final class QuitModel {
    private static final Logger LOG = LoggerFactory.getLogger(QuitModel.class);

    /** What to do with loads that are still running. */
    public enum Choice {
        FINISH("Finish the load"),
        STOP("Stop after flushing"),
        KEEP_RUNNING("Keep running");

        private final String label;

        Choice(String label) { this.label = label; }
        public String label() { return label; }
    }

    private final AppContext context;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean exited;

    public QuitModel(AppContext context) {
        this.context = context;
    }

    /** What quitting is waiting for ("Quitting once … finishes"), or empty. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** The loads still reading or sending. */
    public List<ActiveIngestion> runningLoads() {
        return context.ingestions().stream().filter(i -> i.job() != null && !i.job().finished().isDone()).toList();
    }

    /** The question for the quit dialog: which loads run and how far they are. */
    public String question() {
        List<ActiveIngestion> running = runningLoads();
        String names = running.stream().map(QuitModel::describe).collect(Collectors.joining("\n"));
        return (running.size() == 1 ? "A load is still running:\n" : running.size() + " loads are still running:\n") + names
                + "\n\nStopping flushes what was sent and keeps the rest for the next launch, which offers to resume it.";
    }

    private static String describe(ActiveIngestion ingestion) {
        LoadJob job = ingestion.job();
        LoadProgress p = job == null ? null : job.progress();
        return p == null ? ingestion.name()
                : String.format(Locale.ROOT, "• %s into %s: %.0f %% read, %,d rows landed", ingestion.name(),
                        ingestion.table().fullName(), p.fraction() * 100, p.acked());
    }

    /**
     * Shuts down for {@code choice} and then runs {@code exit} on the FX thread (once, however often quitting is
     * asked). {@link Choice#KEEP_RUNNING} does nothing.
     */
    public void quit(Choice choice, Runnable exit) {
        if (choice == Choice.KEEP_RUNNING) return;
        List<LoadJob> jobs = runningLoads().stream().map(ActiveIngestion::job).toList();
        if (choice == Choice.STOP) jobs.forEach(LoadJob::cancel);
        status.set(jobs.isEmpty() ? "Quitting: closing the open streams…"
                : choice == Choice.STOP ? "Quitting: flushing what was sent and closing the streams…"
                : "Quitting once the running load finishes (close the window again to stop it instead)…");
        List<ActiveIngestion> all = List.copyOf(context.ingestions());
        CompletableFuture<?>[] loads = jobs.stream().map(j -> j.finished().exceptionally(e -> null)).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(loads)
                .thenRunAsync(() -> closeOpenSessions(all), context.background())
                .whenCompleteAsync((ok, error) -> {
                    if (exited) return;
                    exited = true;
                    exit.run();
                }, context.fx());
    }

    /** Flushes and closes the streams that are not a load's (the composer's); a load closes its own. Background. */
    private static void closeOpenSessions(List<ActiveIngestion> ingestions) {
        List<IngestionSession> open = new ArrayList<>();
        for (ActiveIngestion ingestion : ingestions) {
            for (IngestionSession s : ingestion.sessions()) if (!s.state().isTerminal()) open.add(s);
        }
        for (IngestionSession session : open) {
            try {
                session.close();
            } catch (IngestException e) {
                LOG.warn("A stream on {} did not close cleanly on quit: {}", session.options().table(), e.problem().message());
            }
        }
    }
}
