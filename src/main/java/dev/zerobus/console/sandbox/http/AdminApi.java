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
            "ackLatencyMs", "withholdAcks", "rejectNextTokens", "failNextCommits", "catalogDelayMs",
            "serviceLike", "quotaRowsPerSecond", "quotaBytesPerSecond", "streamLifetimeSeconds");

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

    /**
     * Validates every field before changing any, so a bad request changes nothing: the values are first applied to
     * a scratch plan, whose setters refuse a value outside its range with a message naming the field and the range.
     */
    private void set(HttpExchangeContext request) throws IOException {
        auth.requireAdmin(request, "change the sandbox's fault plan");
        JsonNode body = request.json();
        if (!body.isObject()) throw ApiException.invalid("Send a JSON object with the faults to set, e.g. {\"ackLatencyMs\":500}.");
        Set<String> unknown = new TreeSet<>();
        body.fieldNames().forEachRemaining(f -> { if (!FIELDS.contains(f)) unknown.add(f); });
        if (!unknown.isEmpty()) throw ApiException.invalid("Unknown fault fields " + unknown + ". Known: " + new TreeSet<>(FIELDS) + ".");
        try {
            apply(body, new FaultPlan());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(e.getMessage());
        }
        apply(body, faults);
        request.respond(200, describe());
    }

    private void apply(JsonNode body, FaultPlan faults) {
        Long closeStreams = count(body, "closeStreamsAfter");
        Long closeSignal = count(body, "closeSignalAfter");
        Long closeSignalMillis = body.has("closeSignalSeconds") ? millis(body, "closeSignalSeconds") : null;
        Long ackLatency = count(body, "ackLatencyMs");
        Long rejectTokens = count(body, "rejectNextTokens");
        Long failCommits = count(body, "failNextCommits");
        Long catalogDelay = count(body, "catalogDelayMs");
        JsonNode withhold = bool(body, "withholdAcks");
        JsonNode serviceLike = bool(body, "serviceLike");
        Long quotaRows = count(body, "quotaRowsPerSecond");
        Long quotaBytes = count(body, "quotaBytesPerSecond");
        Long lifetimeMillis = body.has("streamLifetimeSeconds") ? millis(body, "streamLifetimeSeconds") : null;

        if (closeStreams != null) faults.closeStreamsAfter(closeStreams);
        if (closeSignal != null || closeSignalMillis != null) {
            faults.closeSignalAfter(closeSignal != null ? closeSignal : faults.closeSignalAfterRecords(),
                    closeSignalMillis != null ? Duration.ofMillis(closeSignalMillis) : faults.closeSignalDuration());
        }
        if (ackLatency != null) faults.ackLatency(Duration.ofMillis(ackLatency));
        if (withhold != null) faults.withholdAcks(withhold.asBoolean());
        if (rejectTokens != null) faults.rejectNextTokens(clampToInt(rejectTokens));
        if (failCommits != null) faults.failNextCommits(clampToInt(failCommits));
        if (catalogDelay != null) faults.catalogDelay(Duration.ofMillis(catalogDelay));
        if (serviceLike != null) faults.serviceLike(serviceLike.asBoolean());
        if (quotaRows != null) faults.quotaRowsPerSecond(quotaRows);
        if (quotaBytes != null) faults.quotaBytesPerSecond(quotaBytes);
        if (lifetimeMillis != null) faults.streamLifetime(Duration.ofMillis(lifetimeMillis));
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
                .put("catalogDelayMs", faults.catalogDelay().toMillis())
                .put("serviceLike", faults.serviceLike())
                .put("quotaRowsPerSecond", faults.quotaRowsPerSecond())
                .put("quotaBytesPerSecond", faults.quotaBytesPerSecond())
                .put("streamLifetimeSeconds", faults.streamLifetime().toMillis() / 1000.0);
    }

    /** A whole number; its range is the plan's to check ({@link FaultPlan.Limits}). */
    private static Long count(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null) return null;
        if (!node.isIntegralNumber()) throw new IllegalArgumentException(field + " must be a whole number, got " + node + ".");
        if (!node.canConvertToLong()) return node.bigIntegerValue().signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        return node.asLong();
    }

    /** Clamped into int range, so that the plan refuses an out-of-range count with its own range message. */
    private static int clampToInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /** Seconds (fractions allowed) as milliseconds; out-of-range values stay out of range, for the plan to refuse. */
    private static long millis(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (!node.isNumber()) throw new IllegalArgumentException(field + " must be a number of seconds, got " + node + ".");
        double ms = node.asDouble() * 1000;
        return ms >= Long.MAX_VALUE ? Long.MAX_VALUE : ms <= Long.MIN_VALUE ? Long.MIN_VALUE : Math.round(ms);
    }

    private static JsonNode bool(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node != null && !node.isBoolean()) throw new IllegalArgumentException(field + " must be true or false, got " + node + ".");
        return node;
    }
}
