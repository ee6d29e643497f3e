package dev.zerobus.console.workspace;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a Zerobus endpoint says about itself, and every problem found when checking it against the workspace URL.
 * {@code workspaceId} and {@code region} are null for loopback endpoints.
 */
public record EndpointInfo(String endpoint, @Nullable Cloud cloud, @Nullable String region, @Nullable String workspaceId,
                           String host, int port, boolean tls, List<Problem> problems) {
    public EndpointInfo {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** One line for the UI: "AWS us-west-2, workspace 1234567890123456" or "Local (sandbox) 127.0.0.1:50051". */
    public String summary() {
        if (cloud == null) return "Unrecognised endpoint";
        return switch (cloud) {
            case LOCAL -> "Local endpoint " + host + ":" + port + (tls ? " (TLS)" : " (plaintext)");
            case AWS -> "AWS " + region + ", workspace " + workspaceId;
            case AZURE -> "Azure " + region + ", workspace " + workspaceId;
            case GCP -> "Google Cloud " + region + ", workspace " + workspaceId;
        };
    }
}
