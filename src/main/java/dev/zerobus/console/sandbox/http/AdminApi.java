package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zerobus.console.sandbox.FaultPlan;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /sandbox/admin/faults}: read (GET), change some knobs (POST with only the fields to set) or clear (DELETE)
 * the sandbox's fault plan, for tests and demos. Only the sandbox admin ({@code sandbox-admin@localhost}, its
 * {@code userToken}) may: 401 without a token, 403 for anyone else. Loopback alone is no guard: every principal of
 * the sandbox (no-grants-sp, the analyst) reaches it over loopback too. Fault values are checked below.
 */
final class AdminApi {
    private static final String PATH = "/sandbox/admin/faults";
    private static final Set<String> FIELDS = Set.of("closeStreamsAfter", "closeSignalAfter", "closeSignalSeconds",
            "ackLatencyMs", "withholdAcks", "rejectNextTokens", "failNextCommits", "catalogDelayMs");

    private final BearerAuth auth;
    private final FaultPlan faults;

    AdminApi(BearerAuth auth, FaultPlan faults) {
        this.auth = auth;
        this.faults = faults;
    }

    List<Route> routes() {
        return List.of(
                Route.of("GET", PATH, this::get),
                Route.of("POST", PATH, this::set),
                Route.of("DELETE", PATH, this::reset));
    }

    private void get(HttpExchangeContext request) throws IOException {
        auth.requireAdmin(request, "read the sandbox's fault plan");
        request.respond(200, describe());
    }

    private void reset(HttpExchangeContext request) throws IOException {
        auth.requireAdmin(request, "clear the sandbox's fault plan");
        faults.reset();
        request.respond(200, describe());
    }

    /** Validates every field before changing any, so a bad request changes nothing. */
    private void set(HttpExchangeContext request) throws IOException {
        auth.requireAdmin(request, "change the sandbox's fault plan");
        JsonNode body = request.json();
        if (!body.isObject()) throw ApiException.invalid("Send a JSON object with the faults to set, e.g. {\"ackLatencyMs\":500}.");
        Set<String> unknown = new TreeSet<>();
        body.fieldNames().forEachRemaining(f -> { if (!FIELDS.contains(f)) unknown.add(f); });
        if (!unknown.isEmpty()) throw ApiException.invalid("Unknown fault fields " + unknown + ". Known: " + new TreeSet<>(FIELDS) + ".");
        Long closeStreams = count(body, "closeStreamsAfter");
        Long closeSignal = count(body, "closeSignalAfter");
        Long closeSignalMillis = body.has("closeSignalSeconds") ? Math.round(number(body, "closeSignalSeconds") * 1000) : null;
        Long ackLatency = count(body, "ackLatencyMs");
        Long rejectTokens = count(body, "rejectNextTokens");
        Long failCommits = count(body, "failNextCommits");
        Long catalogDelay = count(body, "catalogDelayMs");
        JsonNode withhold = body.get("withholdAcks");
        if (withhold != null && !withhold.isBoolean()) throw ApiException.invalid("withholdAcks must be true or false.");

        if (closeStreams != null) faults.closeStreamsAfter(closeStreams);
        if (closeSignal != null || closeSignalMillis != null) {
            faults.closeSignalAfter(closeSignal != null ? closeSignal : faults.closeSignalAfterRecords(),
                    closeSignalMillis != null ? Duration.ofMillis(closeSignalMillis) : faults.closeSignalDuration());
        }
        if (ackLatency != null) faults.ackLatency(Duration.ofMillis(ackLatency));
        if (withhold != null) faults.withholdAcks(withhold.asBoolean());
        if (rejectTokens != null) faults.rejectNextTokens(Math.toIntExact(rejectTokens));
        if (failCommits != null) faults.failNextCommits(Math.toIntExact(failCommits));
        if (catalogDelay != null) faults.catalogDelay(Duration.ofMillis(catalogDelay));
        request.respond(200, describe());
    }

    private ObjectNode describe() {
        return JsonNodeFactory.instance.objectNode()
                .put("closeStreamsAfter", faults.closeStreamsAfterRecords())
                .put("closeSignalAfter", faults.closeSignalAfterRecords())
                .put("closeSignalSeconds", faults.closeSignalDuration().toMillis() / 1000.0)
                .put("ackLatencyMs", faults.ackLatency().toMillis())
                .put("withholdAcks", faults.withholdAcks())
                .put("rejectNextTokens", faults.pendingTokenRejections())
                .put("failNextCommits", faults.pendingCommitFailures())
                .put("catalogDelayMs", faults.catalogDelay().toMillis());
    }

    /** A whole number >= 0 (int-sized for the counters that are ints). */
    private static Long count(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) return null;
        long max = field.equals("rejectNextTokens") || field.equals("failNextCommits") ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0 || node.asLong() > max) {
            throw ApiException.invalid(field + " must be a whole number >= 0, got " + node + ".");
        }
        return node.asLong();
    }

    private static double number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (!node.isNumber() || node.asDouble() < 0) throw ApiException.invalid(field + " must be a number >= 0, got " + node + ".");
        return node.asDouble();
    }
}
