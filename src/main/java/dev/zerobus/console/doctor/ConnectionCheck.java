package dev.zerobus.console.doctor;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.oauth.AuthParameterPosition;
import com.databricks.sdk.core.oauth.ClientCredentials;
import com.databricks.zerobus.StreamConfigurationOptions;
import com.databricks.zerobus.ZerobusJsonStream;
import com.databricks.zerobus.ZerobusSdk;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.zerobus.console.catalog.Cancellation;
import dev.zerobus.console.catalog.CatalogBrowser;
import dev.zerobus.console.catalog.CatalogException;
import dev.zerobus.console.catalog.HeldPrivilege;
import dev.zerobus.console.catalog.TableDetails;
import dev.zerobus.console.catalog.WorkspaceClients;
import dev.zerobus.console.doctor.StepResult.Status;
import dev.zerobus.console.workspace.ConnectionProfile;
import dev.zerobus.console.workspace.EndpointInfo;
import dev.zerobus.console.workspace.EndpointParser;
import dev.zerobus.console.workspace.ErrorExplainer;
import dev.zerobus.console.workspace.GrantStatements;
import dev.zerobus.console.workspace.Problem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection doctor: checks, in order, the endpoint, the network path, an OAuth token with the Zerobus
 * authorization details, the table in Unity Catalog, the principal's grants on the table itself, and a stream
 * open/close. Each step reports its status and time, and on failure the cause and the fix (with the exact GRANT or
 * config line to copy). Steps after a failure are skipped. Blocking: run it off the UI thread. One check at a time
 * per instance; {@link Cancellation} stops it between steps.
 */
public final class ConnectionCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheck.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionProfile profile;
    private final String table;

    public ConnectionCheck(ConnectionProfile profile, String table) {
        this.profile = profile;
        this.table = table.strip();
    }

    public CheckReport run() {
        return run(step -> {}, new Cancellation());
    }

    /** Runs every step; {@code listener} sees each step go RUNNING and then its outcome. */
    public CheckReport run(Consumer<StepResult> listener, Cancellation cancellation) {
        Map<CheckStep, StepResult> results = new EnumMap<>(CheckStep.class);
        for (CheckStep step : CheckStep.values()) results.put(step, StepResult.pending(step));
        boolean failed = false;
        for (CheckStep step : CheckStep.values()) {
            StepResult result;
            if (cancellation.isCancelled()) {
                result = new StepResult(step, Status.CANCELLED, Duration.ZERO, "The check was cancelled.", null);
            } else if (failed) {
                result = new StepResult(step, Status.SKIPPED, Duration.ZERO, "Skipped after a failed step.", null);
            } else {
                listener.accept(StepResult.running(step));
                long start = System.nanoTime();
                Outcome outcome;
                try {
                    outcome = runStep(step);
                } catch (RuntimeException e) {
                    LOG.debug("Connection check step {} failed unexpectedly", step, e);
                    outcome = Outcome.fail(ErrorExplainer.explain(e));
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                result = new StepResult(step, outcome.problem == null ? Status.PASSED : Status.FAILED, elapsed,
                        redact(outcome.detail), outcome.problem == null ? null : redact(whose(step, outcome.problem)));
                failed = outcome.problem != null;
            }
            results.put(step, result);
            listener.accept(result);
        }
        return new CheckReport(profile, table, List.copyOf(results.values()));
    }

    private record Outcome(String detail, Problem problem) {
        static Outcome pass(String detail) { return new Outcome(detail, null); }
        static Outcome fail(Problem problem) { return new Outcome("", problem); }
    }

    private Outcome runStep(CheckStep step) {
        return switch (step) {
            case ENDPOINTS -> checkEndpoints();
            case NETWORK -> checkNetwork();
            case YOU -> checkYou();
            case TOKEN -> checkToken();
            case TABLE -> checkTable();
            case GRANTS -> checkGrants();
            case STREAM -> checkStream();
        };
    }

    /** Says which identity failed: "As you (Personal access token): ..." or "As the ingest principal 'id': ...". */
    private Problem whose(CheckStep step, Problem p) {
        String who = switch (step.identity()) {
            case YOU -> "As you (" + profile.you().describe() + "): ";
            case INGEST -> profile.clientId().isBlank() || p.message().contains(profile.clientId()) ? ""
                    : "As the ingest service principal '" + profile.clientId() + "': ";
            case BOTH -> "";
        };
        return p.withText(who + p.message(), p.fix(), p.copyableFix());
    }

    /** "You": sign in with the profile's own auth type and ask SCIM who that is. */
    private Outcome checkYou() {
        if (profile.you().isServicePrincipal()) {
            return Outcome.pass("You are the ingest service principal " + profile.clientId() + " (one identity for both); see the next steps.");
        }
        try {
            WorkspaceClient you = WorkspaceClients.asYou(profile);
            String name = new CatalogBrowser(you).currentPrincipal();
            return Outcome.pass("Signed in as " + name + " (" + profile.you().describe() + ")");
        } catch (CatalogException e) {
            return Outcome.fail(e.problem());
        }
    }

    private Outcome checkEndpoints() {
        if (!table.matches("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+\\.[A-Za-z0-9_]+")) {
            return Outcome.fail(new Problem("'" + table + "' is not a table name Zerobus accepts.",
                    "Use catalog.schema.table with ASCII letters, digits and underscores, e.g. main.default.sensor_readings."));
        }
        if (profile.workspaceUrl().isBlank()) {
            return Outcome.fail(new Problem("The workspace URL is empty.",
                    "Enter the URL you see in the browser when in the workspace, e.g. https://dbc-1234abcd-5678.cloud.databricks.com.")
                    .withCopyableFix("host = https://<workspace>.cloud.databricks.com"));
        }
        EndpointInfo info = EndpointParser.parse(profile.zerobusEndpoint(), profile.workspaceUrl());
        if (!info.isValid()) {
            // Fails here, on the endpoint itself, rather than later on DNS or a refused connection.
            List<Problem> problems = info.problems();
            String which = profile.zerobusEndpoint().isBlank() ? "" : "Zerobus endpoint '" + profile.zerobusEndpoint() + "': ";
            String copyable = problems.stream().map(Problem::copyableFix).filter(Objects::nonNull).findFirst().orElse(null);
            return Outcome.fail(new Problem(which + String.join(" ", problems.stream().map(Problem::message).toList()),
                    String.join(" ", problems.stream().map(Problem::fix).toList()) + (info.cloud() != null ? ""
                            : " Expected: " + EndpointParser.expectedShape(profile.zerobusEndpoint()) + "."), copyable, null));
        }
        var address = profile.addressProblem(); // plain http:// to a non-loopback workspace URL
        if (address.isPresent()) return Outcome.fail(address.get());
        return Outcome.pass(info.summary());
    }

    private Outcome checkNetwork() {
        List<String> reached = new ArrayList<>();
        for (String target : List.of(profile.workspaceUrl(), profile.sdkEndpointUrl())) {
            URI uri = URI.create(target);
            String host = uri.getHost();
            int port = uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
            String which = target.equals(profile.workspaceUrl()) ? "workspace" : "Zerobus endpoint";
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                return Outcome.fail(new Problem("The " + which + " host '" + host + "' does not resolve (DNS).",
                        "Check its spelling" + (which.equals("workspace") ? "" : " (workspace id and region)")
                                + ", and that your VPN or DNS can see Databricks hosts.", null, e));
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
            } catch (SocketTimeoutException e) {
                return Outcome.fail(new Problem("No answer from the " + which + " at " + host + ":" + port + " within "
                        + CONNECT_TIMEOUT.toSeconds() + " s.", "A firewall or proxy is probably dropping the traffic: allow "
                        + "outbound connections to " + host + ":" + port + ".", null, e));
            } catch (IOException e) {
                return Outcome.fail(new Problem("The " + which + " at " + host + ":" + port + " refused the connection.",
                        EndpointParser.isLoopback(host)
                                ? "Nothing listens there: start the sandbox (`zerobus-console sandbox`) and use the endpoints it prints."
                                : "Check the port, and that nothing between you and " + host + " blocks it.", null, e));
            }
            reached.add(which + " " + host + ":" + port + " (" + address.getHostAddress() + ")");
        }
        return Outcome.pass("Reached " + String.join(" and ", reached));
    }

    /** The token request the Zerobus SDK makes, through databricks-sdk-java's client-credentials token source. */
    private Outcome checkToken() {
        // Checked here, not with the endpoints, so that a profile with only "You" still gets its sign-in checked first.
        if (profile.clientId().isBlank() || !profile.hasSecret()) {
            return Outcome.fail(new Problem("The ingest service principal's client id or secret is missing.",
                    "Enter the service principal's client id (application id) and an OAuth secret of it, set "
                            + "DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET, or run set-up (`zerobus-console setup --table "
                            + table + "`) to create one as you."));
        }
        String[] parts = table.split("\\.");
        ArrayNode details = JsonNodeFactory.instance.arrayNode();
        details.addObject().put("type", "unity_catalog_privileges").put("object_type", "CATALOG").put("object_full_path", parts[0])
                .putArray("privileges").add("USE CATALOG");
        details.addObject().put("type", "unity_catalog_privileges").put("object_type", "SCHEMA")
                .put("object_full_path", parts[0] + "." + parts[1]).putArray("privileges").add("USE SCHEMA");
        details.addObject().put("type", "unity_catalog_privileges").put("object_type", "TABLE").put("object_full_path", table)
                .putArray("privileges").add("SELECT").add("MODIFY");
        String workspaceLabel = URI.create(profile.sdkEndpointUrl()).getHost().split("\\.")[0];
        var source = new ClientCredentials.Builder()
                .withHttpClient(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build())
                .withClientId(profile.clientId())
                .withClientSecret(profile.clientSecret().reveal())
                .withTokenUrl(profile.sdkWorkspaceUrl() + "/oidc/v1/token")
                .withScopes(List.of("all-apis"))
                .withAuthParameterPosition(AuthParameterPosition.HEADER)
                .withEndpointParametersSupplier(() -> Map.of(
                        "resource", "api://databricks/workspaces/" + workspaceLabel + "/zerobusDirectWriteApi",
                        "authorization_details", details.toString()))
                .build();
        try {
            var token = source.getToken();
            return Outcome.pass("Token issued, valid until " + token.getExpiry().truncatedTo(ChronoUnit.SECONDS));
        } catch (RuntimeException e) {
            var why = ErrorExplainer.explain(e);
            String fix = why.category() == ErrorExplainer.Category.AUTHENTICATION
                    ? why.fix() + " The client id used was '" + profile.clientId() + "'."
                    : why.fix();
            return Outcome.fail(why.withText(why.message(), fix, null));
        }
    }

    private Outcome checkTable() {
        TableDetails details;
        try {
            details = browser().table(table);
        } catch (CatalogException e) {
            return Outcome.fail(e.problem());
        }
        if (!details.isZerobusWritable()) {
            return Outcome.fail(new Problem("Table " + table + " cannot take Zerobus streams: " + details.notWritableReason(),
                    "Ingest into a managed Delta table (CREATE TABLE without LOCATION)."));
        }
        return Outcome.pass(details.tableType() + " " + details.dataSourceFormat() + " table with "
                + details.schema().columns().size() + " columns");
    }

    private Outcome checkGrants() {
        List<HeldPrivilege> held;
        try {
            held = browser().effectivePrivileges(table, profile.clientId());
        } catch (CatalogException e) {
            return Outcome.fail(e.problem());
        }
        String[] parts = table.split("\\.");
        String schema = parts[0] + "." + parts[1];
        Set<String> any = new TreeSet<>();
        Set<String> onTable = new TreeSet<>();
        for (HeldPrivilege p : held) {
            any.add(p.privilege());
            if (!p.isInherited()) onTable.add(p.privilege());
        }
        boolean all = any.contains("ALL_PRIVILEGES");
        List<String> grants = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String principal = "`" + profile.clientId() + "`";
        if (!all && !any.contains("USE_CATALOG")) {
            missing.add("USE CATALOG on catalog " + parts[0]);
            grants.add("GRANT USE CATALOG ON CATALOG " + parts[0] + " TO " + principal + ";");
        }
        if (!all && !any.contains("USE_SCHEMA")) {
            missing.add("USE SCHEMA on schema " + schema);
            grants.add("GRANT USE SCHEMA ON SCHEMA " + schema + " TO " + principal + ";");
        }
        boolean tableAll = onTable.contains("ALL_PRIVILEGES");
        List<String> tablePrivileges = new ArrayList<>();
        if (!tableAll && !onTable.contains("SELECT")) tablePrivileges.add("SELECT");
        if (!tableAll && !onTable.contains("MODIFY")) tablePrivileges.add("MODIFY");
        if (!tablePrivileges.isEmpty()) {
            boolean inheritedOnly = tablePrivileges.stream().allMatch(any::contains);
            missing.add(String.join(" and ", tablePrivileges) + " on the table itself"
                    + (inheritedOnly ? " (granted on a parent, which Zerobus does not accept)" : ""));
            grants.add("GRANT " + String.join(", ", tablePrivileges) + " ON TABLE " + table + " TO " + principal + ";");
        }
        if (missing.isEmpty()) {
            return Outcome.pass("Holds " + String.join(", ", any) + (onTable.isEmpty() ? "" : " (on the table: " + String.join(", ", onTable) + ")"));
        }
        return Outcome.fail(new Problem("Service principal '" + profile.clientId() + "' lacks " + String.join("; ", missing)
                + ". Zerobus rejects the stream with error 4024.",
                "Ask the table's owner (or a metastore admin) to run the GRANT statement" + (grants.size() > 1 ? "s" : "") + " below.",
                String.join("\n", grants), null));
    }

    private Outcome checkStream() {
        var options = StreamConfigurationOptions.builder().setRecovery(false).build();
        try (var sdk = new ZerobusSdk(profile.sdkEndpointUrl(), profile.sdkWorkspaceUrl())) {
            ZerobusJsonStream stream = sdk.createJsonStream(table, profile.clientId(), profile.clientSecret().reveal(), options)
                    .get(STREAM_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            stream.close();
            return Outcome.pass("Opened and closed a JSON stream");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.fail(new Problem("The check was interrupted.", "Run it again."));
        } catch (TimeoutException e) {
            return Outcome.fail(new Problem("The stream did not open within " + STREAM_TIMEOUT.toSeconds() + " s.",
                    "Check the Zerobus endpoint and that outbound HTTP/2 (gRPC) traffic on port 443 is allowed.", null, e));
        } catch (Exception | LinkageError e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            var why = ErrorExplainer.explain(cause);
            return Outcome.fail(why.withText(why.message() + " The service said: " + firstLine(why.detail()),
                    why.fix(), grantFrom(why.detail())));
        }
    }

    private CatalogBrowser browser() {
        WorkspaceClient client = WorkspaceClients.create(profile);
        return new CatalogBrowser(client);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String grantFrom(String text) {
        String grant = GrantStatements.firstIn(text);
        return grant == null ? null : grant + ";";
    }

    private String redact(String text) {
        return profile.redact(text);
    }

    private Problem redact(Problem p) {
        return new Problem(redact(p.message()), redact(p.fix()), p.copyableFix(), p.category(), p.retryable(), redact(p.detail()), p.error());
    }
}
