package dev.zerobus.console.sandbox.http;

import com.sun.net.httpserver.HttpExchange;

/**
 * How big a request body the sandbox reads, so that no request (authenticated or not) can fill its heap. A body
 * over the limit is answered {@code 413} with a Databricks-shaped error ({@code REQUEST_LIMIT_EXCEEDED}) before it is
 * read: at once when {@code Content-Length} announces it, else as soon as the limit is crossed.
 * <p>
 * Databricks documents no general REST body limit; the stricter reading is a small one. OAuth token and authorize
 * requests are a few form fields: 1 MiB. The SQL Statement Execution API takes statements "up to 16 MiB"
 * (https://docs.databricks.com/api/workspace/statementexecution/executestatement). Other REST JSON: 4 MiB.
 */
final class BodyLimits {
    static final long OAUTH_BYTES = 1L << 20;
    static final long REST_BYTES = 4L << 20;
    static final long SQL_BYTES = 16L << 20;

    private BodyLimits() {}

    static long forPath(String path) {
        if (path.startsWith("/oidc/")) return OAUTH_BYTES;
        if (path.startsWith("/api/2.0/sql/statements")) return SQL_BYTES;
        return REST_BYTES;
    }

    /** Refuses a body whose declared length is over the limit, before reading any of it. */
    static void checkDeclaredLength(HttpExchange exchange, String path, long limit) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) return;
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "MALFORMED_REQUEST", "Content-Length '" + declared + "' is not a number.");
        }
        if (length > limit) throw tooLarge(path, limit);
    }

    static ApiException tooLarge(String path, long limit) {
        return new ApiException(413, "REQUEST_LIMIT_EXCEEDED", "The request body is larger than the " + (limit >> 20)
                + " MiB the sandbox accepts on " + path + ". Send a smaller request.");
    }
}
