package dev.zerobus.console.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** One HTTP request as a route handler sees it: path parameters, query, body, and ways to answer. */
public final class HttpExchangeContext {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;
    private final Matcher pathMatch;
    private final Map<String, List<String>> query;
    private final long bodyLimit;
    private byte[] body;

    HttpExchangeContext(HttpExchange exchange, Matcher pathMatch) {
        this(exchange, pathMatch, BodyLimits.REST_BYTES);
    }

    HttpExchangeContext(HttpExchange exchange, Matcher pathMatch, long bodyLimit) {
        this.exchange = exchange;
        this.pathMatch = pathMatch;
        this.query = parseForm(exchange.getRequestURI().getRawQuery());
        this.bodyLimit = bodyLimit;
    }

    public String method() { return exchange.getRequestMethod(); }

    /** A named group of the route's path pattern, URL-decoded. */
    public String path(String group) {
        return URLDecoder.decode(pathMatch.group(group), StandardCharsets.UTF_8);
    }

    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The body, read up to the route's limit: a longer one is answered 413 without being read further. */
    public byte[] body() throws IOException {
        if (body == null) {
            byte[] read = exchange.getRequestBody().readNBytes(Math.toIntExact(bodyLimit + 1));
            if (read.length > bodyLimit) throw BodyLimits.tooLarge(exchange.getRequestURI().getRawPath(), bodyLimit);
            body = read;
        }
        return body;
    }

    /** The body as JSON; an empty body is an empty object. */
    public JsonNode json() throws IOException {
        byte[] b = body();
        if (b.length == 0) return JsonNodeFactory.instance.objectNode();
        try {
            return JSON.readTree(b);
        } catch (IOException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "The request body is not valid JSON: " + e.getMessage());
        }
    }

    /** The body as an {@code application/x-www-form-urlencoded} form. */
    public Map<String, List<String>> form() throws IOException {
        return parseForm(new String(body(), StandardCharsets.UTF_8));
    }

    public void respond(int status, JsonNode json) throws IOException {
        respond(status, "application/json", JSON.writeValueAsBytes(json));
    }

    public void respond(int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        // Flush before close: close() first drains what is left of the request body (64 KiB at most, then it drops the
        // connection), and a client still holding back an oversized body would not see the answer until then.
        exchange.getResponseBody().flush();
        exchange.close();
    }

    /** A 302 redirect to {@code location}, with no body. */
    public void redirect(String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.getResponseBody().flush();
        exchange.close();
    }

    /** A Databricks-shaped error body: {@code {"error_code":"NOT_FOUND","message":"..."}}. */
    public void error(int status, String errorCode, String message) throws IOException {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("error_code", errorCode).put("message", message);
        respond(status, node);
    }

    static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return result;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return result;
    }
}
