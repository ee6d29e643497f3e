package dev.zerobus.console.workspace;

/** Where a workspace runs. LOCAL is a loopback endpoint such as the sandbox. */
public enum Cloud {
    AWS, AZURE, GCP, LOCAL;

    /** The Zerobus endpoint's shape on this cloud, for messages and hints. */
    public String endpointShape() {
        return switch (this) {
            case AWS -> "<workspace-id>.zerobus.<region>.cloud.databricks.com";
            case AZURE -> "<workspace-id>.zerobus.<region>.azuredatabricks.net";
            case GCP -> "<workspace-id>.zerobus.<region>.gcp.databricks.com";
            case LOCAL -> "http://127.0.0.1:<port>";
        };
    }

    /** The cloud's name for people: "AWS", "Azure", "Google Cloud", "local". */
    public String label() {
        return switch (this) {
            case AWS -> "AWS";
            case AZURE -> "Azure";
            case GCP -> "Google Cloud";
            case LOCAL -> "local";
        };
    }

    /** The Zerobus endpoint's domain on this cloud ("cloud.databricks.com"); empty for LOCAL. */
    public String domain() {
        return switch (this) {
            case AWS -> "cloud.databricks.com";
            case AZURE -> "azuredatabricks.net";
            case GCP -> "gcp.databricks.com";
            case LOCAL -> "";
        };
    }
}
