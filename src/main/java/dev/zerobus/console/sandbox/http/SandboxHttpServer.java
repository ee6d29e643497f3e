package dev.zerobus.console.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.zerobus.console.sandbox.metadata.MetadataException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's HTTP side (OAuth, Unity Catalog, SQL statements, admin), on the JDK's built-in server bound to
 * 127.0.0.1. Requests run on virtual threads: handlers block on files and Delta reads, never on native SDK code.
 */
public final class SandboxHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sandbox-http-", 0).factory());
    private final List<Route> routes = new ArrayList<>();

    public SandboxHttpServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /** Adds routes; call before {@link #start()}. */
    public SandboxHttpServer addRoutes(List<Route> more) {
        routes.addAll(more);
        return this;
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        try {
            boolean pathKnown = false;
            for (Route route : routes) {
                Matcher m = route.path().matcher(path);
                if (!m.matches()) continue;
                pathKnown = true;
                if (!route.method().equals(method)) continue;
                long limit = BodyLimits.forPath(path);
                var context = new HttpExchangeContext(exchange, m, limit);
                try {
                    BodyLimits.checkDeclaredLength(exchange, path, limit);
                    route.handler().handle(context);
                } catch (ApiException e) {
                    context.error(e.status(), e.errorCode(), e.getMessage());
                } catch (MetadataException e) {
                    context.error(e.code().httpStatus(), e.code().name(), e.getMessage());
                }
                return;
            }
            var context = new HttpExchangeContext(exchange, null);
            if (pathKnown) {
                context.error(405, "METHOD_NOT_ALLOWED", method + " is not supported on " + path + " by the sandbox.");
            } else {
                context.error(404, "ENDPOINT_NOT_FOUND", "The sandbox does not serve " + method + " " + path + ".");
            }
        } catch (Exception e) {
            LOG.warn("HTTP {} {} failed", method, path, e);
            try {
                new HttpExchangeContext(exchange, null).error(500, "INTERNAL_ERROR", "The sandbox failed to answer: " + e);
            } catch (IOException ignored) {
                exchange.close();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
