package dev.zerobus.console.ingest;

import dev.zerobus.console.workspace.ErrorExplainer.Explanation;

/** A session stopped for good: the explanation says why in the user's words and what to do. */
public final class IngestException extends Exception {
    private final Explanation explanation;

    public IngestException(Explanation explanation, Throwable cause) {
        super(explanation.cause() + " " + explanation.fix() + " (" + explanation.detail() + ")", cause);
        this.explanation = explanation;
    }

    public Explanation explanation() {
        return explanation;
    }
}
