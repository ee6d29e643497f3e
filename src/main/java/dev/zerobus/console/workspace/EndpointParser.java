package dev.zerobus.console.workspace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Zerobus endpoint ({@code <workspace-id>.zerobus.<region>.cloud.databricks.com} on AWS,
 * {@code <workspace-id>.zerobus.<region>.azuredatabricks.net} on Azure,
 * {@code <workspace-id>.zerobus.<region>.gcp.databricks.com} on Google Cloud with workspace URLs such as
 * {@code https://1234567890123456.0.gcp.databricks.com} (https://docs.databricks.com/gcp/en/ingestion/zerobus-ingest),
 * or {@code http://127.0.0.1:PORT} for a local sandbox) and checks it against the workspace URL: cloud, region, workspace id and scheme. Every problem
 * says exactly what is wrong and what to write instead. Stateless and thread-safe.
 */
public final class EndpointParser {
    /** AWS regions Zerobus serves (Databricks documentation). */
    public static final Set<String> AWS_REGIONS = Set.of("us-east-1", "us-east-2", "us-west-2", "ca-central-1",
            "eu-central-1", "eu-west-1", "eu-west-2", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1",
            "ap-northeast-2", "ap-south-1", "sa-east-1");
    private static final Pattern AWS = Pattern.compile("([^.]+)\\.zerobus\\.([a-z0-9-]+)\\.cloud\\.databricks\\.com");
    private static final Pattern AZURE = Pattern.compile("([^.]+)\\.zerobus\\.([a-z0-9-]+)\\.azuredatabricks\\.net");
    private static final Pattern GCP = Pattern.compile("([^.]+)\\.zerobus\\.([a-z0-9-]+)\\.gcp\\.databricks\\.com");
    /** A GCP workspace URL's host starts with the workspace id: {@code 1234567890123456.0.gcp.databricks.com}. */
    private static final Pattern GCP_WORKSPACE_URL = Pattern.compile("(\\d+)\\.\\d+\\.gcp\\.databricks\\.com");
    /**
     * Google Cloud region names (us-central1, europe-west3). The Zerobus pages list no GCP regions we could read, so
     * only the shape is checked (the stricter check would refuse regions Databricks may serve).
     */
    private static final Pattern GCP_REGION_SHAPE = Pattern.compile("[a-z]+-[a-z]+\\d+");
    private static final Pattern WORKSPACE_ID = Pattern.compile("\\d{6,20}");
    private static final Pattern AZURE_WORKSPACE_URL = Pattern.compile("adb-(\\d+)\\.\\d+\\.azuredatabricks\\.net");
    private static final Pattern ORG_ID = Pattern.compile("(?:^|&)o=(\\d+)");
    private static final Pattern AWS_REGION_SHAPE = Pattern.compile("[a-z]{2}-[a-z]+-\\d");

    private EndpointParser() {}

    public static EndpointInfo parse(String endpoint, @Nullable String workspaceUrl) {
        List<Problem> problems = new ArrayList<>();
        String raw = endpoint == null ? "" : endpoint.strip();
        if (raw.isEmpty()) {
            problems.add(new Problem("The Zerobus endpoint is empty.",
                    "Enter <workspace-id>.zerobus.<region>.cloud.databricks.com (AWS), "
                            + "<workspace-id>.zerobus.<region>.azuredatabricks.net (Azure) or "
                            + "<workspace-id>.zerobus.<region>.gcp.databricks.com (Google Cloud)."));
            return new EndpointInfo(raw, null, null, null, "", 0, true, problems);
        }
        URI uri;
        try {
            uri = new URI(raw.contains("://") ? raw : "https://" + raw);
        } catch (URISyntaxException e) {
            problems.add(new Problem("The Zerobus endpoint '" + raw + "' is not a valid host name: " + e.getReason() + ".",
                    "Enter only the host, e.g. 1234567890123456.zerobus.us-west-2.cloud.databricks.com."));
            return new EndpointInfo(raw, null, null, null, "", 0, true, problems);
        }
        String scheme = raw.contains("://") ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean tls = !scheme.equals("http");
        int port = uri.getPort() > 0 ? uri.getPort() : 443;
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
            problems.add(new Problem("The Zerobus endpoint uses the scheme '" + scheme + "://', which gRPC clients do not take.",
                    "Drop the scheme (TLS is used by default) or use https://."));
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            problems.add(new Problem("The Zerobus endpoint has a path ('" + uri.getPath() + "'); it must be a host only.",
                    "Remove '" + uri.getPath() + "'."));
        }
        if (isLoopback(host)) {
            if (uri.getPort() <= 0) {
                problems.add(new Problem("The local endpoint '" + raw + "' has no port.",
                        "Add the port the sandbox prints (its zerobusEndpoint), e.g. http://" + host + ":50051.")
                        .withCopyableFix("http://" + host + ":<port>"));
            } else if (!scheme.equals("http") && workspaceUrl != null && isPlainLoopback(workspaceUrl.strip())) {
                // A bare host:port means TLS to the SDKs; the sandbox on this machine (http:// workspace URL) has no TLS.
                problems.add(new Problem("The endpoint '" + raw + "' would be reached over TLS, but the workspace URL is plain "
                        + "http:// on this machine (the local sandbox), which serves Zerobus without TLS.",
                        "Write http://" + host + ":" + uri.getPort() + ".").withCopyableFix("http://" + host + ":" + uri.getPort()));
            }
            return new EndpointInfo(raw, Cloud.LOCAL, null, null, host, uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80), tls,
                    problems);
        }
        if (!tls) {
            problems.add(new Problem("The endpoint uses http:// to '" + host + "', which is not a loopback address: records and "
                    + "tokens would cross the network unencrypted, and Databricks serves Zerobus over TLS only.",
                    "Write the endpoint without a scheme (or with https://)."));
        }
        Cloud cloud = null;
        String region = null;
        String workspaceId = null;
        Matcher m;
        if ((m = AWS.matcher(host)).matches()) {
            cloud = Cloud.AWS;
        } else if ((m = AZURE.matcher(host)).matches()) {
            cloud = Cloud.AZURE;
        } else if ((m = GCP.matcher(host)).matches()) {
            cloud = Cloud.GCP;
        }
        if (cloud != null) {
            workspaceId = m.group(1);
            region = m.group(2);
            Problem wrongRegion = regionProblem(cloud, region);
            if (wrongRegion != null) problems.add(wrongRegion);
        } else if (List.of(host.split("\\.", -1)).contains("zerobus")) {
            shapeProblems(host, workspaceUrl, problems);
        } else {
            problems.add(new Problem("'" + host + "' is not a Zerobus endpoint (is it the workspace URL?).",
                    "The Zerobus endpoint is <workspace-id>.zerobus.<region>.cloud.databricks.com (AWS), "
                            + "<workspace-id>.zerobus.<region>.azuredatabricks.net (Azure) or "
                            + "<workspace-id>.zerobus.<region>.gcp.databricks.com (Google Cloud); the workspace id is the number "
                            + "after ?o= in your workspace's URL."));
        }
        if (workspaceId != null && !WORKSPACE_ID.matcher(workspaceId).matches()) problems.add(notAWorkspaceId(workspaceId));
        if (cloud != null && workspaceUrl != null && !workspaceUrl.isBlank()) {
            checkAgainstWorkspace(cloud, workspaceId, workspaceUrl.strip(), problems);
        }
        return new EndpointInfo(raw, cloud, region, workspaceId, host, port, tls, problems);
    }

    /**
     * Names each part of a host with a {@code zerobus} label that is wrong: the workspace id before it, the region and
     * the cloud's domain after it.
     */
    private static void shapeProblems(String host, @Nullable String workspaceUrl, List<Problem> problems) {
        List<String> labels = List.of(host.split("\\.", -1));
        int z = labels.indexOf("zerobus");
        String id = String.join(".", labels.subList(0, z));
        String after = String.join(".", labels.subList(z + 1, labels.size()));
        if (id.isEmpty()) {
            String known = workspaceUrl == null ? null : workspaceIdOfUrl(workspaceUrl.strip());
            Problem missing = new Problem("The workspace id is missing: the endpoint starts with 'zerobus.'.",
                    "Put the workspace id in front, " + (known != null ? known + " for this workspace URL"
                            : "the number after ?o= in your workspace's URL") + ": <workspace-id>.zerobus.<region>.<cloud domain>.");
            problems.add(known != null ? missing.withCopyableFix(known + "." + host) : missing);
        } else if (!WORKSPACE_ID.matcher(id).matches()) {
            problems.add(notAWorkspaceId(id));
        }
        if (after.isEmpty()) {
            problems.add(new Problem("The region and the cloud's domain are missing after 'zerobus.'.",
                    "Continue with <region>.cloud.databricks.com (AWS), <region>.azuredatabricks.net (Azure) or "
                            + "<region>.gcp.databricks.com (Google Cloud), e.g. zerobus.us-west-2.cloud.databricks.com."));
            return;
        }
        for (Cloud cloud : List.of(Cloud.AWS, Cloud.AZURE, Cloud.GCP)) {
            if (after.equals(cloud.domain())) {
                problems.add(new Problem("The region is missing between 'zerobus.' and '." + cloud.domain() + "'.",
                        "Put your workspace's " + cloud.label() + " region there, e.g. " + exampleRegion(cloud) + ": "
                                + cloud.endpointShape() + "."));
                return;
            }
            if (after.endsWith("." + cloud.domain())) {
                Problem wrongRegion = regionProblem(cloud, after.substring(0, after.length() - cloud.domain().length() - 1));
                if (wrongRegion != null) problems.add(wrongRegion);
                return;
            }
        }
        String domain = after.contains(".") ? after.substring(after.indexOf('.') + 1) : after;
        problems.add(new Problem("'" + domain + "' is not a Databricks cloud domain.",
                "End the endpoint with <region>.cloud.databricks.com (AWS), <region>.azuredatabricks.net (Azure) or "
                        + "<region>.gcp.databricks.com (Google Cloud)."));
    }

    private static Problem notAWorkspaceId(String id) {
        return new Problem("'" + id + "' is not a workspace id: workspace ids are numbers like 1234567890123456.",
                "Use the number after ?o= in your workspace's URL (or in the account console).");
    }

    /** What is wrong with {@code region} on {@code cloud}, or null when it is a region there. */
    private static @Nullable Problem regionProblem(Cloud cloud, String region) {
        return switch (cloud) {
            case AWS -> AWS_REGIONS.contains(region) ? null : new Problem(AWS_REGION_SHAPE.matcher(region).matches()
                    ? "Zerobus is not available in the AWS region '" + region + "'."
                    : "'" + region + "' is not an AWS region.",
                    "Use the region of your workspace; Zerobus serves " + String.join(", ", AWS_REGIONS.stream().sorted().toList())
                            + ". Check the region in the workspace's URL or account console.");
            case AZURE -> region.matches("[a-z]+[0-9]?") ? null : new Problem("'" + region + "' is not an Azure region name.",
                    "Use the Azure region of your workspace in lower case without spaces, e.g. westeurope or eastus2.");
            case GCP -> GCP_REGION_SHAPE.matcher(region).matches() ? null : new Problem("'" + region + "' is not a Google Cloud region name.",
                    "Use the Google Cloud region of your workspace in lower case, e.g. us-central1 or europe-west3.");
            case LOCAL -> null;
        };
    }

    private static String exampleRegion(Cloud cloud) {
        return switch (cloud) {
            case AWS -> "us-west-2";
            case AZURE -> "westeurope";
            case GCP -> "us-central1";
            case LOCAL -> "";
        };
    }

    /** The workspace id a workspace URL shows (adb-<id>.N.azuredatabricks.net, <id>.N.gcp.databricks.com, ?o=<id>), or null. */
    private static @Nullable String workspaceIdOfUrl(String workspaceUrl) {
        URI uri;
        try {
            uri = new URI(workspaceUrl.contains("://") ? workspaceUrl : "https://" + workspaceUrl);
        } catch (URISyntaxException e) {
            return null;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String id = null;
        Matcher azure = AZURE_WORKSPACE_URL.matcher(host);
        if (azure.matches()) id = azure.group(1);
        Matcher gcp = GCP_WORKSPACE_URL.matcher(host);
        if (gcp.matches()) id = gcp.group(1);
        Matcher org = ORG_ID.matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        if (org.find()) id = org.group(1);
        return id;
    }

    private static boolean isPlainLoopback(String url) {
        return url.regionMatches(true, 0, "http://", 0, 7) && hasLoopbackHost(url);
    }

    /** True when the URL (scheme optional, https assumed) names a loopback host: this machine, e.g. the local sandbox. */
    public static boolean hasLoopbackHost(String url) {
        try {
            String host = new URI(url.contains("://") ? url : "https://" + url).getHost();
            return host != null && isLoopback(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * What an endpoint should look like, for a hint while it is typed: the shapes it can still become (one cloud's once
     * the typed domain says which), else every shape, the local sandbox's included.
     */
    public static String expectedShape(String typed) {
        List<String> shapes = expectedShapes(typed);
        return shapes.size() == 1 ? shapes.getFirst()
                : String.join(", ", shapes.subList(0, shapes.size() - 1)) + " or " + shapes.getLast();
    }

    /** {@link #expectedShape} as a list, one shape each ("... (AWS)"), for a hint that shows one per line. */
    public static List<String> expectedShapes(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        String host = text.contains("://") ? text.substring(text.indexOf("://") + 3) : text;
        List<String> labels = List.of(host.split("\\.", -1));
        int z = labels.indexOf("zerobus");
        if (z >= 0 && z < labels.size() - 1) {
            String after = String.join(".", labels.subList(z + 1, labels.size()));
            List<String> fits = new ArrayList<>();
            for (Cloud cloud : List.of(Cloud.AWS, Cloud.AZURE, Cloud.GCP)) {
                String d = cloud.domain();
                boolean fit = d.startsWith(after) || after.endsWith("." + d) || after.equals(d);
                for (int i = after.indexOf('.'); !fit && i >= 0; i = after.indexOf('.', i + 1)) fit = d.startsWith(after.substring(i + 1));
                if (fit) fits.add(cloud.endpointShape() + " (" + cloud.label() + ")");
            }
            if (!fits.isEmpty()) return fits;
        }
        return List.of(Cloud.AWS.endpointShape() + " (AWS)", Cloud.AZURE.endpointShape() + " (Azure)",
                Cloud.GCP.endpointShape() + " (Google Cloud)", "http://localhost:<port> or http://127.0.0.1:<port> (the local sandbox)");
    }

    private static void checkAgainstWorkspace(Cloud cloud, String workspaceId, String workspaceUrl, List<Problem> problems) {
        URI uri;
        try {
            uri = new URI(workspaceUrl.contains("://") ? workspaceUrl : "https://" + workspaceUrl);
        } catch (URISyntaxException e) {
            problems.add(new Problem("The workspace URL '" + workspaceUrl + "' is not a valid URL.",
                    "Copy the URL from your browser's address bar while in the workspace, e.g. https://dbc-1234abcd-5678.cloud.databricks.com."));
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Cloud urlCloud = cloudOfWorkspaceHost(host);
        if (urlCloud != null && urlCloud != cloud) {
            problems.add(new Problem("The endpoint is on " + cloud + " but the workspace URL '" + host + "' is on " + urlCloud + ".",
                    "Use the Zerobus endpoint of the same workspace: " + urlCloud.endpointShape() + "."));
            return;
        }
        String urlWorkspaceId = workspaceIdOfUrl(workspaceUrl);
        if (urlWorkspaceId != null && workspaceId != null && !urlWorkspaceId.equals(workspaceId)) {
            problems.add(new Problem("The endpoint's workspace id " + workspaceId + " differs from the workspace URL's id "
                    + urlWorkspaceId + ": the endpoint belongs to another workspace.",
                    "Use the endpoint " + urlWorkspaceId + ".zerobus.<region>." + cloud.domain()
                            + ", or the workspace URL of workspace " + workspaceId + ".")
                    .withCopyableFix(urlWorkspaceId + ".zerobus.<region>." + cloud.domain()));
        }
    }

    /** The cloud a workspace URL's host is on, or null when the host says nothing (a custom or private link name). */
    public static @Nullable Cloud cloudOfWorkspaceHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".azuredatabricks.net")) return Cloud.AZURE;
        if (h.endsWith(".gcp.databricks.com")) return Cloud.GCP;
        if (h.endsWith(".cloud.databricks.com")) return Cloud.AWS;
        return isLoopback(h) ? Cloud.LOCAL : null;
    }

    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
