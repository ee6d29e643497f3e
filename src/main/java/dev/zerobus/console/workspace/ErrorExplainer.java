package dev.zerobus.console.workspace;

import com.databricks.sdk.core.DatabricksError;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns any error the Zerobus SDK, databricks-sdk-java or the network can raise into a {@link Problem}: a
 * category, a one-line message (what happened), a fix, and whether retrying can help. Unknown errors keep their full text. This is the
 * one classifier: {@code IngestionSession} retries exactly what it calls retryable, {@code LoadJob} and the UI show
 * its words. Codes decide first: the gRPC status the SDK prints ({@code status: Unavailable}), the Zerobus error code
 * ({@code Error code 4024}), the HTTP status of the token endpoint or of a REST call; the message text only chooses
 * among the categories the code allows (so "failed at offset 0" under UNAVAILABLE stays a retryable stream failure).
 * Without any code the text rules decide, ordered most specific first. Stateless and thread-safe.
 */
public final class ErrorExplainer {
    public enum Category {
        NATIVE_LIBRARY, CONNECTION_REFUSED, DNS, TLS, AUTHENTICATION, TOKEN_EXPIRED, PERMISSION, TABLE_NOT_FOUND,
        TABLE_NOT_SUPPORTED, SCHEMA_MISMATCH, INVALID_RECORD, MESSAGE_TOO_LARGE, THROUGHPUT_LIMIT, REGION_NOT_SUPPORTED,
        TOKEN_SERVICE_UNAVAILABLE, STREAM_LIFETIME, STREAM_CLOSED, TIMEOUT, UNKNOWN;

        /** A close the service does on schedule: the client rolls to a new stream, it is not a failure. */
        public boolean planned() {
            return this == STREAM_LIFETIME;
        }
    }

    private record Rule(Category category, boolean retryable, Predicate<Signal> matches, String message, String fix) {}

    /** What a rule looks at: the whole text in lower case, the exception chain and an HTTP status if any. */
    private record Signal(String text, String lower, List<Throwable> chain, int httpStatus) {
        boolean has(String... needles) {
            for (String n : needles) if (lower.contains(n.toLowerCase(Locale.ROOT))) return true;
            return false;
        }

        boolean caused(Class<? extends Throwable> type) {
            return chain.stream().anyMatch(type::isInstance);
        }
    }

    private static final Pattern TABLE = Pattern.compile("([A-Za-z0-9_]+\\.[A-Za-z0-9_]+\\.[A-Za-z0-9_]+)");
    /** An HTTP 5xx status as the Zerobus SDK prints it: {@code server error (503)}. */
    private static final Pattern SERVER_ERROR = Pattern.compile("\\(5\\d\\d\\)");
    private static final Pattern URL = Pattern.compile("for url \\(([^)\\s]+)\\)");
    /** The gRPC status as the SDK's Rust core prints it ({@code status: Unavailable,}) or as grpc-java does ({@code UNAVAILABLE:}). */
    private static final Pattern GRPC_STATUS = Pattern.compile("status: ([A-Za-z]+)\\b|\\b([A-Z][A-Z_]{4,}): ");
    /** Databricks' error code for a missing table-level grant on a Zerobus stream. */
    private static final Pattern ZEROBUS_PERMISSION_CODE = Pattern.compile("\\berror code 4024\\b");
    /** The token endpoint's HTTP status as the Zerobus SDK prints it: {@code Client error (401)}, {@code server error (503)}. */
    private static final Pattern TOKEN_HTTP_STATUS = Pattern.compile("(?:client|server) error \\((\\d{3})\\)");

    /**
     * What a code allows: the categories the text may choose among (the first is the default), and whether a retry can
     * help. The gRPC codes follow zerobus-protocol.md (the SDK retries UNAVAILABLE, server EOF and ACK time-outs, and
     * gives up on INVALID_ARGUMENT, UNAUTHENTICATED, PERMISSION_DENIED, NOT_FOUND, OUT_OF_RANGE, UNIMPLEMENTED).
     */
    private record CodeClass(boolean retryable, List<Category> allowed) {}

    private static final Map<String, CodeClass> GRPC_CODES = Map.ofEntries(
            // UNAVAILABLE also carries transport failures: connection refused is retryable, DNS and TLS need a fix.
            Map.entry("unavailable", new CodeClass(true, List.of(Category.STREAM_CLOSED, Category.STREAM_LIFETIME, Category.CONNECTION_REFUSED,
                    Category.TOKEN_SERVICE_UNAVAILABLE, Category.TIMEOUT, Category.DNS, Category.TLS))),
            Map.entry("aborted", new CodeClass(true, List.of(Category.STREAM_CLOSED))),
            Map.entry("cancelled", new CodeClass(true, List.of(Category.STREAM_CLOSED))),
            Map.entry("deadlineexceeded", new CodeClass(true, List.of(Category.TIMEOUT))),
            Map.entry("deadline_exceeded", new CodeClass(true, List.of(Category.TIMEOUT))),
            Map.entry("resourceexhausted", new CodeClass(true, List.of(Category.THROUGHPUT_LIMIT, Category.MESSAGE_TOO_LARGE))),
            Map.entry("resource_exhausted", new CodeClass(true, List.of(Category.THROUGHPUT_LIMIT, Category.MESSAGE_TOO_LARGE))),
            Map.entry("invalidargument", new CodeClass(false, List.of(Category.INVALID_RECORD, Category.SCHEMA_MISMATCH,
                    Category.MESSAGE_TOO_LARGE, Category.TABLE_NOT_SUPPORTED, Category.REGION_NOT_SUPPORTED))),
            Map.entry("invalid_argument", new CodeClass(false, List.of(Category.INVALID_RECORD, Category.SCHEMA_MISMATCH,
                    Category.MESSAGE_TOO_LARGE, Category.TABLE_NOT_SUPPORTED, Category.REGION_NOT_SUPPORTED))),
            Map.entry("outofrange", new CodeClass(false, List.of(Category.INVALID_RECORD))),
            Map.entry("failedprecondition", new CodeClass(false, List.of(Category.TABLE_NOT_SUPPORTED, Category.SCHEMA_MISMATCH,
                    Category.REGION_NOT_SUPPORTED))),
            Map.entry("unauthenticated", new CodeClass(false, List.of(Category.AUTHENTICATION, Category.TOKEN_EXPIRED))),
            Map.entry("permissiondenied", new CodeClass(false, List.of(Category.PERMISSION))),
            Map.entry("permission_denied", new CodeClass(false, List.of(Category.PERMISSION))),
            Map.entry("notfound", new CodeClass(false, List.of(Category.TABLE_NOT_FOUND))),
            Map.entry("not_found", new CodeClass(false, List.of(Category.TABLE_NOT_FOUND))));

    private static final List<Rule> RULES = List.of(
            new Rule(Category.NATIVE_LIBRARY, false, s -> s.caused(UnsatisfiedLinkError.class) || s.has("glibc_2.", "native library"),
                    "The Zerobus SDK's native library could not be loaded on this machine.",
                    "The SDK needs Linux with glibc 2.34+ (Debian 12, Ubuntu 22.04, RHEL 9 or newer), macOS 11+, or Windows x64. "
                            + "Run the console on a newer OS, or use the CLI from a machine that qualifies."),
            // 6002: the service ends every stream after a while (about 15 minutes, to refresh its token), announced by
            // close_stream_signal; its message is "Stream timeout reached. Closing the stream (ID: ...). Error Code: 6002"
            // (emqx/emqx pull 18393). Planned: the client opens a new stream; not an error, not a retry.
            new Rule(Category.STREAM_LIFETIME, true, s -> s.has("error code: 6002", "error code 6002", "stream timeout reached"),
                    "The service ended the stream at the end of its lifetime (Zerobus error code 6002, stream timeout): "
                            + "Zerobus closes streams periodically, about every 15 minutes, to refresh their tokens.",
                    "Nothing to fix: the console rolls over to a new stream and re-sends only what was not yet acknowledged. "
                            + "It counts a planned rotation, not an error or a retry. Producers of your own must do the same."),
            // SDK 1.0.1 with its own recovery off neither reports close_stream_signal nor, when the stream is idle at the
            // close, the server's status: it says only "Stream is closed: status: Internal, message: \"Stream closed\"".
            // A close by the server with no reason is read as the scheduled end of the stream (the session still
            // treats it as a failure when the stream it replaces never got an ACK, so a server that keeps closing
            // streams uses up the retry budget).
            new Rule(Category.STREAM_LIFETIME, true, s -> s.has("status: internal, message: \"stream closed\""),
                    "The service ended the stream without giving a reason, the way Zerobus ends a stream at the end of its "
                            + "lifetime (about every 15 minutes, after close_stream_signal).",
                    "Nothing to fix: the console rolls over to a new stream and re-sends only what was not yet acknowledged. "
                            + "It counts a planned rotation, not an error or a retry."),
            new Rule(Category.REGION_NOT_SUPPORTED, false, s -> s.has("region") && s.has("not supported", "not enabled", "unsupported"),
                    "Zerobus Ingest is not available in this workspace's region.",
                    "Use a workspace in a region Zerobus serves (AWS: us-east-1, us-east-2, us-west-2, eu-central-1, eu-west-1, ...)."),
            new Rule(Category.TOKEN_SERVICE_UNAVAILABLE, true,
                    s -> s.has("temporarily_unavailable") || (s.has("token") && (s.has(" 500", " 502", " 503", " 504", "status 5",
                            "unity catalog server error") || SERVER_ERROR.matcher(s.text()).find())),
                    "The workspace's token endpoint failed temporarily (HTTP 5xx).",
                    "Retry in a moment; the console retries on its own. If it lasts, check the Databricks status page."),
            new Rule(Category.AUTHENTICATION, false,
                    s -> s.has("invalid_client", "client authentication failed", "wrong client secret", "unknown client_id", "invalid client",
                            "client error (401)", "uc token is in invalid format"),
                    "The workspace rejected the client id or secret (OAuth invalid_client).",
                    "Use the service principal's Application ID as client id and one of its OAuth secrets (not a personal access "
                            + "token). Secrets expire: create a new one under Settings > Identity and access > Service principals > Secrets."),
            new Rule(Category.CONNECTION_REFUSED, true, s -> s.has("token fetch failed: network error"),
                    "The workspace's token endpoint could not be reached (the host did not resolve or refused the connection).",
                    "Check the workspace URL (scheme, host and port), your network, VPN and proxy settings; the Zerobus SDK "
                            + "fetches a token from <workspace URL>/oidc/v1/token before every stream."),
            new Rule(Category.TOKEN_EXPIRED, false, s -> s.has("token expired", "expired at"),
                    "The access token expired.",
                    "Nothing to fix in the configuration: streams fetch a new token when they are created. Restart the stream."),
            new Rule(Category.TABLE_NOT_SUPPORTED, false, s -> s.has("not a managed", "only managed delta", "not managed", "views cannot"),
                    "The table cannot take Zerobus streams: only managed Delta tables can.",
                    "Create a managed Delta table (CREATE TABLE ... without LOCATION) and ingest into it."),
            new Rule(Category.PERMISSION, false,
                    s -> s.has("4024", "permission_denied", "permission denied", "does not have", "not authorized", "insufficient privileges")
                            || s.httpStatus() == 403,
                    "The service principal lacks a privilege Zerobus needs (Zerobus error code 4024: missing table grants).",
                    "Zerobus needs USE CATALOG on the catalog, USE SCHEMA on the schema, and SELECT and MODIFY granted on the "
                            + "table itself (schema-level grants do not count). Run the GRANT statement as the table's owner."),
            new Rule(Category.AUTHENTICATION, false,
                    s -> s.has("unauthenticated", "invalid access token", "no access token", "invalid token") || s.httpStatus() == 401,
                    "The request was not authenticated (missing or invalid token).",
                    "Check the workspace URL belongs to the same workspace as the Zerobus endpoint, and the client id and secret."),
            new Rule(Category.TABLE_NOT_FOUND, false,
                    s -> s.has("table_does_not_exist", "table or view not found", "table_or_view_not_found", "does not exist", "not_found",
                            "not found") || s.httpStatus() == 404,
                    "The table does not exist, or the principal cannot see it.",
                    "Check catalog.schema.table (names are case-insensitive, ASCII letters, digits and underscores) and that the "
                            + "principal has USE CATALOG and USE SCHEMA."),
            new Rule(Category.MESSAGE_TOO_LARGE, false, s -> s.has("message too large", "exceeds the 10 mb", "10 mb", "larger than max",
                    "too large", "message length too large", "limit is 10485760 bytes"),
                    "A request was larger than the service's 10 MB limit per message.",
                    "Send smaller batches (a batch is one message) and keep each record well under 10 MB."),
            new Rule(Category.THROUGHPUT_LIMIT, true, s -> s.has("resource_exhausted", "resourceexhausted", "resource exhausted",
                    "throughput", "rate limit", "quota", "too many requests") || s.httpStatus() == 429,
                    "The stream hit a throughput quota (per stream by default: 100,000 records/s and 100 MB/s on the quotas page, "
                            + "15,000 records/s on the older limits page; 10 GB/s per table).",
                    "Spread the load over more streams, send batches, or slow down; the console backs off and retries. The "
                            + "quotas are adjustable: ask your Databricks account team to raise them."),
            // 4044: the service's record decoder refused a record: "invalid type: string \"72F\", expected an integer",
            // "unrecognized field name 'ip'", a missing NOT NULL column (emqx/emqx pull 18393 quotes these messages).
            new Rule(Category.INVALID_RECORD, false,
                    s -> s.has("error code: 4044", "error code 4044", "record decoder/encoder error", "invalid type:", "unrecognized field",
                            "unknown field")
                            && !s.has("descriptor"),
                    "The service could not decode a record against the table (Zerobus error code 4044): a field the table does "
                            + "not have, a value of the wrong type (\"invalid type: X, expected Y\"), or a NOT NULL column left out.",
                    "Fix the field the message names: drop fields that are not columns, send the type the column takes (see the "
                            + "type table in the user guide), and give every NOT NULL column a value. Nullable columns may be left out."),
            new Rule(Category.SCHEMA_MISMATCH, false,
                    s -> s.has("descriptor", "schema mismatch", "does not match the table", "column count", "missing column", "optionality"),
                    "The records' schema does not fit the table (Zerobus error code 4044 when the service names it): a NOT NULL "
                            + "column missing, a field the table does not have, or a type that differs.",
                    "Regenerate the .proto from the table (Catalog pane, or `zerobus-console proto --table <name>`) and rebuild "
                            + "the producer. Nullable columns may be left out of the descriptor; NOT NULL columns may not, and "
                            + "every field must be a column of the table with its type."),
            new Rule(Category.INVALID_RECORD, false, s -> s.has("invalid_argument", "invalid argument", "invalidargument", "cannot decode", "does not fit"),
                    "The service rejected a record.",
                    "Fix the field named in the message (see the type table in the user guide) and send the record again."),
            new Rule(Category.TLS, false, s -> s.has("certificate", "ssl", "tls handshake", "handshake", "invalidcontenttype",
                    "received corrupt message", "unknownissuer"),
                    "The TLS connection failed (certificate or handshake).",
                    "Behind a TLS-inspecting proxy, point SSL_CERT_FILE at its CA bundle; use https:// (or no scheme) for Databricks hosts "
                            + "and http:// for a plaintext endpoint such as the local sandbox."),
            new Rule(Category.DNS, false, s -> s.caused(UnknownHostException.class) || s.has("dns error", "failed to lookup address",
                    "name or service not known", "nodename nor servname", "no such host", "unknown host"),
                    "The host name does not resolve.",
                    "Check the spelling of the workspace URL and the Zerobus endpoint (workspace id and region), and your VPN or DNS."),
            new Rule(Category.CONNECTION_REFUSED, true, s -> s.caused(ConnectException.class) || s.has("connection refused", "connect error",
                    "tcp connect error", "error trying to connect"),
                    "Nothing accepted the connection.",
                    "Check host and port. For the local sandbox, start it (`zerobus-console sandbox`) and use the endpoints it prints; "
                            + "behind a firewall, allow outbound HTTPS (443) to the workspace and the Zerobus endpoint."),
            new Rule(Category.STREAM_CLOSED, true, s -> s.has("commit") && s.has("failed", "failure"),
                    "The server could not commit the records to the table and closed the stream.",
                    "Nothing to fix: the console opens a new stream and re-sends every record that was not yet acknowledged "
                            + "(duplicates are possible, nothing is lost)."),
            new Rule(Category.TIMEOUT, true, s -> s.has("lack of ack", "ack timeout", "no ack", "acknowledg") && s.has("timeout", "timed out",
                    "within"),
                    "The server sent no acknowledgement within the ACK time-out.",
                    "The console opens a new stream and re-sends what was not acknowledged, within its retry budget. If it "
                            + "repeats, the service may be overloaded: check the Databricks status page."),
            new Rule(Category.STREAM_CLOSED, true, s -> s.has("stream timeout reached", "stream closed", "stream is closed", "unavailable",
                    "close_stream_signal", "connection reset", "broken pipe", "server closed"),
                    "The server closed the stream.",
                    "Nothing to fix: Zerobus closes streams now and then. The console opens a new stream and re-sends every record "
                            + "that was not yet acknowledged (duplicates are possible, nothing is lost)."),
            new Rule(Category.TIMEOUT, true, s -> s.caused(SocketTimeoutException.class) || s.has("timed out", "timeout", "deadline exceeded"),
                    "An operation timed out.",
                    "Retry; if it repeats, check the network path to the workspace and the Zerobus endpoint."));

    private ErrorExplainer() {}

    /** The problem an exception means; {@code detail} is the text of its cause chain, {@code error} the exception. */
    public static Problem explain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int status = 0;
        for (Throwable t = error; t != null && chain.size() < 10; t = t.getCause()) {
            chain.add(t);
            if (t.getMessage() != null) text.append(text.isEmpty() ? "" : " | ").append(t.getMessage());
            if (t instanceof DatabricksError d && d.getStatusCode() > 0 && status == 0) status = d.getStatusCode();
            if (t instanceof DatabricksError d && d.getErrorCode() != null) text.append(" [").append(d.getErrorCode()).append(']');
        }
        if (text.isEmpty()) text.append(error.getClass().getName());
        return explain(text.toString(), chain, status, error);
    }

    /**
     * The problem as the user of {@code profile} should read it. The local sandbox (the sandbox profile, or any profile
     * whose workspace is on a loopback address) mints new secrets every time it starts, so there a rejected client
     * secret (invalid_client) is most often one read before a restart: say so, and where its new secret is, instead of
     * pointing at a workspace's service-principal settings. {@code workedBefore}: the same secret was accepted earlier
     * by this client, so the sandbox did restart (its secrets change at no other time).
     */
    public static Problem inContext(Problem problem, ConnectionProfile profile, boolean workedBefore) {
        if (problem.category() != Category.AUTHENTICATION || !problem.detail().toLowerCase(Locale.ROOT).contains("invalid_client")
                || !isLocalSandbox(profile)) {
            return problem;
        }
        String message = workedBefore
                ? "The local sandbox no longer accepts the client secret that worked earlier (OAuth invalid_client): it restarted, "
                        + "and it mints new secrets every time it starts."
                : "The local sandbox rejected the client id or secret (OAuth invalid_client). It mints new secrets every time it "
                        + "starts, so a secret copied before its last restart no longer works.";
        return problem.withText(message, "Use its current secret. `zerobus-console sandbox` prints it when it starts (client_secret "
                + "in its JSON line): put it in profile '" + profile.name() + "' (or DATABRICKS_CLIENT_SECRET). In the desktop "
                + "console, the Sandbox (local) profile always has the running sandbox's secret: select it again, or restart the "
                + "console (saved copies of it take the new secret then).", null);
    }

    private static boolean isLocalSandbox(ConnectionProfile profile) {
        return profile.source() == ConnectionProfile.Source.SANDBOX || EndpointParser.hasLoopbackHost(profile.workspaceUrl());
    }

    /** The problem an error text means; {@code detail} is the text, kept in full. */
    public static Problem explain(String message) {
        return explain(message, List.of(), 0, null);
    }

    public static Problem explain(String message, int httpStatus) {
        return explain(message, List.of(), httpStatus, null);
    }

    private static Problem explain(String text, List<Throwable> chain, int httpStatus, @Nullable Throwable error) {
        var signal = new Signal(text, text.toLowerCase(Locale.ROOT), chain, httpStatus);
        CodeClass code = codeClass(signal);
        if (code != null) {
            Rule chosen = null;
            for (Rule rule : RULES) {
                if (code.allowed().contains(rule.category()) && rule.matches().test(signal)) {
                    chosen = rule;
                    break;
                }
            }
            if (chosen == null) chosen = firstRuleOf(code.allowed().getFirst());
            // A retryable code with words that need a fix first (DNS, TLS under UNAVAILABLE) is not retried.
            return Problem.classified(chosen.category(), chosen.message(), fixFor(chosen, text), code.retryable() && chosen.retryable(),
                    text, error);
        }
        for (Rule rule : RULES) {
            if (rule.matches().test(signal)) {
                return Problem.classified(rule.category(), rule.message(), fixFor(rule, text), rule.retryable(), text, error);
            }
        }
        return Problem.classified(Category.UNKNOWN, "Unexpected error: " + text,
                "If it repeats, copy the report (it never contains secrets) into a support ticket.", false, text, error);
    }

    /**
     * The class a code gives, most authoritative first: the Zerobus error code, the gRPC status, the token endpoint's
     * HTTP status, a REST call's HTTP status; null when the error carries no code.
     */
    private static @Nullable CodeClass codeClass(Signal s) {
        if (ZEROBUS_PERMISSION_CODE.matcher(s.lower()).find()) return new CodeClass(false, List.of(Category.PERMISSION));
        Matcher grpc = GRPC_STATUS.matcher(s.text());
        while (grpc.find()) {
            String name = (grpc.group(1) != null ? grpc.group(1) : grpc.group(2)).toLowerCase(Locale.ROOT);
            CodeClass known = GRPC_CODES.get(name);
            if (known != null) return known;
        }
        Matcher token = TOKEN_HTTP_STATUS.matcher(s.lower());
        if (token.find()) {
            int http = Integer.parseInt(token.group(1));
            if (http >= 500 || http == 429) return new CodeClass(true, List.of(Category.TOKEN_SERVICE_UNAVAILABLE));
            if (http == 400 || http == 401) return new CodeClass(false, List.of(Category.AUTHENTICATION));
        }
        return null; // a REST call's HTTP status is one of the rules' signals
    }

    private static Rule firstRuleOf(Category category) {
        return RULES.stream().filter(r -> r.category() == category).findFirst().orElseThrow();
    }

    /** A fix quoting the server's own GRANT statement, table name or the URL the SDK tried, where the message carries one. */
    private static String fixFor(Rule rule, String text) {
        Matcher url = URL.matcher(text);
        if (rule.category() == Category.CONNECTION_REFUSED && url.find()) return rule.fix() + " The SDK tried " + url.group(1) + ".";
        if (rule.category() == Category.PERMISSION) {
            String grant = GrantStatements.firstIn(text);
            if (grant != null) return rule.fix() + " Run: " + grant;
            String table = firstTable(text);
            if (table != null) {
                return rule.fix() + " For example: GRANT USE CATALOG ON CATALOG " + table.split("\\.")[0]
                        + " TO `<client-id>`; GRANT USE SCHEMA ON SCHEMA " + table.substring(0, table.lastIndexOf('.'))
                        + " TO `<client-id>`; GRANT SELECT, MODIFY ON TABLE " + table + " TO `<client-id>`;";
            }
        }
        return rule.fix();
    }

    static @Nullable String firstTable(String text) {
        Matcher m = TABLE.matcher(text);
        while (m.find()) {
            String candidate = m.group(1);
            if (!candidate.matches("\\d+\\.\\d+\\.\\d+")) return candidate;
        }
        return null;
    }
}
