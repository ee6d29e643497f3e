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
            workspaceId = m.group(1);
            region = m.group(2);
            if (!AWS_REGIONS.contains(region)) {
                problems.add(new Problem(AWS_REGION_SHAPE.matcher(region).matches()
                        ? "Zerobus is not available in the AWS region '" + region + "'."
                        : "'" + region + "' is not an AWS region.",
                        "Use the region of your workspace; Zerobus serves " + String.join(", ", AWS_REGIONS.stream().sorted().toList())
                                + ". Check the region in the workspace's URL or account console."));
            }
        } else if ((m = AZURE.matcher(host)).matches()) {
            cloud = Cloud.AZURE;
            workspaceId = m.group(1);
            region = m.group(2);
            if (!region.matches("[a-z]+[0-9]?")) {
                problems.add(new Problem("'" + region + "' is not an Azure region name.",
                        "Use the Azure region of your workspace in lower case without spaces, e.g. westeurope or eastus2."));
            }
        } else if ((m = GCP.matcher(host)).matches()) {
            cloud = Cloud.GCP;
            workspaceId = m.group(1);
            region = m.group(2);
            if (!GCP_REGION_SHAPE.matcher(region).matches()) {
                problems.add(new Problem("'" + region + "' is not a Google Cloud region name.",
                        "Use the Google Cloud region of your workspace in lower case, e.g. us-central1 or europe-west3."));
            }
        } else if (host.contains("zerobus")) {
            problems.add(new Problem("The host '" + host + "' does not have the shape of a Zerobus endpoint.",
                    "Write <workspace-id>.zerobus.<region>.cloud.databricks.com (AWS), "
                            + "<workspace-id>.zerobus.<region>.azuredatabricks.net (Azure) or "
                            + "<workspace-id>.zerobus.<region>.gcp.databricks.com (Google Cloud)."));
        } else {
            problems.add(new Problem("'" + host + "' is not a Zerobus endpoint (is it the workspace URL?).",
                    "The Zerobus endpoint is <workspace-id>.zerobus.<region>.cloud.databricks.com (AWS), "
                            + "<workspace-id>.zerobus.<region>.azuredatabricks.net (Azure) or "
                            + "<workspace-id>.zerobus.<region>.gcp.databricks.com (Google Cloud); the workspace id is the number "
                            + "after ?o= in your workspace's URL."));
        }
        if (workspaceId != null && !WORKSPACE_ID.matcher(workspaceId).matches()) {
            problems.add(new Problem("'" + workspaceId + "' is not a workspace id: workspace ids are numbers like 1234567890123456.",
                    "Use the number after ?o= in your workspace's URL (or in the account console)."));
        }
        if (cloud != null && workspaceUrl != null && !workspaceUrl.isBlank()) {
            checkAgainstWorkspace(cloud, workspaceId, workspaceUrl.strip(), problems);
        }
        return new EndpointInfo(raw, cloud, region, workspaceId, host, port, tls, problems);
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
        String urlWorkspaceId = null;
        Matcher azure = AZURE_WORKSPACE_URL.matcher(host);
        if (azure.matches()) urlWorkspaceId = azure.group(1);
        Matcher gcp = GCP_WORKSPACE_URL.matcher(host);
        if (gcp.matches()) urlWorkspaceId = gcp.group(1);
        Matcher org = ORG_ID.matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        if (org.find()) urlWorkspaceId = org.group(1);
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
