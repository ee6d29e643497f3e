package dev.zerobus.console.doctor;

/** The steps of a connection check, in the order they run. */
public enum CheckStep {
    ENDPOINTS("Check the endpoint and workspace URL"),
    NETWORK("Resolve and connect to the workspace and the Zerobus endpoint"),
    TOKEN("Get an OAuth token with the Zerobus authorization details"),
    TABLE("Read the table from Unity Catalog"),
    GRANTS("Check the principal's grants on the table"),
    STREAM("Open and close a stream without records");

    private final String label;

    CheckStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
