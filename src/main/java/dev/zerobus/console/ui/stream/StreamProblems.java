package dev.zerobus.console.ui.stream;

import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.ingest.IngestException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pane's wording for failed commands: the service layer's cause and fix, never a raw exception message. */
final class StreamProblems {
    private static final Logger LOG = LoggerFactory.getLogger(StreamProblems.class);

    private StreamProblems() {}

    static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) e = e.getCause();
        if (e instanceof IngestException ie) return ie.problem().message() + " " + ie.problem().fix();
        if (e instanceof CatalogException ce) {
            String grant = ce.problem().copyableFix();
            return ce.problem().message() + " " + ce.problem().fix() + (grant == null ? "" : " " + grant);
        }
        if (e instanceof SessionBundle.NotABundleException) return e.getMessage() + " Open a .zip written by Save session….";
        LOG.warn("Stream pane command failed", e);
        if (e instanceof IOException) {
            return "Could not read or write the file. Check that the folder exists and is writable, then try again.";
        }
        return "The command stopped unexpectedly. Try again; if it repeats, attach the log file to a bug report.";
    }
}
