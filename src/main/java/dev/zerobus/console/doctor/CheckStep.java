package dev.zerobus.console.doctor;

/** The steps of a connection check, in the order they run. */
public enum CheckStep {
    ENDPOINTS("Check the endpoint and workspace URL", Identity.BOTH),
    NETWORK("Resolve and connect to the workspace and the Zerobus endpoint", Identity.BOTH),
    YOU("Sign in as you", Identity.YOU),
    TOKEN("Get an OAuth token with the Zerobus authorization details", Identity.INGEST),
    TABLE("Read the table from Unity Catalog", Identity.INGEST),
    GRANTS("Check the principal's grants on the table", Identity.INGEST),
    STREAM("Open and close a stream without records", Identity.INGEST);

    /** Whose sign-in a step checks: "You" (browsing, set-up), the "Ingest as" service principal, or neither in particular. */
    public enum Identity { BOTH, YOU, INGEST }

    private final String label;
    private final Identity identity;

    CheckStep(String label, Identity identity) {
        this.label = label;
        this.identity = identity;
    }

    public String label() {
        return label;
    }

    public Identity identity() {
        return identity;
    }
}
